import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettingsJson } from '../../contract/settings';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { CHANGELOG_BATCH_ISSUES, JiraProjectReader, SEARCH_PAGE_SIZE } from '../../src/adapters/jira/jira-project-reader';
import { CATEGORY_CHANGE_TOLERANCE_MS } from '../../src/adapters/jira/to-issue';
import type { Dataset } from '../../local/jira/dataset';
import { generateDemoDatasets, generateScaleDataset } from '../../local/jira/demo-generator';
import { JiraEmulator } from '../../local/jira/emulator';
import { parseJiraTimestamp } from '../../local/jira/site-catalog';
import { expectedCategoryCounts } from '../support/dataset-oracle';

const now = new Date('2026-06-12T09:00:00Z');
/** The reader takes the settings document itself: the defaults unless a test says otherwise. */
const SETTINGS: ProjectSettingsJson = DEFAULT_PROJECT_SETTINGS;

function setup(datasets: Dataset[] = generateDemoDatasets({ now })) {
  const emulator = new JiraEmulator({ datasets, now: () => now });
  // Real retry policy, simulated time: tests stay fast and deterministic.
  let clock = 0;
  const client = new JiraClient({
    transport: (path, init) => emulator.handle(new Request(`https://x${path}`, init)),
    policy: RETRY_POLICIES.consumer,
    sleep: (waitMs) => {
      clock += waitMs;
      return Promise.resolve();
    },
    random: () => 0.5,
    monotonicNow: () => clock,
  });
  const reader = new JiraProjectReader(client);
  const dataset = (key: string) => {
    const found = datasets.find((d) => d.project.key === key);
    if (!found) throw new Error(key);
    return found;
  };
  return { emulator, reader, dataset };
}

const rawFields = z.looseObject({
  created: z.string(),
  updated: z.string(),
  statuscategorychangedate: z.string().nullish(),
  resolution: z.unknown(),
  fixVersions: z.array(z.unknown()),
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) }),
});

/** The history rule computed from the raw dataset, independently of the mapper. */
function expectedNeedingHistory(dataset: Dataset): number {
  return dataset.issues.filter((raw) => {
    const f = rawFields.parse(raw.fields);
    const created = parseJiraTimestamp(f.created);
    const category = f.status.statusCategory.key;
    if (category === 'indeterminate' || category === 'done' || f.resolution) return true;
    const changed = f.statuscategorychangedate ? parseJiraTimestamp(f.statuscategorychangedate) : Infinity;
    if (changed > created + CATEGORY_CHANGE_TOLERANCE_MS) return true;
    return f.fixVersions.length > 0 && parseJiraTimestamp(f.updated) > created + CATEGORY_CHANGE_TOLERANCE_MS;
  }).length;
}

const calls = (emulator: JiraEmulator, endpoint: string) => emulator.stats().byEndpoint[endpoint]?.calls ?? 0;

describe('JiraProjectReader against the emulator', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });

  it.each(['ACME', 'HZ'])('reads every issue of %s exactly once, with the fewest calls', async (key) => {
    const { emulator, reader, dataset } = env;
    const raw = dataset(key);
    const result = await reader.readProject(key, SETTINGS);

    expect(result.project).toEqual({ id: raw.project.id, key, name: raw.project.name });
    const keys = result.issues.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(raw.issues.map((i) => i.key)));
    const counts = { new: 0, indeterminate: 0, done: 0, undefined: 0 };
    for (const issue of result.issues) counts[issue.status.category] += 1;
    expect(counts).toEqual(expectedCategoryCounts(raw));
    expect(result.milestones.map((m) => m.id)).toEqual((raw.versions ?? []).map((v) => v.id));
    expect(result.priorityCount).toBe(5);

    const needing = result.issues.filter((i) => i.history.complete).length;
    expect(needing).toBe(expectedNeedingHistory(raw));
    expect(calls(emulator, 'POST /rest/api/3/search/jql')).toBe(Math.ceil(raw.issues.length / SEARCH_PAGE_SIZE));
    expect(calls(emulator, 'POST /rest/api/3/changelog/bulkfetch')).toBe(Math.ceil(needing / CHANGELOG_BATCH_ISSUES));
    // The project, its versions, and the site's fields, statuses and priorities, once each.
    expect(emulator.stats().totalCalls).toBe(
      5 + Math.ceil(raw.issues.length / SEARCH_PAGE_SIZE) + Math.ceil(needing / CHANGELOG_BATCH_ISSUES),
    );
  });

  it('derives histories, scope moves and unresolved blockers for the demo', async () => {
    const { issues } = await env.reader.readProject('ACME', SETTINGS);
    const byKey = new Map(issues.map((i) => [i.key, i]));
    expect(byKey.get('ACME-21')?.history.reopenCount).toBe(1);
    expect(issues.some((i) => i.history.versionChanges.some((v) => v.change === 'removed'))).toBe(true);
    for (const issue of issues) {
      const done = issue.status.category === 'done' || issue.resolution !== null;
      if (done) expect(issue.history.completedAt).not.toBeNull();
      else expect(issue.history.completedAt).toBeNull();
      for (const blocker of issue.blockedBy) {
        const known = byKey.get(blocker.key);
        expect(known && (known.status.category === 'done' || known.resolution !== null)).toBe(false);
        expect(blocker.statusName).toBe(known?.status.name);
      }
      expect(new Set(issue.blockedBy.map((b) => b.key)).size).toBe(issue.blockedBy.length);
    }
    // Each blocking link is seen from both ends.
    for (const issue of issues) for (const blocker of issue.blockedBy) expect(byKey.get(blocker.key)?.blocks).toContain(issue.key);
  });

  it('reads the localized team-managed project by category keys', async () => {
    const { issues } = await env.reader.readProject('HZ', SETTINGS);
    const names = new Set(issues.map((i) => `${i.status.name}:${i.status.category}`));
    expect(names).toEqual(new Set(['待办:new', '进行中:indeterminate', '完成:done']));
    expect(issues.some((i) => i.status.category === 'done' && i.resolution === null)).toBe(true);
  });

  it('honours a field override from settings', async () => {
    const fieldOverrides = { ...SETTINGS.fieldOverrides, storyPoints: 'customfield_10026' };
    const { issues } = await env.reader.readProject('ACME', { ...SETTINGS, fieldOverrides });
    // The classic "Story Points" field is empty on the demo site.
    expect(issues.every((i) => i.storyPoints === null)).toBe(true);
    // Null overrides discover: the demo's "Story point estimate" is found.
    const discovered = await env.reader.readProject('ACME', SETTINGS);
    expect(discovered.issues.some((i) => i.storyPoints !== null)).toBe(true);
  });

  it('ignores a field override naming a field the site does not have, and discovers instead', async () => {
    const fieldOverrides = { ...SETTINGS.fieldOverrides, storyPoints: 'customfield_99999' };
    const { issues } = await env.reader.readProject('ACME', { ...SETTINGS, fieldOverrides });
    const discovered = await env.reader.readProject('ACME', SETTINGS);
    expect(issues.map((i) => i.storyPoints)).toEqual(discovered.issues.map((i) => i.storyPoints));
    expect(issues.some((i) => i.storyPoints !== null)).toBe(true);
  });

  describe('settings reach the reader through its one settings argument', () => {
    /** ACME with a "Dependency" link (texts that do not say "blocks") and a date-time "Kick-off" field. */
    function withDependencyAndKickoff(): Dataset {
      const [acme] = generateDemoDatasets({ now });
      if (!acme) throw new Error('no demo dataset');
      const [first, second] = acme.issues;
      if (!first || !second) throw new Error('demo too small');
      const dependency = { id: '20100', name: 'Dependency', inward: 'depends on', outward: 'is needed by' };
      const linked = (issue: typeof first) => ({ id: issue.id, key: issue.key, fields: { status: issue.fields['status'] } });
      const links = (issue: typeof first) => (issue.fields['issuelinks'] as unknown[] | undefined) ?? [];
      // Open, so the blocker is not dropped as resolved.
      second.fields['status'] = { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } };
      second.fields['resolution'] = null;
      first.fields['issuelinks'] = [...links(first), { id: '90001', type: dependency, inwardIssue: linked(second) }];
      second.fields['issuelinks'] = [...links(second), { id: '90001', type: dependency, outwardIssue: linked(first) }];
      first.fields['customfield_19999'] = '2026-06-01T20:30:00.000+0000';
      return {
        ...acme,
        fields: [...(acme.fields ?? []), { id: 'customfield_19999', name: 'Kick-off', custom: true, schema: { type: 'datetime' } }],
        issueLinkTypes: [...(acme.issueLinkTypes ?? []), dependency],
      };
    }

    it('blockingLinkTypes: a link type named in settings blocks; by default it does not', async () => {
      const dataset = withDependencyAndKickoff();
      const { reader } = setup([dataset]);
      const [first, second] = dataset.issues;
      const blockersOf = async (settings: ProjectSettingsJson) =>
        (await reader.readProject('ACME', settings)).issues.find((i) => i.key === first?.key)?.blockedBy.map((b) => b.key);
      expect(await blockersOf(SETTINGS)).not.toContain(second?.key);
      expect(await blockersOf({ ...SETTINGS, blockingLinkTypes: ['Blocks', 'dependency'] })).toContain(second?.key);
    });

    it('timeZone: a date-time start-date override becomes the calendar day in the project zone', async () => {
      const dataset = withDependencyAndKickoff();
      const { reader } = setup([dataset]);
      const key = dataset.issues[0]?.key;
      const fieldOverrides = { ...SETTINGS.fieldOverrides, startDate: 'customfield_19999' };
      const startIn = async (timeZone: string) =>
        (await reader.readProject('ACME', { ...SETTINGS, fieldOverrides, timeZone })).issues.find((i) => i.key === key)?.start;
      // 2026-06-01T20:30Z is already June 2 in Shanghai (+8), still June 1 in London (+1).
      expect(await startIn('Asia/Shanghai')).toBe('2026-06-02');
      expect(await startIn('Europe/London')).toBe('2026-06-01');
    });
  });

  it('gives the same result through 30 % rate limiting and 5 % server errors', async () => {
    const clean = await env.reader.readProject('ACME', SETTINGS);
    env.emulator.resetStats();
    env.emulator.setFaults({ rateLimitShare: 0.3, retryAfterSeconds: 0, serverErrorShare: 0.05, seed: 7 });
    const faulty = await env.reader.readProject('ACME', SETTINGS);
    expect(faulty).toEqual(clean);
    expect(env.emulator.stats().totalCalls).toBeGreaterThan(11);
  });

  it('rejects with a typed error, never a partial result, when Jira is down', async () => {
    env.emulator.setFaults({ failAll: true });
    const error: unknown = await env.reader.readProject('ACME', SETTINGS).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError' });
    expect(['JIRA_UNAVAILABLE', 'RATE_LIMITED']).toContain((error as { code: string }).code);
  });

  it('answers NOT_FOUND for an unknown project and rejects malformed keys before calling', async () => {
    await expect(env.reader.readProject('NOPE', SETTINGS)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    env.emulator.resetStats();
    await expect(env.reader.readProject('acme" OR 1=1', SETTINGS)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(env.emulator.stats().totalCalls).toBe(0);
  });

  it('pages a larger project and batches its changelogs by 1000', async () => {
    const { emulator, reader } = setup([generateScaleDataset({ now, issues: 2500 })]);
    const result = await reader.readProject('SCALE', SETTINGS);
    expect(new Set(result.issues.map((i) => i.key)).size).toBe(2500);
    const needing = result.issues.filter((i) => i.history.complete).length;
    expect(calls(emulator, 'POST /rest/api/3/search/jql')).toBe(25);
    expect(calls(emulator, 'POST /rest/api/3/changelog/bulkfetch')).toBe(Math.ceil(needing / CHANGELOG_BATCH_ISSUES));
  });
});
