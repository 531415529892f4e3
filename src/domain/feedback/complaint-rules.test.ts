import { describe, expect, it } from 'vitest';
import type { ComplaintJson } from '../../../contract/feedback';
import { applyComplaintUpdate, isComplaintOverdue, opensComplaint, toComplaintState, toNewComplaint } from './complaint-rules';

const NOW = Date.parse('2026-11-27T23:30:00Z');

describe('opensComplaint', () => {
  it.each([
    [1, 2, true],
    [2, 2, true],
    [3, 2, false],
    [3, 3, true],
    [5, 5, true],
    [1, 1, true],
    [2, 1, false],
  ])('rating %i with threshold %i → %s', (rating, max, opens) => {
    expect(opensComplaint(rating, max)).toBe(opens);
  });
});

describe('toNewComplaint', () => {
  it('is open, without owner, due N days after today in the project zone', () => {
    expect(toNewComplaint(NOW, 'UTC', 5)).toEqual({
      ownerId: null,
      due: '2026-12-02',
      status: 'open',
      resolutionNote: '',
      jiraIssueKey: null,
      openedAt: '2026-11-27T23:30:00.000Z',
      updatedAt: '2026-11-27T23:30:00.000Z',
    });
    // 23:30 UTC is already the 28th in Shanghai.
    expect(toNewComplaint(NOW, 'Asia/Shanghai', 5).due).toBe('2026-12-03');
  });
});

describe('isComplaintOverdue', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-11-26', true],
    ['in progress, due yesterday', 'in-progress', '2026-11-26', true],
    ['open, due today', 'open', '2026-11-27', false],
    ['open, due later', 'open', '2026-12-01', false],
    ['resolved, due long ago', 'resolved', '2026-01-01', false],
  ] as const)('%s → %s', (_name, status, due, overdue) => {
    expect(isComplaintOverdue({ status, due }, '2026-11-27')).toBe(overdue);
  });
});

describe('applyComplaintUpdate', () => {
  const current: ComplaintJson = { ...toNewComplaint(NOW, 'UTC', 5), jiraIssueKey: 'ACME-9' };
  const internal = new Set(['pm']);
  const later = Date.parse('2026-11-28T10:00:00Z');
  it('applies owner, due, status and note, keeps the Jira issue and opening time', () => {
    expect(
      applyComplaintUpdate(
        current,
        { ownerId: 'pm', due: '2026-12-10', status: 'resolved', resolutionNote: '  Called the client  ' },
        internal,
        later,
      ),
    ).toEqual({
      ok: true,
      complaint: {
        ...current,
        ownerId: 'pm',
        due: '2026-12-10',
        status: 'resolved',
        resolutionNote: 'Called the client',
        updatedAt: '2026-11-28T10:00:00.000Z',
      },
    });
  });
  it.each([
    [
      'resolving without a note',
      { ownerId: null, status: 'resolved', resolutionNote: ' ' },
      [{ path: 'resolutionNote', reason: 'required' }],
    ],
    [
      'an owner who is not an internal stakeholder',
      { ownerId: 'client', status: 'open', resolutionNote: '' },
      [{ path: 'ownerId', reason: 'notInternal' }],
    ],
  ] as const)('refuses %s', (_name, update, problems) => {
    expect(applyComplaintUpdate(current, { due: '2026-12-10', ...update }, internal, later)).toEqual({ ok: false, problems });
  });
  it('names the stored state of an entry', () => {
    expect(toComplaintState(null)).toBe('none');
    expect(toComplaintState(current)).toBe('open');
  });
});
