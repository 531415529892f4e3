import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { JiraClient, RETRY_POLICIES } from '../src/adapters/jira/jira-client';
import { JiraSyncReader } from '../src/adapters/jira/jira-sync-reader';
import { generateScaleDataset } from '../local/jira/demo-generator';
import { JiraEmulator } from '../local/jira/emulator';
import { markCompactAfterMb, median } from './bench-row';
import { countIssuesNeedingHistory } from './history-oracle';
import { fullSyncCallBudget } from './jira-budget';
import { documentedPoints, JiraMeter, readingSince } from './jira-meter';
import { installSimulatedClock } from './simulated-clock';

const NOW = new Date('2026-11-27T09:00:00Z');

describe('history oracle', () => {
  it('counts the issues the app reads history for, from the raw data alone', async () => {
    const dataset = generateScaleDataset({ issues: 3000, seed: 11, now: NOW });
    const emulator = new JiraEmulator({ datasets: [dataset], now: () => NOW });
    const reader = new JiraSyncReader(
      new JiraClient({
        transport: (path, init = {}) =>
          emulator.handle(
            new Request(new URL(path, 'https://bench.invalid'), {
              method: init.method ?? 'GET',
              ...(init.headers ? { headers: init.headers } : {}),
              ...(init.body !== undefined ? { body: init.body } : {}),
            }),
          ),
        policy: RETRY_POLICIES.consumer,
      }),
    );
    const metadata = await reader.readSiteMetadata();
    let app = 0;
    let pageToken: string | null = null;
    do {
      const page = await reader.readIssuePage('SCALE', DEFAULT_PROJECT_SETTINGS, metadata, {
        updatedSince: null,
        pageToken,
        now: NOW.getTime(),
      });
      app += page.needsHistory.length;
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
    const oracle = countIssuesNeedingHistory(dataset);
    expect(oracle).toBe(app);
    // Realistic backlogs: not every issue needs its history.
    expect(oracle).toBeLessThan(3000);
  });
});

describe('Jira meter', () => {
  it.each([
    ['POST', '/rest/api/3/search/jql', { issues: [{}, {}, {}] }, 4],
    ['POST', '/rest/api/3/changelog/bulkfetch', { issueChangeLogs: [{}, {}] }, 3],
    ['POST', '/rest/api/3/search/approximate-count', { count: 12 }, 1],
    ['GET', '/rest/api/3/issue/SCALE-1', { id: '1', key: 'SCALE-1' }, 2],
    ['GET', '/rest/api/3/project/SCALE', { id: '10020' }, 2],
    ['GET', '/rest/api/3/project/SCALE/versions', [{}, {}], 1],
    ['GET', '/rest/api/3/mypermissions', { permissions: {} }, 1],
    ['PUT', '/rest/api/3/issue/SCALE-1/properties/client-followup-risk', null, 1],
    ['DELETE', '/rest/api/3/issue/SCALE-1/properties/client-followup-risk', null, 1],
  ] as const)('%s %s costs %#: the documented points', (method, path, body, points) => {
    expect(documentedPoints(method, path, body)).toBe(points);
  });

  it('meters the calls that go through the emulator, not the unmetered ones', async () => {
    const emulator = new JiraEmulator({ datasets: [generateScaleDataset({ issues: 150, seed: 3, now: NOW })], now: () => NOW });
    const { meter, unmetered } = JiraMeter.attach(emulator);
    const search = () =>
      new Request('https://bench.invalid/rest/api/3/search/jql', {
        method: 'POST',
        body: JSON.stringify({ jql: 'project = SCALE ORDER BY key', fields: ['summary'], maxResults: 100 }),
      });
    await emulator.handle(search());
    const first = meter.read();
    expect(first.calls).toBe(1);
    expect(first.points).toBe(101);
    await unmetered(search());
    await emulator.handle(new Request('https://bench.invalid/rest/api/3/project/SCALE'));
    const since = readingSince(meter.read(), first);
    expect(since.calls).toBe(1);
    expect(since.byEndpoint).toEqual({ 'GET /rest/api/3/project/{project}': { calls: 1, bytes: expect.any(Number) as number, points: 2 } });
  });
});

describe('budgets and figures', () => {
  it('budgets a full sync from the data: pages of 100, changelog batches of 1000, 6 fixed calls', () => {
    expect(fullSyncCallBudget(100_000, 94_176)).toBe(1000 + 95 + 6);
    expect(fullSyncCallBudget(1, 0)).toBe(1 + 0 + 6);
  });

  it('reads the heap left by a full GC from a --trace-gc line, and nothing from a scavenge', () => {
    expect(markCompactAfterMb('[1:0x1]  406 ms: Mark-Compact 181.8 (215.7) -> 127.7 (161.8) MB, 129.82 / 0.00 ms  testing')).toBe(127.7);
    expect(markCompactAfterMb('[1:0x1]  406 ms: Mark-Compact (reduce) 81.8 (95.7) -> 27.7 (61.8) MB, 9.82 / 0.00 ms')).toBe(27.7);
    expect(markCompactAfterMb('[1:0x1]   30 ms: Scavenge 4.1 (4.2) -> 3.7 (5.2) MB, 2.84 / 0.00 ms')).toBeUndefined();
  });

  it('takes the median of odd and even runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('simulated clock', () => {
  const RealDate = Date;
  afterEach(() => {
    globalThis.Date = RealDate;
  });

  it('moves `new Date()` and `Date.now()` on, and leaves explicit dates and Date methods alone', () => {
    const clock = installSimulatedClock(NOW);
    expect(Math.abs(Date.now() - NOW.getTime())).toBeLessThan(1000);
    clock.advance(3 * 3_600_000);
    const later = new Date();
    expect(later.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(later).toBeInstanceOf(Date);
    expect(later.toISOString().slice(0, 13)).toBe('2026-11-27T12');
    expect(new Date('2020-01-02T03:04:05Z').toISOString()).toBe('2020-01-02T03:04:05.000Z');
    expect(Date.parse('2020-01-02T00:00:00Z')).toBe(1_577_923_200_000);
    expect(Date.UTC(2020, 0, 2)).toBe(1_577_923_200_000);
  });
});
