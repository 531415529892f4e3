import { describe, expect, it } from 'vitest';
import { deriveClientWait } from './derive-client-wait';
import { anIssue, at, DAY_MS, settingsWith } from './testing/builders';

// Friday 2026-03-20, noon UTC.
const NOW = at('2026-03-20T12:00:00Z');
const SETTINGS = settingsWith();
const WAITING = { name: 'Waiting for customer', category: 'indeterminate' } as const;

describe('deriveClientWait', () => {
  it.each([
    {
      case: 'a waiting status entered 12 days ago: the changelog dates it',
      issue: () => anIssue({ status: WAITING, updated: NOW - DAY_MS, history: { statusSince: NOW - 12 * DAY_MS } }),
      wait: { days: 12, sinceDay: '2026-03-08', estimated: false },
    },
    {
      case: 'a waiting status in other case and spacing',
      issue: () => anIssue({ status: { name: ' WAITING FOR CUSTOMER ' }, history: { statusSince: NOW - 3 * DAY_MS } }),
      wait: { days: 3, sinceDay: '2026-03-17', estimated: false },
    },
    {
      case: 'entered today',
      issue: () => anIssue({ status: WAITING, history: { statusSince: NOW - 60_000 } }),
      wait: { days: 0, sinceDay: '2026-03-20', estimated: false },
    },
    {
      case: 'a waiting status whose entry is unknown (changelog not read): at least since the last update',
      issue: () => anIssue({ status: WAITING, updated: NOW - 5 * DAY_MS, history: { statusSince: null, complete: false } }),
      wait: { days: 5, sinceDay: '2026-03-15', estimated: true },
    },
    {
      case: 'the label alone: at least since the last update, whatever the status entry',
      issue: () => anIssue({ labels: ['Waiting-On-Client'], updated: NOW - 4 * DAY_MS, history: { statusSince: NOW - 40 * DAY_MS } }),
      wait: { days: 4, sinceDay: '2026-03-16', estimated: true },
    },
    {
      case: 'a start after now (clock skew) counts as 0 days',
      issue: () => anIssue({ status: WAITING, history: { statusSince: NOW + 2 * DAY_MS } }),
      wait: { days: 0, sinceDay: '2026-03-22', estimated: false },
    },
  ])('$case', ({ issue, wait }) => {
    expect(deriveClientWait(issue(), SETTINGS, NOW)).toMatchObject(wait);
  });

  it.each([
    { case: 'an ordinary in-progress issue', issue: () => anIssue({ status: { name: 'In Progress', category: 'indeterminate' } }) },
    { case: 'a done issue with the label', issue: () => anIssue({ labels: ['waiting-on-client'], resolution: 'Done' }) },
    {
      case: 'a done issue in a waiting status',
      issue: () => anIssue({ status: { name: 'Waiting for customer', category: 'done' }, history: { statusSince: NOW } }),
    },
  ])('not waiting: $case', ({ issue }) => {
    expect(deriveClientWait(issue(), SETTINGS, NOW)).toBeNull();
  });

  it('counts calendar days in the project zone', () => {
    // 23:30 in Shanghai on the 19th is 15:30Z; at noon UTC on the 20th it is 20:00 on the 20th there: one day.
    const shanghai = settingsWith({ timeZone: 'Asia/Shanghai' });
    const issue = anIssue({ status: WAITING, history: { statusSince: at('2026-03-19T15:30:00Z') } });
    expect(deriveClientWait(issue, shanghai, NOW)).toMatchObject({ days: 1, sinceDay: '2026-03-19' });
    expect(deriveClientWait(issue, SETTINGS, NOW)).toMatchObject({ days: 1, sinceDay: '2026-03-19' });
    const late = anIssue({ status: WAITING, history: { statusSince: at('2026-03-19T16:30:00Z') } });
    expect(deriveClientWait(late, shanghai, NOW)).toMatchObject({ days: 0, sinceDay: '2026-03-20' });
  });
});
