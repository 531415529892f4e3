import type { ChangeDraftJson, ChangeRequestJson } from '../../contract/changes';

/** A change request as stored, proposed; override what the case is about. */
export function aChangeRequest(overrides: Partial<ChangeRequestJson> = {}): ChangeRequestJson {
  return {
    id: 'cr1',
    title: 'Add SSO login',
    description: 'Single sign-on with the client’s identity provider.',
    internalNote: 'Needs the platform team.',
    requester: 'Li Na',
    impact: { scheduleDays: 5, effortHours: 40, cost: { amount: 12000, currency: 'EUR' }, scopeNote: 'Two more screens' },
    linkedIssueKeys: [],
    milestone: null,
    status: 'proposed',
    revision: 1,
    decision: null,
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    implementedAt: null,
    ...overrides,
  };
}

/** What the PM's form sends for a new request. */
export function aChangeDraft(overrides: Partial<ChangeDraftJson> = {}): ChangeDraftJson {
  const { id, title, description, internalNote, requester, impact, linkedIssueKeys } = aChangeRequest();
  return { id, title, description, internalNote, requester, impact, linkedIssueKeys, milestone: null, ...overrides };
}

/** An approved request decided at `at`. */
export function anApprovedRequest(at: string, overrides: Partial<ChangeRequestJson> = {}): ChangeRequestJson {
  return aChangeRequest({
    status: 'approved',
    revision: 4,
    decision: { outcome: 'approved', by: 'Li Na', at, reason: '' },
    updatedAt: at,
    ...overrides,
  });
}
