import { describe, expect, it } from 'vitest';
import type { AgendaJson } from '../../../contract/comms';
import { moveLine, parseAgendaLines, toAgendaLines } from './agenda-lines';

const item = (id: string, text: string) => ({
  touchpointId: 't1',
  touchpointDate: '2026-01-12',
  item: {
    id,
    text,
    ownerSide: 'internal' as const,
    ownerName: '',
    ownerAccountId: null,
    due: null,
    status: 'open' as const,
    jiraIssueKey: null,
  },
});

describe('agenda lines', () => {
  it('turns the draft into lines: overdue items first, open ones once, then risks, waiting and decisions', () => {
    const agenda: AgendaJson = {
      seriesId: 'weekly',
      next: null,
      openActionItems: [item('a1', 'Send plan'), item('a2', 'Book room')],
      overdueActionItems: [item('a1', 'Send plan')],
      risksAndBlockers: [{ key: 'ACME-3', summary: 'Login broken', reason: 'blocked', blockedBy: [], due: null }],
      waitingOnClient: [{ key: 'ACME-4', summary: 'Logo', reason: 'waiting-on-client', blockedBy: [], due: null }],
      decisionsDue: [{ touchpointId: 't1', question: 'Who signs?' }],
      jiraAsOf: null,
    };
    const lines = toAgendaLines(agenda, {
      openItems: 'Open',
      overdueItems: 'Overdue',
      risks: 'Risk',
      waiting: 'Waiting',
      decisionsDue: 'Decide',
      item: (a) => a.item.text,
    });
    expect(lines.map((l) => l.text)).toEqual([
      'Overdue: Send plan',
      'Open: Book room',
      'Risk: ACME-3 Login broken',
      'Waiting: ACME-4 Logo',
      'Decide: Who signs?',
    ]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(5);
  });

  it('moves a line up or down by one, and leaves the ends alone', () => {
    expect(moveLine(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLine(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLine(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveLine(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a blank line beside it, by its place', () => {
    expect(
      parseAgendaLines([
        { id: 'a', text: 'Budget' },
        { id: 'b', text: '  ' },
      ]),
    ).toEqual({ ok: false, errors: { 'lines.1': 'comms.error.required' } });
    expect(parseAgendaLines([{ id: 'a', text: ' Budget ' }])).toEqual({ ok: true, value: [{ id: 'a', text: 'Budget' }] });
  });
});
