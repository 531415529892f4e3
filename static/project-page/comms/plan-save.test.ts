import { describe, expect, it } from 'vitest';
import { EMPTY_COMMS_PLAN, type CommsPlanJson, type CommsView, type StakeholderJson } from '../../../contract/comms';
import type { BackendClient } from '../../shared/backend-client';
import { applyPlanChange } from './comms-drafts';
import { reapplyPlanChange, savePlanChange } from './plan-save';

const person = (id: string, side: 'client' | 'internal' = 'client'): StakeholderJson => ({
  id,
  name: id,
  side,
  role: '',
  email: null,
  accountId: null,
  preferredChannel: 'email',
  language: 'en',
  timeZone: 'UTC',
  detailLevel: 'executive',
  receivesReports: false,
});

/** A store with one plan and a revision, answering get and save as the resolver does. */
function fakeBackend(initial: CommsView): BackendClient & { stored: () => CommsView } {
  let current = initial;
  return {
    stored: () => current,
    call: ((key: string, payload: { plan?: CommsPlanJson; revision?: number }) => {
      if (key === 'comms/get') return Promise.resolve({ ok: true, data: current });
      if (key === 'comms/save') {
        if (payload.revision !== current.revision) return Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'stale' } });
        current = { plan: payload.plan ?? current.plan, revision: current.revision + 1, canEdit: true };
        return Promise.resolve({ ok: true, data: current });
      }
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: key } });
    }) as BackendClient['call'],
  };
}

describe('saving the plan', () => {
  it('saves a change at the current revision', async () => {
    const backend = fakeBackend({ plan: EMPTY_COMMS_PLAN, revision: 1, canEdit: true });
    const outcome = await savePlanChange(backend, backend.stored(), { kind: 'stakeholder', value: person('ana') });
    expect(outcome).toMatchObject({ kind: 'saved', view: { revision: 2 } });
    expect(backend.stored().plan.stakeholders.map((s) => s.id)).toEqual(['ana']);
  });

  it('a stale save is a conflict that loses nothing; re-applying keeps both edits', async () => {
    const opened: CommsView = { plan: EMPTY_COMMS_PLAN, revision: 1, canEdit: true };
    const backend = fakeBackend(opened);
    // Someone else saves first.
    await savePlanChange(backend, opened, { kind: 'stakeholder', value: person('bo') });
    const mine = { kind: 'stakeholder', value: person('ana') } as const;
    expect(await savePlanChange(backend, opened, mine)).toEqual({ kind: 'conflict' });
    expect(backend.stored().plan.stakeholders.map((s) => s.id)).toEqual(['bo']);
    expect(await reapplyPlanChange(backend, mine)).toMatchObject({ kind: 'saved', view: { revision: 3 } });
    expect(backend.stored().plan.stakeholders.map((s) => s.id)).toEqual(['bo', 'ana']);
  });

  it('removing a stakeholder takes it out of audiences and owners', () => {
    const plan: CommsPlanJson = {
      ...EMPTY_COMMS_PLAN,
      stakeholders: [person('ana'), person('pat', 'internal')],
      series: [
        {
          id: 's',
          title: 'Sync',
          kind: 'meeting',
          cadence: { kind: 'weekly', weekday: 'monday' },
          localTime: '09:00',
          timeZone: 'UTC',
          durationMinutes: 30,
          channel: 'meeting',
          audience: ['ana', 'pat'],
          ownerId: 'pat',
          startDate: '2026-01-05',
          endDate: null,
          graceDays: 1,
        },
      ],
    };
    const after = applyPlanChange(plan, { kind: 'removeStakeholder', id: 'pat' });
    expect(after.stakeholders.map((s) => s.id)).toEqual(['ana']);
    expect(after.series[0]).toMatchObject({ audience: ['ana'], ownerId: null });
  });
});
