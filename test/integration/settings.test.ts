/**
 * Per-project settings, export and delete on the real path (resolver -> storage kit -> KVS on
 * SQLite), as the project's admin: given/when/then, asserting answers and what is stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clientStatusReportSchema,
  DEFAULT_PROJECT_SETTINGS,
  projectExportSchema,
  settingsViewSchema,
  statusReportSchema,
  type ProjectSettingsJson,
} from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { settingsKind } from '../../src/application/records/record-kinds';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme, other] = datasets;
if (!acme || !other) throw new Error('the demo has two projects');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

const context = () => projectPageContext(acme.project);
const call = (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(context(), key, payload) as Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;

async function getSettings() {
  const answer = await call('settings/get', {});
  return settingsViewSchema.parse(answer.data);
}

/** The revision to save at now: after a delete, revisions go on counting. */
async function current(): Promise<number> {
  return (await getSettings()).revision;
}

beforeEach(async () => {
  await call('project/delete-data', { confirmProjectKey: acme.project.key });
  await app.forge.invokeResolver(projectPageContext(other.project), 'project/delete-data', { confirmProjectKey: other.project.key });
});

describe('settings/get and settings/save', () => {
  it('given a project never configured, answers the defaults at revision 0', async () => {
    const fresh = await app.forge.invokeResolver(projectPageContext(other.project), 'settings/get', {});
    expect(fresh).toEqual({ ok: true, data: { settings: DEFAULT_PROJECT_SETTINGS, revision: 0, canEdit: true } });
  });

  it('given the data was deleted, answers the defaults, and a save from before the delete conflicts', async () => {
    const before = await current();
    await call('settings/save', { settings: { ...DEFAULT_PROJECT_SETTINGS, cadenceDays: 9 }, revision: before });
    await call('project/delete-data', { confirmProjectKey: acme.project.key });
    const afterDelete = await getSettings();
    expect(afterDelete.settings).toEqual(DEFAULT_PROJECT_SETTINGS);
    expect(afterDelete.revision).toBeGreaterThan(before + 1);
    expect(await call('settings/save', { settings: DEFAULT_PROJECT_SETTINGS, revision: before + 1 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('given a save at the current revision, stores the settings at the next revision', async () => {
    const settings: ProjectSettingsJson = { ...DEFAULT_PROJECT_SETTINGS, timeZone: 'Asia/Shanghai', cadenceDays: 14 };
    const revision = await current();
    const saved = await call('settings/save', { settings, revision });
    expect(saved).toEqual({ ok: true, data: { settings, revision: revision + 1, canEdit: true } });
    expect(await getSettings()).toEqual({ settings, revision: revision + 1, canEdit: true });
  });

  it('given two editors who read revision 1, the second save gets CONFLICT and the first one stays', async () => {
    const base = await current();
    await call('settings/save', { settings: DEFAULT_PROJECT_SETTINGS, revision: base });
    const alice = { ...DEFAULT_PROJECT_SETTINGS, internalLabel: 'team-only' };
    const bob = { ...DEFAULT_PROJECT_SETTINGS, internalLabel: 'internal-bob' };

    expect((await call('settings/save', { settings: alice, revision: base + 1 })).ok).toBe(true);
    const second = await call('settings/save', { settings: bob, revision: base + 1 });

    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await getSettings()).settings.internalLabel).toBe('team-only');
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
    ['a label with a space', { internalLabel: 'not a label' }],
    ['amber laxer than green', { thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, overdueGreen: 0.3, overdueAmber: 0.1 } }],
    ['a share above 100 %', { thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, creepAmber: 3 } }],
    ['a field override that is not a custom field', { fieldOverrides: { ...DEFAULT_PROJECT_SETTINGS.fieldOverrides, sprint: 'summary' } }],
    ['an unknown key', { extra: true }],
  ])('given %s, refuses with INVALID_PAYLOAD and stores nothing', async (_case, change) => {
    const before = app.kvs.dump();
    const answer = await call('settings/save', { settings: { ...DEFAULT_PROJECT_SETTINGS, ...change }, revision: await current() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(app.kvs.dump()).toEqual(before);
  });

  it('reach the report: a dimension switched off is reported off, and the setting stays per project', async () => {
    await call('settings/save', { settings: { ...DEFAULT_PROJECT_SETTINGS, disabledDimensions: ['cost'] }, revision: await current() });
    const report = statusReportSchema.parse((await call('project/report', { lang: 'en' })).data);
    expect(report.dimensions.cost.enabled).toBe(false);

    const otherReport = (await app.forge.invokeResolver(projectPageContext(other.project), 'project/report', { lang: 'en' })) as {
      data: unknown;
    };
    expect(statusReportSchema.parse(otherReport.data).dimensions.cost.enabled).toBe(true);
  });
});

describe('a settings save and the snapshot the pages open from', () => {
  it('re-derives it at once: the report and client preview follow the new settings without a Refresh', async () => {
    const before = clientStatusReportSchema.parse((await call('project/report', { lang: 'en', audience: 'client' })).data);
    expect(before.dimensions.map((d) => d.id)).toContain('quality');
    const marked = before.sections.inProgress.length;

    await call('settings/save', {
      settings: { ...DEFAULT_PROJECT_SETTINGS, disabledDimensions: ['quality'], clientVisibility: { mode: 'all', issueTypeIds: [] } },
      revision: await current(),
    });

    const after = clientStatusReportSchema.parse((await call('project/report', { lang: 'en', audience: 'client' })).data);
    // A dimension switched off is not in the client's report at all.
    expect(after.dimensions.map((d) => d.id)).not.toContain('quality');
    expect(after.sections.inProgress.length).toBeGreaterThan(marked);
  });

  it('a snapshot derived with older settings is refreshed when the page opens (the save’s refresh did not finish)', async () => {
    await call('project/report', { lang: 'en' });
    // Saved behind the resolver's back: as if the refresh after the save had failed.
    const store = new KvsRecordStore();
    const revision = await current();
    await store.document(settingsKind, acme.project.id).save({ ...DEFAULT_PROJECT_SETTINGS, disabledDimensions: ['cost'] }, revision);

    const report = statusReportSchema.parse((await call('project/report', { lang: 'en' })).data);
    expect(report.dimensions.cost.enabled).toBe(false);
  });
});

describe('project/export and project/delete-data', () => {
  it('exports every record the app keeps for the project, and only this project', async () => {
    const settings = { ...DEFAULT_PROJECT_SETTINGS, cadenceDays: 10 };
    await call('settings/save', { settings, revision: await current() });
    await call('project/overview', {}); // tracks the project
    await app.forge.invokeResolver(projectPageContext(other.project), 'project/overview', {});
    await app.forge.runScheduledTrigger('daily-kpi-snapshot');

    const exported = projectExportSchema.parse((await call('project/export', {})).data);

    expect(exported.project).toEqual({ id: acme.project.id, key: acme.project.key });
    expect(exported.records['settings']).toEqual([settings]);
    expect(exported.records['tracked-project']).toEqual([expect.objectContaining({ id: acme.project.id, key: acme.project.key })]);
    expect(exported.records['kpi-history']).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain(`"${other.project.key}"`);
  });

  it('given a confirmation that does not repeat the key, refuses and deletes nothing', async () => {
    await call('settings/save', { settings: DEFAULT_PROJECT_SETTINGS, revision: await current() });
    const before = app.kvs.dump();
    const answer = await call('project/delete-data', { confirmProjectKey: other.project.key });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(app.kvs.dump()).toEqual(before);
  });

  it('deletes every record of the project and none of another', async () => {
    await call('settings/save', { settings: DEFAULT_PROJECT_SETTINGS, revision: await current() });
    await call('project/overview', {});
    await app.forge.invokeResolver(projectPageContext(other.project), 'project/overview', {});
    await app.forge.runScheduledTrigger('daily-kpi-snapshot');

    const before = projectExportSchema.parse((await call('project/export', {})).data);
    const exportedCount = Object.values(before.records).flat().length;
    expect(exportedCount).toBeGreaterThan(3);

    const answer = await call('project/delete-data', { confirmProjectKey: acme.project.key });

    // Every exported record (settings, tracking, KPI point, snapshot, its issue buckets and report parts…).
    expect(answer).toEqual({ ok: true, data: { deleted: exportedCount } });
    const exported = projectExportSchema.parse((await call('project/export', {})).data);
    expect(Object.values(exported.records).flat()).toEqual([]);
    // Documents leave a tombstone with their revision and no value (see deleteProjectData).
    const stored = app.kvs
      .dump()
      .map((row) => JSON.parse(row.value) as { partition: string; value: { key?: string } | null })
      .filter((record) => record.value !== null);
    expect(stored.filter((record) => record.partition === acme.project.id || record.value?.key === acme.project.key)).toEqual([]);
    expect(stored.filter((record) => record.partition === other.project.id).length).toBeGreaterThan(0);
    expect(stored.some((record) => record.value?.key === other.project.key)).toBe(true);
  });
});
