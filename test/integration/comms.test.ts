/**
 * The communication plan on the real path (resolver -> storage kit -> KVS on SQLite, Jira
 * emulator), as each local account: given/when/then, asserting answers and what is stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agendaSchema, commsViewSchema, touchpointSchema, type CommsPlanJson } from '../../contract/comms';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { commsPlanKind, touchpointKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { anActionItem, aPlan, aSeries, aStakeholder, aTouchpoint } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: { path: string; message: string }[] } };
const as =
  (role: AccountRole, locale = 'en_US') =>
  (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
    app.forge.invokeResolver(projectPageContext(acme.project, locale, ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
const member = as('member');

const PLAN: CommsPlanJson = aPlan({
  stakeholders: [aStakeholder({ accountId: ACCOUNTS.member.accountId })].concat(aPlan().stakeholders.slice(1)),
});
const stored = () => new KvsRecordStore();

async function view() {
  return commsViewSchema.parse((await pm('comms/get', {})).data);
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('comms/get and comms/save', () => {
  it('given no plan, answers an empty plan at revision 0 that the PM may edit', async () => {
    expect(await pm('comms/get', {})).toEqual({
      ok: true,
      data: { plan: { stakeholders: [], series: [], reminders: { mode: 'none', trackingIssueKey: null } }, revision: 0, canEdit: true },
    });
  });

  it('given a save at the current revision, stores the plan and answers the next revision', async () => {
    const before = await view();
    const answer = await member('comms/save', { plan: PLAN, revision: before.revision });
    expect(answer).toEqual({ ok: true, data: { plan: PLAN, revision: before.revision + 1, canEdit: true } });
    expect((await stored().document(commsPlanKind, acme.project.id).get()).value).toEqual(PLAN);
  });

  it('given two editors saving from the same revision, one gets CONFLICT and, reloading and re-applying, loses nothing', async () => {
    const start = await view();
    await pm('comms/save', { plan: PLAN, revision: start.revision });
    const base = await view();
    const addStakeholder = (plan: CommsPlanJson): CommsPlanJson => ({
      ...plan,
      stakeholders: [...plan.stakeholders, aStakeholder({ id: 'cto', name: 'Wang Wei', side: 'client', accountId: null })],
    });
    const addSeries = (plan: CommsPlanJson): CommsPlanJson => ({
      ...plan,
      series: [...plan.series, aSeries({ id: 'demo', kind: 'demo', title: 'Sprint demo' })],
    });
    const [first, second] = await Promise.all([
      pm('comms/save', { plan: addStakeholder(base.plan), revision: base.revision }),
      member('comms/save', { plan: addSeries(base.plan), revision: base.revision }),
    ]);
    const answers = [first, second];
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => a.error?.code)).toEqual(['CONFLICT']);
    const loserAddsSeries = !second.ok;
    const fresh = await view();
    const retried = await (loserAddsSeries ? member : pm)('comms/save', {
      plan: loserAddsSeries ? addSeries(fresh.plan) : addStakeholder(fresh.plan),
      revision: fresh.revision,
    });
    expect(retried.ok).toBe(true);
    const final = await view();
    expect(final.plan.stakeholders.map((s) => s.id)).toEqual(['pm', 'client', 'cto']);
    expect(final.plan.series.map((s) => s.id)).toEqual(['weekly', 'demo']);
  });

  it('given an invalid plan, refuses with INVALID_PAYLOAD naming the field, and stores nothing', async () => {
    const answer = await pm('comms/save', {
      plan: aPlan({ series: [aSeries({ timeZone: 'Mars/Olympus', ownerId: 'client' })] }),
      revision: 0,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(answer.error?.fields?.map((f) => f.path).sort()).toEqual(['plan.series.0.ownerId', 'plan.series.0.timeZone']);
    expect((await stored().document(commsPlanKind, acme.project.id).get()).value).toBeUndefined();
  });
});

describe('permissions', () => {
  it('lets the viewer read (canEdit false) and refuses every write; the outsider gets nothing', async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint() });
    const before = await view();
    const viewer = as('viewer');
    expect((await viewer('comms/get', {})).data).toMatchObject({ canEdit: false });
    expect((await viewer('comms/touchpoints', {})).data).toMatchObject({ canEdit: false });
    for (const [key, payload] of [
      ['comms/save', { plan: aPlan({ series: [] }), revision: before.revision }],
      ['comms/log-touchpoint', { touchpoint: aTouchpoint({ id: 't9' }) }],
      ['comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' }],
    ] as const) {
      expect((await viewer(key, payload)).error?.code, key).toBe('FORBIDDEN');
    }
    const outsider = as('outsider');
    for (const key of ['comms/get', 'comms/touchpoints', 'comms/status'] as const)
      expect((await outsider(key, {})).error?.code, key).toBe('FORBIDDEN');
    expect((await outsider('comms/calendar', { seriesId: 'weekly' })).error?.code).toBe('FORBIDDEN');
    expect(await view()).toEqual(before);
    expect((await listAll(stored().collection(touchpointKind, acme.project.id))).map((t) => t.id)).toEqual(['t1']);
  });
});

describe('the touchpoint log, agenda, calendar and status', () => {
  beforeEach(async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
  });

  it('logs a touchpoint and lists it; a series not in the plan is refused beside its field', async () => {
    expect(await member('comms/log-touchpoint', { touchpoint: aTouchpoint() })).toEqual({
      ok: true,
      data: { touchpoint: aTouchpoint(), revision: 1 },
    });
    const refused = await member('comms/log-touchpoint', { touchpoint: aTouchpoint({ id: 't2', seriesId: 'ghost' }) });
    expect(refused.error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      fields: [{ path: 'touchpoint.seriesId', message: 'a series of this plan' }],
    });
    const listed = z.object({ touchpoints: z.array(touchpointSchema) }).parse((await pm('comms/touchpoints', {})).data);
    expect(listed.touchpoints).toEqual([aTouchpoint()]);
  });

  it('drafts an agenda with the open and overdue action items and the last open questions', async () => {
    const logged = await pm('comms/log-touchpoint', {
      touchpoint: aTouchpoint({
        actionItems: [
          anActionItem({ id: 'late', due: '2001-01-06' }),
          anActionItem({ id: 'later', due: '2100-01-01' }),
          anActionItem({ id: 'done', status: 'done' }),
        ],
      }),
    });
    expect(logged).toMatchObject({ ok: true });
    const agenda = agendaSchema.parse((await pm('comms/agenda', { seriesId: 'weekly' })).data);
    expect(agenda.overdueActionItems.map((i) => i.item.id)).toEqual(['late']);
    expect(agenda.openActionItems.map((i) => i.item.id)).toEqual(['later']);
    expect(agenda.decisionsDue).toEqual([{ touchpointId: 't1', question: 'Who signs the acceptance?' }]);
    expect(agenda.next?.at).toMatch(/T08:00:00\.000Z$|T07:00:00\.000Z$/u);
    expect((await pm('comms/agenda', { seriesId: 'ghost' })).error?.code).toBe('NOT_FOUND');
  });

  it('exports the series as an iCalendar file with its zone and recurrence', async () => {
    const answer = z
      .object({ filename: z.string(), text: z.string() })
      .parse((await as('viewer')('comms/calendar', { seriesId: 'weekly' })).data);
    expect(answer.filename).toBe(`${acme.project.key}-weekly.ics`);
    expect(answer.text).toContain('\r\nDTSTART;TZID=Europe/Paris:20260105T090000\r\n');
    expect(answer.text).toContain('\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n');
    expect(answer.text).toContain('\r\nTZID:Europe/Paris\r\n');
  });

  it('answers each series state with its next five occurrences', async () => {
    const status = z
      .object({ series: z.array(z.object({ seriesId: z.string(), state: z.string(), upcoming: z.array(z.object({ day: z.string() })) })) })
      .parse((await pm('comms/status', {})).data);
    expect(status.series.map((s) => [s.seriesId, s.upcoming.length])).toEqual([['weekly', 5]]);
    expect(status.series[0]?.state).toBe('overdue');
  });
});

describe('comms/action-item-issue', () => {
  beforeEach(async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
  });

  it('creates the issue as the caller, assigned and dated, linked back in ADF, stores its key, and never creates a second', async () => {
    await pm('comms/log-touchpoint', {
      touchpoint: aTouchpoint({ actionItems: [anActionItem({ ownerAccountId: ACCOUNTS.member.accountId })] }),
    });
    const issuesBefore = acme.issues.length;
    const answer = await as('member', 'zh_CN')('comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' });
    expect(answer.ok).toBe(true);
    const { issueKey } = z.object({ issueKey: z.string() }).parse(answer.data);
    expect(issueKey).toMatch(new RegExp(`^${acme.project.key}-\\d+$`, 'u'));

    const dataset = app.emulator?.datasets.find((d) => d.project.key === acme.project.key);
    const created = dataset?.issues.find((i) => i.key === issueKey);
    const fields = z
      .looseObject({
        summary: z.string(),
        duedate: z.string().nullable(),
        reporter: z.looseObject({ accountId: z.string() }),
        assignee: z.looseObject({ accountId: z.string() }).nullable(),
        description: z.unknown(),
      })
      .parse(created?.fields);
    expect(fields.summary).toBe('Send the test plan');
    expect(fields.duedate).toBe('2026-01-16');
    expect(fields.reporter.accountId).toBe(ACCOUNTS.member.accountId);
    expect(fields.assignee?.accountId).toBe(ACCOUNTS.member.accountId);
    const description = JSON.stringify(fields.description);
    expect(description).toContain('"type":"doc"');
    expect(description).toContain('到期日：2026-01-16');
    expect(description).toMatch(/"type":"link","attrs":\{"href":"[^"]*#communication\/touchpoint\/t1"\}/u);

    const again = await member('comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' });
    expect(again.data).toMatchObject({ issueKey });
    expect(dataset?.issues.length).toBe(issuesBefore + 1);
    const log = await listAll(stored().collection(touchpointKind, acme.project.id));
    expect(log[0]?.actionItems[0]?.jiraIssueKey).toBe(issueKey);

    // Its status is followed from the snapshot once a refresh has read it.
    await pm('project/refresh', {});
    const listed = z
      .object({ issueStatuses: z.record(z.string(), z.object({ category: z.string() })) })
      .parse((await pm('comms/touchpoints', {})).data);
    expect(listed.issueStatuses[issueKey]?.category).toBe('new');
  });

  it('given two clicks at once (two accounts), creates exactly one Jira issue, labelled for recovery, and both answer its key', async () => {
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint({ actionItems: [anActionItem()] }) });
    const dataset = app.emulator?.datasets.find((d) => d.project.key === acme.project.key);
    const before = dataset?.issues.length ?? 0;

    const answers = await Promise.all([
      pm('comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' }),
      member('comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' }),
    ]);

    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    const keys = answers.map((a) => z.object({ issueKey: z.string() }).parse(a.data).issueKey);
    expect(keys[0]).toBe(keys[1]);
    expect(dataset?.issues.length).toBe(before + 1);
    const created = dataset?.issues.find((i) => i.key === keys[0]);
    expect(z.looseObject({ labels: z.array(z.string()) }).parse(created?.fields).labels).toEqual([
      expect.stringMatching(/^client-followup-[0-9a-f]{16}$/u) as string,
    ]);
    const log = await listAll(stored().collection(touchpointKind, acme.project.id));
    expect(log[0]?.actionItems[0]?.jiraIssueKey).toBe(keys[0]);
  });

  it('answers NOT_FOUND for an unknown touchpoint or action item, creating nothing', async () => {
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint() });
    const count = acme.issues.length;
    expect((await pm('comms/action-item-issue', { touchpointId: 'nope', actionItemId: 'a1' })).error?.code).toBe('NOT_FOUND');
    expect((await pm('comms/action-item-issue', { touchpointId: 't1', actionItemId: 'nope' })).error?.code).toBe('NOT_FOUND');
    expect(app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues.length).toBe(count);
  });
});

describe('the communication dimension', () => {
  const communication = async () => {
    // No explicit refresh: a plan or log write re-derives the snapshot's health.
    const report = await pm('project/report', {});
    return z
      .object({ dimensions: z.object({ communication: z.object({ rag: z.string() }).loose() }) })
      .loose()
      .parse(report.data).dimensions.communication;
  };

  it('is grey without a plan, red once a weekly touchpoint has gone unlogged for weeks, green as soon as the last one is logged', async () => {
    expect((await communication()).rag).toBe('grey');
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    // Weekly on Monday from 5 January 2026; the demo's now is Friday 27 November 2026.
    expect((await communication()).rag).toBe('red');
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint({ id: 'recent', date: '2026-11-23', actionItems: [] }) });
    expect((await communication()).rag).toBe('green');
  });
});

describe("the status report's decisions and action items", () => {
  const sections = async (audience: 'internal' | 'client') => {
    const report = await pm('project/report', { audience });
    return z
      .object({ sections: z.object({ decisions: z.array(z.unknown()), actionItems: z.array(z.unknown()) }).loose() })
      .loose()
      .parse(report.data).sections;
  };

  it('come from the log; the client sees only touchpoints of a series with a client in its audience', async () => {
    const plan = { ...PLAN, series: [...PLAN.series, aSeries({ id: 'retro', title: 'Team retro', audience: ['pm'] })] };
    await pm('comms/save', { plan, revision: (await view()).revision });
    // The live report's period is the week up to the wall clock: touchpoints one and two days ago fall in it.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const logged = await pm('comms/log-touchpoint', {
      touchpoint: aTouchpoint({
        id: 'with-client',
        date: daysAgo(2),
        decisions: ['Go live in March'],
        actionItems: [
          anActionItem({
            id: 'logo',
            text: 'Send the logo',
            ownerSide: 'client',
            ownerName: 'Chen Li',
            ownerAccountId: null,
            due: '2026-01-10',
          }),
        ],
      }),
    });
    expect(logged.error).toBeUndefined();
    await pm('comms/log-touchpoint', {
      touchpoint: aTouchpoint({
        id: 'internal',
        seriesId: 'retro',
        date: daysAgo(1),
        decisions: ['Internal only'],
        actionItems: [
          anActionItem({ id: 'chase', text: 'Chase the client', ownerSide: 'client', ownerName: 'Chen Li', ownerAccountId: null }),
        ],
      }),
    });

    const internal = await sections('internal');
    expect(internal.decisions).toEqual([
      { text: 'Go live in March', date: daysAgo(2), seriesTitle: 'Weekly status call' },
      { text: 'Internal only', date: daysAgo(1), seriesTitle: 'Team retro' },
    ]);
    expect(internal.actionItems).toHaveLength(2);
    // Overdue first: the logo was due in January; the chase is due on the builder's day, also past.
    expect(internal.actionItems).toEqual([
      expect.objectContaining({ text: 'Send the logo', overdue: true }),
      expect.objectContaining({ text: 'Chase the client', jiraIssueKey: null }),
    ]);

    const client = await sections('client');
    expect(client.decisions).toEqual([{ text: 'Go live in March', date: daysAgo(2), seriesTitle: 'Weekly status call' }]);
    expect(client.actionItems).toEqual([
      { text: 'Send the logo', ownerSide: 'client', ownerName: 'Chen Li', due: '2026-01-10', status: 'open', overdue: true },
    ]);
  });
});

describe('reminders in the daily job', () => {
  const runDaily = async () =>
    JSON.parse(((await app.forge.runScheduledTrigger('daily-kpi-snapshot')) as { body: string }).body) as { reminders: unknown[] };
  const projectIssues = () => app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues ?? [];

  it('given the setting issue, keeps one Jira issue for the overdue touchpoint, assigned to its owner, across reruns', async () => {
    await pm('project/overview', {});
    await pm('comms/save', { plan: { ...PLAN, reminders: { mode: 'issue', trackingIssueKey: null } }, revision: (await view()).revision });
    const before = projectIssues().length;
    const first = await runDaily();
    expect(first.reminders).toEqual([{ projectKey: acme.project.key, notified: 0, created: 1, skipped: 0, failed: 0 }]);
    await runDaily();
    expect(projectIssues().length).toBe(before + 1);
    const created = projectIssues().at(-1);
    expect(created?.fields['summary']).toBe('Overdue touchpoint: Weekly status call (2026-01-05)');
    expect(created?.fields['assignee']).toMatchObject({ accountId: ACCOUNTS.member.accountId });
  });

  it('given the setting notify, notifies the owner on the tracking issue once, and keeps what Jira would send', async () => {
    await pm('project/overview', {});
    const tracking = acme.issues[0]?.key ?? '';
    await pm('comms/save', {
      plan: { ...PLAN, reminders: { mode: 'notify', trackingIssueKey: tracking } },
      revision: (await view()).revision,
    });
    const sentBefore = app.emulator?.notifications.length ?? 0;
    await runDaily();
    await runDaily();
    const sent = app.emulator?.notifications.slice(sentBefore) ?? [];
    expect(sent.map((n) => [n.issueKey, n.subject, n.to])).toEqual([
      [tracking, 'Touchpoint overdue: Weekly status call', [ACCOUNTS.member.accountId]],
    ]);
  });
});

describe('comms/agenda-save', () => {
  const agendaAnswer = z.looseObject({
    next: z.object({ day: z.string() }).nullable(),
    saved: z.object({ day: z.string(), lines: z.array(z.object({ id: z.string(), text: z.string() })), revision: z.number() }).nullable(),
  });
  const LINES = [
    { id: 'l1', text: 'Budget' },
    { id: 'l2', text: 'Sign-off' },
  ];

  it('saves the edited agenda of the next occurrence; the agenda then shows it; a stale save gets CONFLICT; logging the meeting carries it', async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    const drafted = agendaAnswer.parse((await pm('comms/agenda', { seriesId: 'weekly' })).data);
    expect(drafted.saved).toBeNull();
    const day = drafted.next?.day ?? '';

    const saved = await member('comms/agenda-save', { seriesId: 'weekly', day, lines: LINES, revision: 0 });
    expect(saved).toEqual({ ok: true, data: { saved: { day, lines: LINES, revision: 1 } } });
    const stale = await pm('comms/agenda-save', { seriesId: 'weekly', day, lines: [{ id: 'x', text: 'Mine' }], revision: 0 });
    expect(stale.error?.code).toBe('CONFLICT');
    expect(agendaAnswer.parse((await pm('comms/agenda', { seriesId: 'weekly' })).data).saved).toEqual({ day, lines: LINES, revision: 1 });

    const reordered = [LINES[1], LINES[0]];
    expect((await pm('comms/agenda-save', { seriesId: 'weekly', day, lines: reordered, revision: 1 })).ok).toBe(true);
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint({ id: 'met', date: day }) });
    const logged = await stored().collection(touchpointKind, acme.project.id).get('met');
    expect(logged?.agenda).toEqual(['Sign-off', 'Budget']);
  });

  it('refuses a day that is not an upcoming occurrence (INVALID_PAYLOAD on day), and the viewer (FORBIDDEN), storing nothing', async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    const refused = await pm('comms/agenda-save', { seriesId: 'weekly', day: '2026-01-05', lines: LINES, revision: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', fields: [{ path: 'day' }] } });
    const day = agendaAnswer.parse((await pm('comms/agenda', { seriesId: 'weekly' })).data).next?.day ?? '';
    expect((await as('viewer')('comms/agenda-save', { seriesId: 'weekly', day, lines: LINES, revision: 0 })).error?.code).toBe('FORBIDDEN');
    expect((await pm('comms/agenda-save', { seriesId: 'nope', day, lines: LINES, revision: 0 })).error?.code).toBe('NOT_FOUND');
    expect(agendaAnswer.parse((await pm('comms/agenda', { seriesId: 'weekly' })).data).saved).toBeNull();
  });
});

describe('editing a logged touchpoint', () => {
  const opened = z.object({ touchpoint: touchpointSchema, revision: z.number(), canEdit: z.boolean() });

  it('edits date, attendees, decisions, action items and questions at the revision read; a stale edit gets CONFLICT and changes nothing', async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint({ actionItems: [anActionItem()] }) });
    const first = opened.parse((await pm('comms/touchpoint', { touchpointId: 't1' })).data);
    expect(first).toMatchObject({ revision: 1, canEdit: true });
    const second = opened.parse((await member('comms/touchpoint', { touchpointId: 't1' })).data);

    const edit = {
      ...first.touchpoint,
      date: '2026-01-13',
      attendees: ['Ana', 'Lee'],
      decisions: ['Ship in February'],
      actionItems: [
        anActionItem({ text: 'Send the revised test plan', due: '2026-01-23' }),
        anActionItem({ id: 'a2', text: 'Book the demo' }),
      ],
      openQuestions: [],
    };
    const saved = await pm('comms/log-touchpoint', { touchpoint: edit, revision: first.revision });
    expect(saved).toEqual({ ok: true, data: { touchpoint: edit, revision: 2 } });

    const stale = await member('comms/log-touchpoint', {
      touchpoint: { ...second.touchpoint, decisions: ['Mine'] },
      revision: second.revision,
    });
    expect(stale.error?.code).toBe('CONFLICT');
    expect(await stored().collection(touchpointKind, acme.project.id).get('t1')).toEqual(edit);

    // Reloaded, the member's change goes on top of the newer version.
    const fresh = opened.parse((await member('comms/touchpoint', { touchpointId: 't1' })).data);
    expect(fresh.touchpoint).toEqual(edit);
    const again = await member('comms/log-touchpoint', {
      touchpoint: { ...fresh.touchpoint, decisions: [...edit.decisions, 'Mine'] },
      revision: fresh.revision,
    });
    expect(again.data).toMatchObject({ revision: 3 });
  });

  it('lets the viewer open a touchpoint but not edit it; the outsider cannot open it; an unknown one is NOT_FOUND', async () => {
    await pm('comms/save', { plan: PLAN, revision: (await view()).revision });
    await pm('comms/log-touchpoint', { touchpoint: aTouchpoint() });
    const viewer = as('viewer');
    const read = opened.parse((await viewer('comms/touchpoint', { touchpointId: 't1' })).data);
    expect(read.canEdit).toBe(false);
    expect(
      (await viewer('comms/log-touchpoint', { touchpoint: { ...read.touchpoint, decisions: [] }, revision: read.revision })).error?.code,
    ).toBe('FORBIDDEN');
    expect((await as('outsider')('comms/touchpoint', { touchpointId: 't1' })).error?.code).toBe('FORBIDDEN');
    expect((await pm('comms/touchpoint', { touchpointId: 'nope' })).error?.code).toBe('NOT_FOUND');
    expect(await stored().collection(touchpointKind, acme.project.id).get('t1')).toEqual(read.touchpoint);
  });
});

describe('comms/user-search', () => {
  const found = z.object({ users: z.array(z.object({ accountId: z.string(), displayName: z.string() })) });

  it('finds Jira users by a name or e-mail prefix as the caller, for an editor only', async () => {
    const answer = found.parse((await pm('comms/user-search', { query: ' morgan ' })).data);
    expect(answer.users.map((u) => u.accountId).sort()).toEqual([ACCOUNTS.member.accountId, ACCOUNTS.pm.accountId].sort());
    expect(found.parse((await member('comms/user-search', { query: 'vera' })).data).users).toEqual([
      { accountId: ACCOUNTS.viewer.accountId, displayName: ACCOUNTS.viewer.displayName },
    ]);
    expect((await as('viewer')('comms/user-search', { query: 'pat' })).error?.code).toBe('FORBIDDEN');
    expect((await pm('comms/user-search', { query: '  ' })).error?.code).toBe('INVALID_PAYLOAD');
  });
});
