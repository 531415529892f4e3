import { describe, expect, it } from 'vitest';
import type { ActionItemJson, TouchpointJson } from '../../../contract/comms';
import { toTouchpointDraft, parseTouchpoint } from './comms-drafts';
import { reapplyTouchpointEdit } from './reapply-touchpoint-edit';

const item = (id: string, overrides: Partial<ActionItemJson> = {}): ActionItemJson => ({
  id,
  text: `Item ${id}`,
  ownerSide: 'internal',
  ownerName: 'Pat',
  ownerAccountId: 'acc-1',
  due: null,
  status: 'open',
  jiraIssueKey: null,
  ...overrides,
});
const BASE: TouchpointJson = {
  id: 't1',
  seriesId: 'weekly',
  date: '2026-01-12',
  attendees: ['Ana', 'Pat'],
  decisions: ['Ship in January'],
  actionItems: [item('a1'), item('a2'), item('a3')],
  openQuestions: ['Who signs?'],
  agenda: ['Budget'],
};

describe('reapplyTouchpointEdit', () => {
  it('keeps the PM changes and theirs on other fields; merges action items by id', () => {
    const mine: TouchpointJson = {
      ...BASE,
      decisions: ['Ship in February'],
      actionItems: [item('a1', { status: 'done' }), item('a2'), item('a9', { text: 'New of mine' })],
    };
    const theirs: TouchpointJson = {
      ...BASE,
      attendees: ['Ana', 'Pat', 'Lee'],
      actionItems: [
        item('a1'),
        item('a2', { text: 'Reworded by them', jiraIssueKey: 'ACME-7' }),
        item('a3'),
        item('a8', { text: 'New of theirs' }),
      ],
    };
    const merged = reapplyTouchpointEdit(BASE, mine, theirs);
    expect(merged.decisions).toEqual(['Ship in February']);
    expect(merged.attendees).toEqual(['Ana', 'Pat', 'Lee']);
    expect(merged.actionItems.map((i) => [i.id, i.text, i.status, i.jiraIssueKey])).toEqual([
      ['a1', 'Item a1', 'done', null],
      ['a2', 'Reworded by them', 'open', 'ACME-7'],
      ['a9', 'New of mine', 'open', null],
      ['a8', 'New of theirs', 'open', null],
    ]);
    expect(merged.agenda).toEqual(['Budget']);
  });

  it('keeps a Jira key created meanwhile on an item the PM changed', () => {
    const mine = { ...BASE, actionItems: [item('a1', { due: '2026-02-01' })] };
    const theirs = { ...BASE, actionItems: [item('a1', { jiraIssueKey: 'ACME-9' })] };
    expect(reapplyTouchpointEdit(BASE, mine, theirs).actionItems).toEqual([item('a1', { due: '2026-02-01', jiraIssueKey: 'ACME-9' })]);
  });

  it('given nothing changed by the PM, is theirs', () => {
    const theirs = { ...BASE, date: '2026-01-13', openQuestions: [] };
    expect(reapplyTouchpointEdit(BASE, BASE, theirs)).toEqual(theirs);
  });
});

describe('a logged touchpoint in the form', () => {
  it('parses back to itself, keeping the owner account, the Jira key and the agenda', () => {
    const logged: TouchpointJson = { ...BASE, actionItems: [item('a1', { jiraIssueKey: 'ACME-7', due: '2026-01-30' })] };
    expect(parseTouchpoint(toTouchpointDraft(logged))).toEqual({ ok: true, value: logged });
  });
});
