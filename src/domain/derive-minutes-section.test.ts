import { describe, expect, it } from 'vitest';
import { deriveMinutesSection } from './derive-minutes-section';
import type { MinutesEntry } from './project-data';

const ZONE = 'Asia/Shanghai';
// 2026-03-03 00:30 to 2026-03-10 23:30 in Shanghai (UTC+8).
const PERIOD = { start: Date.parse('2026-03-02T16:30:00Z'), end: Date.parse('2026-03-10T15:30:00Z') };

type Item = MinutesEntry['actionItems'][number];
const item = (text: string, over: Partial<Item> = {}): Item => ({
  text,
  ownerSide: 'internal',
  ownerName: 'Li',
  due: null,
  status: 'open',
  jiraIssueKey: null,
  ...over,
});
const entry = (date: string, over: Partial<MinutesEntry> = {}): MinutesEntry => ({
  date,
  seriesTitle: 'Weekly sync',
  withClient: true,
  decisions: [],
  actionItems: [],
  ...over,
});

describe('deriveMinutesSection', () => {
  it.each([
    ['before the period', '2026-03-02', 0],
    ['on its first day in the project zone', '2026-03-03', 1],
    ['on its last day in the project zone', '2026-03-10', 1],
    ['after it', '2026-03-11', 0],
  ])('takes decisions of touchpoints in the period: %s', (_case, date, count) => {
    const { decisions } = deriveMinutesSection([entry(date, { decisions: ['Ship it'] })], PERIOD, ZONE, 'internal');
    expect(decisions).toHaveLength(count);
  });

  it('gives a decision its day and series, oldest touchpoint first, ad-hoc ones with no series', () => {
    const { decisions } = deriveMinutesSection(
      [entry('2026-03-09', { decisions: ['B1', 'B2'] }), entry('2026-03-04', { seriesTitle: null, decisions: ['A'] })],
      PERIOD,
      ZONE,
      'internal',
    );
    expect(decisions).toEqual([
      { text: 'A', date: '2026-03-04', seriesTitle: null },
      { text: 'B1', date: '2026-03-09', seriesTitle: 'Weekly sync' },
      { text: 'B2', date: '2026-03-09', seriesTitle: 'Weekly sync' },
    ]);
  });

  it.each([
    ['open, from long ago', '2026-01-05', 'open', true],
    ['open, in the period', '2026-03-04', 'open', true],
    ['done in the period', '2026-03-04', 'done', true],
    ['dropped in the period', '2026-03-04', 'dropped', true],
    ['done before the period', '2026-03-02', 'done', false],
    ['dropped before the period', '2026-01-05', 'dropped', false],
  ] as const)('lists an action item %s: %s', (_case, date, status, listed) => {
    const { actionItems } = deriveMinutesSection([entry(date, { actionItems: [item('X', { status })] })], PERIOD, ZONE, 'internal');
    expect(actionItems.length).toBe(listed ? 1 : 0);
  });

  it.each([
    ['due yesterday', '2026-03-09', 'open', true],
    ['due today', '2026-03-10', 'open', false],
    ['due tomorrow', '2026-03-11', 'open', false],
    ['undated', null, 'open', false],
    ['done, due long ago', '2026-03-01', 'done', false],
  ] as const)('marks an item overdue only when open and due before today: %s', (_case, due, status, overdue) => {
    const { actionItems } = deriveMinutesSection(
      [entry('2026-03-04', { actionItems: [item('X', { due, status })] })],
      PERIOD,
      ZONE,
      'internal',
    );
    expect(actionItems[0]?.overdue).toBe(overdue);
  });

  it('orders overdue first, then open by due day (undated last), then closed; keeps owner, status and Jira key', () => {
    const { actionItems } = deriveMinutesSection(
      [
        entry('2026-03-04', {
          actionItems: [
            item('closed', { status: 'done', jiraIssueKey: 'ACME-7' }),
            item('undated'),
            item('later', { due: '2026-03-20', ownerSide: 'client', ownerName: 'Ana' }),
            item('overdue', { due: '2026-03-05' }),
            item('sooner', { due: '2026-03-12' }),
          ],
        }),
      ],
      PERIOD,
      ZONE,
      'internal',
    );
    expect(actionItems.map((a) => a.text)).toEqual(['overdue', 'sooner', 'later', 'undated', 'closed']);
    expect(actionItems[2]).toEqual({
      text: 'later',
      ownerSide: 'client',
      ownerName: 'Ana',
      due: '2026-03-20',
      status: 'open',
      jiraIssueKey: null,
      overdue: false,
      date: '2026-03-04',
    });
    expect(actionItems[4]).toMatchObject({ status: 'done', jiraIssueKey: 'ACME-7' });
  });

  it('gives the client only touchpoints held with the client, whoever owns the item', () => {
    const log = [
      entry('2026-03-04', {
        withClient: true,
        decisions: ['Shared'],
        actionItems: [item('Team task'), item('Client task', { ownerSide: 'client' })],
      }),
      entry('2026-03-05', {
        withClient: false,
        seriesTitle: 'Internal retro',
        decisions: ['Internal'],
        actionItems: [item('Chase the client', { ownerSide: 'client' }), item('Fix build')],
      }),
    ];
    const client = deriveMinutesSection(log, PERIOD, ZONE, 'client');
    expect(client.decisions.map((d) => d.text)).toEqual(['Shared']);
    expect(client.actionItems.map((a) => a.text)).toEqual(['Team task', 'Client task']);
    const internal = deriveMinutesSection(log, PERIOD, ZONE, 'internal');
    expect(internal.decisions.map((d) => d.text)).toEqual(['Shared', 'Internal']);
    expect(internal.actionItems).toHaveLength(4);
  });

  it('is empty without a log', () => {
    expect(deriveMinutesSection([], PERIOD, ZONE, 'client')).toEqual({ decisions: [], actionItems: [] });
  });
});
