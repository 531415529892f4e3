import { describe, expect, it } from 'vitest';
import {
  applyPlanChange,
  newSeriesDraft,
  newStakeholderDraft,
  parseReminders,
  parseSeries,
  parseStakeholder,
  toRemindersDraft,
  toSeriesDraft,
} from './comms-drafts';

describe('the stakeholder Jira account', () => {
  const internal = { ...newStakeholderDraft('Europe/Paris'), name: 'Pat PM', side: 'internal' };

  it('keeps a valid account id of an internal stakeholder, trimmed; a blank one is none', () => {
    const parsed = parseStakeholder({ ...internal, accountId: ' 557058:f58131cb-b67d ' });
    expect(parsed.ok && parsed.value.accountId).toBe('557058:f58131cb-b67d');
    const blank = parseStakeholder({ ...internal, accountId: '  ' });
    expect(blank.ok && blank.value.accountId).toBeNull();
  });

  it('refuses an id that is not an account id, beside the field', () => {
    expect(parseStakeholder({ ...internal, accountId: 'pat pm' })).toEqual({ ok: false, errors: { accountId: 'comms.error.accountId' } });
  });

  it('drops the account of a client stakeholder (only internal ones have one)', () => {
    const parsed = parseStakeholder({ ...internal, side: 'client', accountId: '557058:abc' });
    expect(parsed.ok && parsed.value.accountId).toBeNull();
  });
});

describe('the reminder setting', () => {
  it('needs a tracking issue key for notifications, refused beside the field when missing or malformed', () => {
    expect(parseReminders({ mode: 'notify', trackingIssueKey: '' })).toEqual({
      ok: false,
      errors: { trackingIssueKey: 'comms.error.issueKey' },
    });
    expect(parseReminders({ mode: 'notify', trackingIssueKey: 'not a key' })).toEqual({
      ok: false,
      errors: { trackingIssueKey: 'comms.error.issueKey' },
    });
    expect(parseReminders({ mode: 'notify', trackingIssueKey: ' acme-12 ' })).toEqual({
      ok: true,
      value: { mode: 'notify', trackingIssueKey: 'ACME-12' },
    });
  });

  it('keeps no tracking issue for the other modes, and goes into the plan as a change', () => {
    const parsed = parseReminders({ mode: 'issue', trackingIssueKey: 'ACME-12' });
    expect(parsed).toEqual({ ok: true, value: { mode: 'issue', trackingIssueKey: null } });
    expect(toRemindersDraft({ mode: 'notify', trackingIssueKey: 'ACME-3' })).toEqual({ mode: 'notify', trackingIssueKey: 'ACME-3' });
    const plan = { stakeholders: [], series: [], reminders: { mode: 'none' as const, trackingIssueKey: null } };
    expect(applyPlanChange(plan, { kind: 'reminders', value: { mode: 'issue', trackingIssueKey: null } }).reminders).toEqual({
      mode: 'issue',
      trackingIssueKey: null,
    });
  });
});

describe('the phases a series runs in', () => {
  const draft = { ...newSeriesDraft('Europe/Paris', '2026-01-05'), title: 'Support check-in' };

  it('every phase is the default and is left out of the saved series (a plan saved before phases stays as it was)', () => {
    const parsed = parseSeries(draft);
    expect(parsed.ok && 'activeIn' in parsed.value).toBe(false);
  });

  it.each(['delivery', 'support'] as const)('keeps %s, and reads it back into the editor', (activeIn) => {
    const parsed = parseSeries({ ...draft, activeIn });
    expect(parsed.ok && parsed.value.activeIn).toBe(activeIn);
    if (parsed.ok) expect(toSeriesDraft(parsed.value).activeIn).toBe(activeIn);
  });

  it('a series saved without phases reads as every phase', () => {
    const parsed = parseSeries(draft);
    expect(parsed.ok && toSeriesDraft(parsed.value).activeIn).toBe('all');
  });
});
