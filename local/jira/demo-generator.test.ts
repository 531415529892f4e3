import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Dataset, DatasetIssue } from './dataset';
import { parseDataset } from './dataset';
import { generateDemoDatasets, generateScaleDataset } from './demo-generator';

const NOW = new Date('2026-06-12T08:00:00Z');
const [acme, hz] = generateDemoDatasets({ now: NOW }) as [Dataset, Dataset];
const named = z.looseObject({ name: z.string() });
const linkedIssue = z.looseObject({ key: z.string() });
/** The fields these tests read, in the shapes the generator writes; every other key passes through. */
const DemoFieldsSchema = z.looseObject({
  summary: z.string(),
  status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }) }),
  issuetype: named,
  priority: named,
  resolution: z.unknown().optional(),
  labels: z.array(z.string()),
  fixVersions: z.array(z.looseObject({ id: z.string() })),
  created: z.string(),
  updated: z.string(),
  duedate: z.string().nullable(),
  timetracking: z.looseObject({ originalEstimateSeconds: z.number().optional() }),
  timespent: z.number().nullable(),
  aggregatetimespent: z.number().nullable(),
  issuelinks: z.array(
    z.looseObject({
      id: z.string(),
      type: z.unknown().optional(),
      outwardIssue: linkedIssue.optional(),
      inwardIssue: linkedIssue.optional(),
    }),
  ),
  customfield_10015: z.string().nullable(),
  customfield_10016: z.unknown().optional(),
  customfield_10020: z.unknown().optional(),
  customfield_10021: z.array(z.looseObject({ id: z.string(), value: z.string() })).nullable(),
});
const f = (issue: DatasetIssue) => DemoFieldsSchema.parse(issue.fields);
const category = (issue: DatasetIssue): string => f(issue).status.statusCategory.key;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const JIRA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;

describe('generateDemoDatasets', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(generateDemoDatasets({ now: NOW }))).toBe(JSON.stringify(generateDemoDatasets({ now: NOW })));
    expect(JSON.stringify(generateDemoDatasets({ now: NOW, seed: 2 }))).not.toBe(
      JSON.stringify(generateDemoDatasets({ now: NOW, seed: 3 })),
    );
  });

  it('produces valid datasets: ACME with about 400 issues, HZ with about 60', () => {
    expect(() => parseDataset(acme)).not.toThrow();
    expect(() => parseDataset(hz)).not.toThrow();
    expect(acme.project.key).toBe('ACME');
    expect(acme.issues.length).toBeGreaterThanOrEqual(350);
    expect(acme.issues.length).toBeLessThanOrEqual(450);
    expect(hz.issues.length).toBeGreaterThanOrEqual(50);
    expect(hz.issues.length).toBeLessThanOrEqual(70);
  });

  it('covers every issue type and priority', () => {
    expect(new Set(acme.issues.map((i) => f(i).issuetype.name))).toEqual(new Set(['Epic', 'Story', 'Task', 'Bug', 'Sub-task']));
    expect(new Set(acme.issues.map((i) => f(i).priority.name))).toEqual(new Set(['Highest', 'High', 'Medium', 'Low', 'Lowest']));
  });

  it('has milestones: one released, one at risk, later ones in the future', () => {
    const versions = acme.versions ?? [];
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(versions.filter((v) => v.released)).toHaveLength(1);
    const atRisk = versions.find((v) => !v.released && v.releaseDate && Date.parse(v.releaseDate) - NOW.getTime() < 14 * 86_400_000);
    expect(atRisk).toBeDefined();
    const inAtRisk = acme.issues.filter((i) => f(i).fixVersions.some((v) => v.id === atRisk?.id));
    expect(inAtRisk.filter((i) => category(i) !== 'done').length / inAtRisk.length).toBeGreaterThan(0.3);
    expect(versions.some((v) => !v.released && v.startDate && Date.parse(v.startDate) > NOW.getTime())).toBe(true);
  });

  it('writes changelogs with category transitions, reopen cycles and fix-version changes', () => {
    const items = acme.issues.flatMap((i) => (i.changelog?.histories ?? []).flatMap((h) => h.items));
    expect(items.some((it) => it.field === 'status')).toBe(true);
    const reopened = acme.issues.filter((i) =>
      (i.changelog?.histories ?? []).some((h) => h.items.some((it) => it.field === 'resolution' && it.to === null && it.from !== null)),
    );
    expect(reopened.length).toBeGreaterThan(3);
    expect(items.filter((it) => it.fieldId === 'fixVersions' && it.from === null && it.to !== null).length).toBeGreaterThan(5);
    expect(items.some((it) => it.fieldId === 'fixVersions' && it.from !== null && it.to === null)).toBe(true);
    for (const issue of acme.issues)
      for (const history of issue.changelog?.histories ?? []) expect(history.created).toMatch(JIRA_TIMESTAMP);
  });

  it('uses Jira field shapes: story points by name, timetracking, Flagged, Sprint, dates', () => {
    const storyPointsField = acme.fields?.find((field) => field.name === 'Story point estimate')?.id;
    expect(storyPointsField).toBe('customfield_10016');
    expect(acme.issues.filter((i) => typeof f(i).customfield_10016 === 'number').length).toBeGreaterThan(50);
    expect(acme.issues.some((i) => JSON.stringify(f(i).timetracking) === '{}')).toBe(true);
    const logged = ({ timetracking, timespent, aggregatetimespent }: z.infer<typeof DemoFieldsSchema>) =>
      (timetracking.originalEstimateSeconds ?? 0) > 0 &&
      timespent !== null &&
      timespent > 0 &&
      aggregatetimespent !== null &&
      aggregatetimespent >= timespent;
    expect(acme.issues.some((i) => logged(f(i)))).toBe(true);
    const flags = acme.issues.map((i) => f(i).customfield_10021).filter((flag) => flag !== null);
    expect(flags.every((flag) => flag[0]?.value === 'Impediment' && flag[0].id === '10019')).toBe(true);
    expect(flags.length).toBeGreaterThan(0);
    expect(acme.issues.some((i) => Array.isArray(f(i).customfield_10020))).toBe(true);
    expect(acme.issues.some((i) => DATE_ONLY.test(f(i).customfield_10015 ?? ''))).toBe(true);
    expect(acme.issues.map((i) => f(i).duedate).every((due) => due === null || DATE_ONLY.test(due))).toBe(true);
    expect(acme.issues.every((i) => JIRA_TIMESTAMP.test(f(i).created) && JIRA_TIMESTAMP.test(f(i).updated))).toBe(true);
    expect(hz.issues.every((i) => f(i).created.endsWith('+0800'))).toBe(true);
  });

  it('links blockers on both issues with the Blocks type', () => {
    const links = acme.issues.flatMap((i) => f(i).issuelinks.map((l) => ({ key: i.key, ...l })));
    const outward = links.filter((l) => l.outwardIssue);
    expect(outward.length).toBeGreaterThan(10);
    for (const link of outward) {
      expect(link.type).toMatchObject({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
      const otherKey = link.outwardIssue?.key;
      const other = acme.issues.find((i) => i.key === otherKey);
      if (!other) throw new Error(`${link.key} blocks ${String(otherKey)}, which is not in the dataset`);
      expect(f(other).issuelinks.some((l) => l.id === link.id && l.inwardIssue?.key === link.key)).toBe(true);
    }
  });

  it('includes client-reported, internal and waiting-for-customer issues and the §4 realities', () => {
    const labels = (i: DatasetIssue): string[] => f(i).labels;
    expect(acme.issues.some((i) => f(i).issuetype.name === 'Bug' && labels(i).includes('client-reported'))).toBe(true);
    expect(acme.issues.some((i) => labels(i).includes('client'))).toBe(true);
    expect(acme.issues.some((i) => labels(i).includes('internal'))).toBe(true);
    expect(acme.issues.some((i) => f(i).status.name === 'Waiting for customer' && category(i) === 'indeterminate')).toBe(true);
    expect(acme.issues.some((i) => category(i) === 'new' && f(i).resolution !== null)).toBe(true);
    expect(acme.issues.some((i) => category(i) === 'done' && f(i).resolution === null)).toBe(true);
    const overdue = (i: DatasetIssue) => {
      const due = f(i).duedate ?? '';
      return due !== '' && due < '2026-06-12' && category(i) !== 'done';
    };
    expect(acme.issues.some(overdue)).toBe(true);
  });

  it('localizes HZ statuses and summaries in Chinese', () => {
    expect(new Set(hz.issues.map((i) => f(i).status.name))).toEqual(new Set(['待办', '进行中', '完成']));
    expect(hz.issues.every((i) => /[\u4e00-\u9fff]/.test(f(i).summary))).toBe(true);
    expect(hz.statuses?.map((s) => s.statusCategory?.key).sort()).toEqual(['done', 'indeterminate', 'new']);
  });
});

describe('generateScaleDataset', () => {
  it('generates the requested number of issues deterministically', () => {
    const a = generateScaleDataset({ issues: 2000, now: NOW, seed: 5 });
    const b = generateScaleDataset({ issues: 2000, now: NOW, seed: 5 });
    expect(a.issues).toHaveLength(2000);
    expect(new Set(a.issues.map((i) => i.key)).size).toBe(2000);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(() => parseDataset(a)).not.toThrow();
  });

  it('gives to-do issues the histories of a real backlog, not one edit each', () => {
    const scale = generateScaleDataset({ issues: 5000, now: NOW, seed: 5 });
    const todo = scale.issues.filter((i) => category(i) === 'new');
    const untouched = todo.filter((i) => f(i).updated === f(i).created);
    // Untouched since creation: no changelog, the category never moved, no link (linking touches).
    for (const issue of untouched) {
      expect(issue.changelog?.histories ?? []).toEqual([]);
      expect(issue.fields['statuscategorychangedate']).toBe(f(issue).created);
      expect(f(issue).issuelinks).toEqual([]);
    }
    expect(untouched.length / todo.length).toBeGreaterThan(0.4);
    expect(untouched.length / todo.length).toBeLessThan(0.6);
    const pushedBack = todo.filter((i) => (i.changelog?.histories ?? []).some((h) => h.items.some((item) => item.field === 'status')));
    const addedLater = todo.filter((i) =>
      (i.changelog?.histories ?? []).some((h) => h.items.some((item) => item.fieldId === 'fixVersions')),
    );
    const backlog = todo.filter((i) => f(i).fixVersions.length === 0);
    for (const group of [pushedBack, addedLater, backlog]) expect(group.length).toBeGreaterThan(todo.length * 0.02);
    // Released milestones are done, so most of a long-lived project still needs its history.
    const done = scale.issues.filter((i) => category(i) === 'done').length;
    expect(done / scale.issues.length).toBeGreaterThan(0.7);
  });
});
