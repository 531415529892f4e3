/**
 * Every record kind the app keeps, declared once (DESIGN.md §2 "One storage kit", §7).
 * `test/integration/record-kinds.test.ts` checks these against manifest.yml's storage entities
 * and Forge's limits; export and delete walk `RECORD_KINDS`, so a new kind is covered by both.
 */
import { z } from 'zod';
import { projectSettingsSchema, type ProjectSettingsJson } from '../../../contract/settings';
import { defineCollectionKind, defineDocumentKind, type AnyRecordKind } from './record-kind';

const isoInstant = z.iso.datetime({ offset: false });
const count = z.number().int().nonnegative();

/** The PM's per-project settings (`contract/settings.ts`). */
export const settingsKind = defineDocumentKind<ProjectSettingsJson>({
  name: 'settings',
  schemaVersion: 1,
  schema: projectSettingsSchema,
  scope: 'project',
});

const changeMarkerSchema = z.object({
  /** ISO instant of the first change not yet refreshed; null once refreshed. */
  dirtySince: isoInstant.nullable(),
  changes: count,
});
export type ChangeMarker = z.infer<typeof changeMarkerSchema>;

/** Issue changes since the last refresh of a project. A document, so increments never race. */
export const changeMarkerKind = defineDocumentKind<ChangeMarker>({
  name: 'change-marker',
  schemaVersion: 1,
  schema: changeMarkerSchema,
  scope: 'project',
});

const trackedProjectSchema = z.object({ id: z.string().min(1), key: z.string().min(1), firstSeenAt: isoInstant });
/** A project the app has seen, so background jobs know what to look after. */
export type TrackedProject = z.infer<typeof trackedProjectSchema>;

/** Site-wide list of tracked projects, one record per project (its id is the project id). */
export const trackedProjectKind = defineCollectionKind<TrackedProject>({
  name: 'tracked-project',
  schemaVersion: 1,
  schema: trackedProjectSchema,
  scope: 'site',
  entity: 'tracked-project',
  idOf: (p) => p.id,
  timeOf: (p) => p.firstSeenAt,
});

const statusCountsSchema = z.object({ new: count, indeterminate: count, done: count, undefined: count });

const kpiPointSchema = z.object({
  /** ISO instant. */
  capturedAt: isoInstant,
  counts: statusCountsSchema,
});
export type KpiPoint = z.infer<typeof kpiPointSchema>;

/** A project's KPI history, one point per capture. */
export const kpiHistoryKind = defineCollectionKind<KpiPoint>({
  name: 'kpi-history',
  schemaVersion: 2,
  schema: kpiPointSchema,
  // Version 1 (the first daily snapshots) kept the counts under `payload`.
  migrate: (stored, fromVersion) => {
    if (fromVersion >= 2) return stored;
    const v1 = z.object({ capturedAt: z.string(), payload: z.object({ counts: z.unknown() }) }).safeParse(stored);
    return v1.success ? { capturedAt: v1.data.capturedAt, counts: v1.data.payload.counts } : stored;
  },
  scope: 'project',
  entity: 'kpi-history',
  idOf: (p) => p.capturedAt.replace(/[^0-9]/gu, ''),
  timeOf: (p) => p.capturedAt,
});

/** Every kind, for export, delete and the manifest check. */
export const RECORD_KINDS: readonly AnyRecordKind[] = [settingsKind, changeMarkerKind, trackedProjectKind, kpiHistoryKind];

/** The one Forge entity holding every document kind (documents are few and small). */
export const DOCUMENT_ENTITY = 'app-document';
