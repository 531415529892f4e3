import { describe, expect, it } from 'vitest';
import { commsPlanSchema } from '../../../contract/comms';
import { aClientStakeholder, anActionItem, aPlan, aSeries, aStakeholder, aTouchpoint } from '../../../test/support/comms-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { getCommsPlan, saveCommsPlan } from './comms-plan';
import { listTouchpoints, logTouchpoint } from './touchpoint-log';

const PROJECT = '10000';

describe('the communication plan', () => {
  it('given nothing saved, answers an empty plan at revision 0', async () => {
    const records = new InMemoryRecordStore();
    expect(await getCommsPlan(records, PROJECT)).toEqual({
      value: { stakeholders: [], series: [], reminders: { mode: 'none', trackingIssueKey: null } },
      revision: 0,
    });
  });

  it('given two editors on the same revision, the second gets CONFLICT and, after reloading and re-applying, both changes are kept', async () => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(records, PROJECT, aPlan(), 0);
    const alice = await getCommsPlan(records, PROJECT);
    const bob = await getCommsPlan(records, PROJECT);

    const aliceEdit = { ...alice.value, stakeholders: [...alice.value.stakeholders, aClientStakeholder({ id: 'cfo', name: 'Wang Fang' })] };
    const bobEdit = (plan: typeof bob.value) => ({
      ...plan,
      series: [
        ...plan.series,
        aSeries({ id: 'monthly', title: 'Steering committee', cadence: { kind: 'monthly-weekday', week: 'last', weekday: 'thursday' } }),
      ],
    });
    // Both save at once from the same revision: exactly one wins.
    const results = await Promise.allSettled([
      saveCommsPlan(records, PROJECT, aliceEdit, alice.revision),
      saveCommsPlan(records, PROJECT, bobEdit(bob.value), bob.revision),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'CONFLICT' });

    // The loser reloads and re-applies its own change on top.
    const loserIsBob = results[1].status === 'rejected';
    const fresh = await getCommsPlan(records, PROJECT);
    const reapplied = loserIsBob
      ? bobEdit(fresh.value)
      : { ...fresh.value, stakeholders: [...fresh.value.stakeholders, aClientStakeholder({ id: 'cfo', name: 'Wang Fang' })] };
    await saveCommsPlan(records, PROJECT, reapplied, fresh.revision);

    const final = await getCommsPlan(records, PROJECT);
    expect(final.revision).toBe(3);
    expect(final.value.stakeholders.map((s) => s.id)).toEqual(['pm', 'client', 'cfo']);
    expect(final.value.series.map((s) => s.id)).toEqual(['weekly', 'monthly']);
  });

  it('refuses a series owned by a client stakeholder or aimed at an unknown one, with the field path', () => {
    const result = commsPlanSchema.safeParse(aPlan({ series: [aSeries({ ownerId: 'client', audience: ['pm', 'nobody'] })] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['series.0.audience.1', 'series.0.ownerId']);
  });

  it('refuses a Jira account on a client stakeholder, an end before the start and duplicate ids', () => {
    const result = commsPlanSchema.safeParse(
      aPlan({
        stakeholders: [aStakeholder(), aClientStakeholder({ accountId: 'abc' }), aStakeholder()],
        series: [aSeries({ startDate: '2026-02-01', endDate: '2026-01-31' })],
      }),
    );
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'series.0.endDate',
      'stakeholders',
      'stakeholders.1.accountId',
    ]);
  });
});

describe('the touchpoint log', () => {
  it('logs touchpoints and lists them newest first', async () => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(records, PROJECT, aPlan(), 0);
    await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't1', date: '2026-01-05' }));
    await logTouchpoint(records, PROJECT, aTouchpoint({ id: 't2', date: '2026-01-12', actionItems: [] }));
    expect((await listTouchpoints(records, PROJECT)).map((t) => [t.id, t.date])).toEqual([
      ['t2', '2026-01-12'],
      ['t1', '2026-01-05'],
    ]);
  });

  it('refuses a series that is not in the plan, with the field, and stores nothing', async () => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(records, PROJECT, aPlan(), 0);
    await expect(logTouchpoint(records, PROJECT, aTouchpoint({ seriesId: 'ghost' }))).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      fields: [{ path: 'touchpoint.seriesId', message: 'a series of this plan' }],
    });
    expect(await listTouchpoints(records, PROJECT)).toEqual([]);
  });

  it('keeps the Jira key of an action item when an older copy of the minutes is saved over it', async () => {
    const records = new InMemoryRecordStore();
    await saveCommsPlan(records, PROJECT, aPlan(), 0);
    await logTouchpoint(records, PROJECT, aTouchpoint({ actionItems: [anActionItem({ jiraIssueKey: 'ACME-7' })] }));
    const saved = await logTouchpoint(
      records,
      PROJECT,
      aTouchpoint({ decisions: ['edited'], actionItems: [anActionItem({ status: 'done' })] }),
    );
    expect(saved.actionItems).toEqual([anActionItem({ status: 'done', jiraIssueKey: 'ACME-7' })]);
    expect((await listTouchpoints(records, PROJECT))[0]?.actionItems[0]?.jiraIssueKey).toBe('ACME-7');
  });
});
