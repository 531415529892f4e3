/**
 * Every record kind the app keeps, declared once (DESIGN.md §2 "One storage kit", §7).
 * `test/integration/record-kinds.test.ts` checks these against manifest.yml's storage entities
 * and Forge's limits; export and delete walk `RECORD_KINDS`, so a new kind is covered by both.
 */
import { engagementSchema, type EngagementJson } from '../../../contract/engagement';
import { retroSchema, type RetroJson } from '../../../contract/closing';
import { acceptanceRecordSchema, type AcceptanceRecordJson } from '../../../contract/acceptance';
import { z } from 'zod';
import { changeRequestSchema, type ChangeRequestJson } from '../../../contract/changes';
import {
  commsPlanSchema,
  savedAgendaSchema,
  touchpointSchema,
  type CommsPlanJson,
  type SavedAgendaJson,
  type TouchpointJson,
} from '../../../contract/comms';
import { DIMENSION_KEYS } from '../../../contract/report';
import { registerRiskSchema, type RegisterRiskJson } from '../../../contract/risks';
import { feedbackEntrySchema, type FeedbackEntryJson } from '../../../contract/feedback';
import { publishedReportHeadSchema, reportDraftSchema, type ReportDraftJson } from '../../../contract/reports';
import { deliverySchema, mailSenderSchema, type DeliveryJson } from '../../../contract/delivery';
import { projectSettingsSchema, type ProjectSettingsJson } from '../../../contract/settings';
import { languageSchema } from '../../../contract/language';
import {
  accessLogEntrySchema,
  sectionNameSchema,
  shareLinkIdSchema,
  shareScopeSchema,
  shareSettingsSchema,
  type AccessLogEntryJson,
  type ShareSettingsJson,
} from '../../../contract/share';
import { issueSchema } from './issue-schema';
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
const rag = z.enum(['green', 'amber', 'red', 'grey']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

const kpiPointSchema = z.object({
  /** Calendar day in the project's time zone: the point's id, so a day has one point. */
  day,
  /** ISO instant of the snapshot the point was taken from. */
  capturedAt: isoInstant,
  overall: z.enum(['green', 'amber', 'red']),
  dimensions: z.record(z.enum(DIMENSION_KEYS), z.object({ rag, value: z.number().nullable() })),
  counts: statusCountsSchema,
  /** Burn against the engagement's hours budget (issue 13); absent without a budget or logged time, and in older points. */
  burn: z
    .object({ spentHours: z.number(), earnedHours: z.number(), budgetHours: z.number(), rag: z.enum(['green', 'amber', 'red']) })
    .optional(),
});
export type KpiPoint = z.infer<typeof kpiPointSchema>;

/**
 * A project's KPI history, one point per calendar day (a second capture the same day replaces
 * the first: duplicated or retried daily runs leave one point). Version 2 points (counts only,
 * before health was stored) no longer parse and are skipped: nothing honest fills their RAGs.
 */
export const kpiHistoryKind = defineCollectionKind<KpiPoint>({
  name: 'kpi-history',
  schemaVersion: 3,
  schema: kpiPointSchema,
  scope: 'project',
  entity: 'kpi-history',
  idOf: (p) => p.day,
  timeOf: (p) => `${p.day}T00:00:00.000Z`,
});

const generationFilter = { generation: { type: 'integer' as const, of: (r: { generation: number }) => r.generation } };

/** The project's issues as of a snapshot generation, spread over buckets by a hash of the key. */
const issueBucketSchema = z.object({
  generation: z.number().int().nonnegative(),
  bucket: z.number().int().nonnegative(),
  issues: z.array(issueSchema),
  /** Issue key → the milestone it joined after its scope baseline (risk), for this bucket's issues. */
  addedAfterBaseline: z.record(z.string(), z.string()).default({}),
});
export type IssueBucket = z.infer<typeof issueBucketSchema>;

export const issueBucketKind = defineCollectionKind<IssueBucket & { at: string }>({
  name: 'issue-bucket',
  schemaVersion: 1,
  schema: issueBucketSchema.extend({ at: isoInstant }),
  scope: 'project',
  entity: 'issue-bucket',
  idOf: (b) => bucketId(b.generation, b.bucket),
  timeOf: (b) => b.at,
  filters: generationFilter,
});

export function bucketId(generation: number, bucket: number): string {
  return `g${String(generation)}-b${String(bucket)}`;
}

const storedRiskSchema = z.object({ level: z.enum(['high', 'medium', 'low']), score: z.number() });
export type StoredRisk = z.infer<typeof storedRiskSchema>;

/**
 * An issue changed since the snapshot (a product event, or a single read for the issue panel):
 * the issue as now known (null once deleted), its risk scored against the snapshot's context,
 * and the risk last written to the issue's property. One record per issue, so concurrent events
 * on different issues never touch the same value.
 */
const issueDeltaSchema = z.object({
  issueId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/u),
  key: z.string(),
  /** ISO instant of the change. */
  at: isoInstant,
  issue: issueSchema.nullable(),
  risk: storedRiskSchema.nullable(),
  /** What the `client-followup-risk` property holds now (null: not written, or removed). */
  property: storedRiskSchema.nullable(),
});
export type IssueDelta = z.infer<typeof issueDeltaSchema>;

export const issueDeltaKind = defineCollectionKind<IssueDelta>({
  name: 'issue-delta',
  schemaVersion: 1,
  schema: issueDeltaSchema,
  scope: 'project',
  entity: 'issue-delta',
  idOf: (d) => d.issueId,
  timeOf: (d) => d.at,
});

/**
 * What an issue's `client-followup-risk` property holds, as the app last wrote it: a write is
 * skipped when the risk did not change. Kept across snapshot generations (unlike deltas).
 */
const riskPropertySchema = z.object({
  issueId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/u),
  key: z.string(),
  at: isoInstant,
  level: z.enum(['high', 'medium', 'low']),
  score: z.number(),
});
export type RiskPropertyRecord = z.infer<typeof riskPropertySchema>;

export const riskPropertyKind = defineCollectionKind<RiskPropertyRecord>({
  name: 'risk-property',
  schemaVersion: 1,
  schema: riskPropertySchema,
  scope: 'project',
  entity: 'risk-property',
  idOf: (r) => r.issueId,
  timeOf: (r) => r.at,
});

/** A page of issues a running sync has read, kept until the sync derives (then deleted). */
const syncPageSchema = z.object({
  generation: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  at: isoInstant,
  issues: z.array(issueSchema),
  /** Ids of the page's issues whose changelog is still to read. */
  needsHistory: z.array(z.string()),
});
export type SyncPage = z.infer<typeof syncPageSchema>;

export const syncPageKind = defineCollectionKind<SyncPage>({
  name: 'sync-page',
  schemaVersion: 1,
  schema: syncPageSchema,
  scope: 'project',
  entity: 'sync-page',
  idOf: (p) => `g${String(p.generation)}-p${String(p.index)}`,
  timeOf: (p) => p.at,
  filters: generationFilter,
});

/** A piece of a snapshot's report data (JSON text split so each value stays under 240 KiB). */
const reportPartSchema = z.object({
  generation: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  at: isoInstant,
  text: z.string(),
});
export type ReportPart = z.infer<typeof reportPartSchema>;

export const reportPartKind = defineCollectionKind<ReportPart>({
  name: 'report-part',
  schemaVersion: 1,
  schema: reportPartSchema,
  scope: 'project',
  entity: 'report-part',
  idOf: (p) => `g${String(p.generation)}-p${String(p.index)}`,
  timeOf: (p) => p.at,
  filters: generationFilter,
});

const milestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  released: z.boolean(),
  archived: z.boolean(),
  releaseDate: day.nullable(),
  startDate: day.nullable(),
});

const burnupSchema = z.object({
  milestoneId: z.string(),
  name: z.string(),
  target: day.nullable(),
  forecast: day.nullable(),
  unit: z.enum(['points', 'issues']),
  points: z.array(z.object({ day, scope: z.number(), done: z.number() })),
});

/**
 * What the project page opens from (DESIGN.md §8): derived once per sync, read in one value.
 * The report data itself is in `report-part`s of the same generation; the issues in buckets.
 */
const snapshotSchema = z.object({
  generation: z.number().int().positive(),
  /** ISO instant of the derivation. */
  asOf: isoInstant,
  /** ISO instant the sync started reading Jira: the next incremental read starts there (minus an overlap). */
  syncedFrom: isoInstant,
  /** The settings revision it was derived with: a save since makes it stale. */
  settingsRevision: z.number().int().nonnegative().default(0),
  /**
   * The shape of the report data in its report parts (`STORED_REPORT_FORMAT`): a snapshot written
   * by an older app reads as stale, and opening it re-derives (0 = before this was recorded).
   */
  reportFormat: z.number().int().nonnegative().default(0),
  project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  issueCount: count,
  bucketCount: z.number().int().positive(),
  reportParts: z.number().int().positive(),
  counts: statusCountsSchema,
  milestones: z.array(milestoneSchema),
  priorityCount: count,
  riskContext: z.object({
    medianCycleTimeMs: z.number().nullable(),
    milestones: z.array(z.object({ id: z.string(), name: z.string(), released: z.boolean(), rag })),
    /** Kept per issue in the buckets (it grows with the project); empty here. */
    addedAfterBaseline: z.array(z.tuple([z.string(), z.string()])),
  }),
  kpi: kpiPointSchema.omit({ day: true, capturedAt: true }),
  burnups: z.array(burnupSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotKind = defineDocumentKind<Snapshot>({
  name: 'snapshot',
  schemaVersion: 1,
  schema: snapshotSchema,
  scope: 'project',
});

const appErrorSchema = z.object({ code: z.string(), message: z.string() });

/**
 * A project's sync: one at a time (a running sync holds a lease; a second start joins it), its
 * progress, and where to resume after a failure or between consumer chunks.
 */
const syncStateSchema = z.object({
  state: z.enum(['running', 'idle', 'failed']),
  kind: z.enum(['full', 'incremental']),
  generation: z.number().int().positive(),
  startedAt: isoInstant,
  /** A running sync whose lease has passed was abandoned (a killed chunk): the next start resumes it. */
  leaseUntil: isoInstant,
  phase: z.enum(['issues', 'history', 'derive']),
  /** The search page token to continue from (issues phase), or null at the start. */
  pageToken: z.string().nullable(),
  /** Pages read (issues phase) or pages whose history is read (history phase). */
  pagesDone: count,
  pagesRead: count,
  issuesDone: count,
  total: count.nullable(),
  /** For incremental syncs: epoch ms the read starts from. */
  updatedSince: z.number().nullable(),
  error: appErrorSchema.nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncStateKind = defineDocumentKind<SyncState>({
  name: 'sync-state',
  schemaVersion: 1,
  schema: syncStateSchema,
  scope: 'project',
});

/** Site-level Jira lists the issue mapper needs, cached for a day (one read per site, not per sync). */
const siteMetadataSchema = z.object({
  fetchedAt: isoInstant,
  fields: z.array(z.unknown()),
  customFieldIds: z.array(z.string()).optional(),
  statuses: z.array(z.unknown()),
  priorities: z.array(z.unknown()),
});
export type SiteMetadataRecord = z.infer<typeof siteMetadataSchema>;

export const siteMetadataKind = defineDocumentKind<SiteMetadataRecord>({
  name: 'site-metadata',
  schemaVersion: 1,
  schema: siteMetadataSchema,
  scope: 'site',
});

/** What Jira said a user may do in a project, kept a few minutes so opening pages costs no Jira call. */
const permissionCacheSchema = z.object({
  permissions: z.array(z.string()),
  expiresAt: isoInstant,
});
export type PermissionCacheRecord = z.infer<typeof permissionCacheSchema>;

export const permissionCacheKind = defineDocumentKind<PermissionCacheRecord>({
  name: 'permission-cache',
  schemaVersion: 1,
  schema: permissionCacheSchema,
  // Partitioned by project and account; a cache that expires by itself, not the project's data.
  scope: 'site',
});

/** A project's communication plan: stakeholders and touchpoint series (DESIGN.md §5.5). */
export const commsPlanKind = defineDocumentKind<CommsPlanJson>({
  name: 'comms-plan',
  schemaVersion: 1,
  schema: commsPlanSchema,
  scope: 'project',
});

/** The touchpoint log with its minutes, one record per touchpoint, ordered by the day it took place. */
export const touchpointKind = defineCollectionKind<TouchpointJson>({
  name: 'touchpoint',
  schemaVersion: 1,
  schema: touchpointSchema,
  scope: 'project',
  entity: 'touchpoint',
  idOf: (t) => t.id,
  timeOf: (t) => `${t.date}T00:00:00.000Z`,
  // Minutes are edited after the meeting, and issue keys recorded on them: no edit is lost.
  revisioned: true,
});

const touchpointReminderSchema = z.object({
  /** `<seriesId>.<occurrence day>`: one reminder per occurrence, whatever the number of runs. */
  id: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/u),
  seriesId: z.string(),
  day,
  /** ISO instant of the run that sent it. */
  at: isoInstant,
  mode: z.enum(['notify', 'issue']),
  /** Why: the occurrence is due tomorrow or overdue. */
  reason: z.enum(['due-tomorrow', 'overdue']),
  /** The Jira issue kept for an overdue touchpoint (mode `issue`). */
  issueKey: z.string().nullable(),
});
export type TouchpointReminder = z.infer<typeof touchpointReminderSchema>;

/** Reminders the daily job sent, so that reruns never send or create one twice. */
export const touchpointReminderKind = defineCollectionKind<TouchpointReminder>({
  name: 'touchpoint-reminder',
  schemaVersion: 1,
  schema: touchpointReminderSchema,
  scope: 'project',
  entity: 'touchpoint-reminder',
  idOf: (r) => r.id,
  timeOf: (r) => r.at,
});

/**
 * Change requests (issue 10), one record per request, ordered by when it was raised; filtered by
 * status so the report's and the page's reads stay bounded.
 */
export const changeRequestKind = defineCollectionKind<ChangeRequestJson>({
  name: 'change-request',
  schemaVersion: 1,
  schema: changeRequestSchema,
  scope: 'project',
  entity: 'change-request',
  idOf: (r) => r.id,
  timeOf: (r) => r.createdAt,
  filters: { status: { type: 'string', of: (r) => r.status } },
  // An edit or a move is conditional on the revision the editor read; `revision` is kept equal to it.
  revisioned: true,
});

/**
 * The risk register (DESIGN.md §5.6, issue 10), one record per risk, ordered by creation. The
 * filter attributes serve the list's filters; revisioned, so an edit is conditional on the
 * revision the editor read (`Collection.save`); the record's `revision` field is kept equal to it.
 */
export const registerRiskKind = defineCollectionKind<RegisterRiskJson>({
  name: 'register-risk',
  schemaVersion: 1,
  schema: registerRiskSchema,
  scope: 'project',
  entity: 'register-risk',
  idOf: (r) => r.id,
  timeOf: (r) => r.createdAt,
  filters: {
    status: { type: 'string', of: (r) => r.status },
    active: { type: 'boolean', of: (r) => r.status === 'open' || r.status === 'mitigating' },
    clientVisible: { type: 'boolean', of: (r) => r.clientVisible },
  },
  revisioned: true,
});

/**
 * Client feedback (issue 10), one record per submission (its id is the submission id, so a
 * resubmission stores nothing new). The complaint a low rating opens lives in the same record:
 * written in the same single write, it can never be half there, and a retry can never open two.
 */
export const feedbackKind = defineCollectionKind<FeedbackEntryJson>({
  name: 'feedback',
  schemaVersion: 1,
  schema: feedbackEntrySchema,
  scope: 'project',
  entity: 'feedback',
  idOf: (f) => f.id,
  timeOf: (f) => f.createdAt,
  filters: {
    source: { type: 'string', of: (f) => f.source },
    stakeholder: { type: 'string', of: (f) => f.stakeholderId ?? '' },
    complaint: { type: 'string', of: (f) => f.complaint?.status ?? 'none' },
    unresolved: { type: 'boolean', of: (f) => f.complaint !== null && f.complaint.status !== 'resolved' },
  },
  // A complaint's follow-up and its Jira key are written conditionally, so neither overwrites the other.
  revisioned: true,
});

const issueClaimSchema = z.object({
  /** A hash of what the issue is made from (its subject): ids together could pass the 100-character id limit. */
  id: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/u),
  /** What the issue is made from, e.g. `action-item/<touchpoint>/<item>`, `risk/<id>`, `complaint/<id>`. */
  subject: z.string().max(300),
  /** ISO instant the current attempt claimed it; a claim older than the lease may be taken over. */
  claimedAt: isoInstant,
  /** 1 for the first attempt; a takeover counts up (and looks for an issue the dead attempt made). */
  attempt: z.number().int().positive(),
  /** The label the issue is created with, so a takeover finds an issue created but not recorded. */
  label: z.string(),
  /** Set once the Jira issue exists. */
  issueKey: z.string().nullable(),
});
export type IssueClaim = z.infer<typeof issueClaimSchema>;

/**
 * Who is creating the Jira issue made from a record (an action item, a register risk, a
 * complaint): one claim per subject, written with a revision, so of two clicks at once exactly
 * one asks Jira (`createIssueOnce`).
 */
export const issueClaimKind = defineCollectionKind<IssueClaim>({
  name: 'issue-claim',
  schemaVersion: 1,
  schema: issueClaimSchema,
  scope: 'project',
  entity: 'issue-claim',
  idOf: (c) => c.id,
  timeOf: (c) => c.claimedAt,
  revisioned: true,
});

/**
 * Agendas the PM edited before a meeting, one per series occurrence (`<seriesId>.<day>`),
 * revisioned so that of two editors the stale one gets CONFLICT.
 */
export const savedAgendaKind = defineCollectionKind<SavedAgendaJson>({
  name: 'saved-agenda',
  schemaVersion: 1,
  schema: savedAgendaSchema,
  scope: 'project',
  entity: 'saved-agenda',
  idOf: (a) => savedAgendaId(a.seriesId, a.day),
  timeOf: (a) => `${a.day}T00:00:00.000Z`,
  filters: { seriesId: { type: 'string', of: (a) => a.seriesId } },
  revisioned: true,
});

export function savedAgendaId(seriesId: string, day: string): string {
  return `${seriesId}.${day}`;
}

const publishedReportSchema = z.object({ ...publishedReportHeadSchema.shape });
export type PublishedReportRecord = z.infer<typeof publishedReportSchema>;

/** Published status reports' heads (issue 11), what lists show: never changed once written. */
export const publishedReportKind = defineCollectionKind<PublishedReportRecord>({
  name: 'published-report',
  schemaVersion: 1,
  schema: publishedReportSchema,
  scope: 'project',
  entity: 'published-report',
  idOf: (r) => r.id,
  timeOf: (r) => r.publishedAt,
});

const publishedReportPartSchema = z.object({
  reportId: z.string(),
  index: z.number().int().nonnegative(),
  at: isoInstant,
  text: z.string(),
});
export type PublishedReportPart = z.infer<typeof publishedReportPartSchema>;

/**
 * A piece of a published report's content (JSON text split so each value stays under 240 KiB).
 * Apart from the heads, so listing reports never reads their content.
 */
export const publishedReportPartKind = defineCollectionKind<PublishedReportPart>({
  name: 'published-report-part',
  schemaVersion: 1,
  schema: publishedReportPartSchema,
  scope: 'project',
  entity: 'published-report-part',
  idOf: (p) => `${p.reportId}-p${String(p.index)}`,
  timeOf: (p) => p.at,
});

const reportSequenceSchema = z.object({ last: count });
/** The last version number given to a published report of the project. */
export const reportSequenceKind = defineDocumentKind<z.infer<typeof reportSequenceSchema>>({
  name: 'report-sequence',
  schemaVersion: 1,
  schema: reportSequenceSchema,
  scope: 'project',
});

/** The PM's edits of the live draft (the overall status override with its reason). */
export const reportDraftKind = defineDocumentKind<ReportDraftJson>({
  name: 'report-draft',
  schemaVersion: 1,
  schema: reportDraftSchema,
  scope: 'project',
});

const mailSettingsSchema = z.object({ from: mailSenderSchema });
export type MailSettings = z.infer<typeof mailSettingsSchema>;

/** The project's mail provider sender (the API key is a KVS secret, never a record). */
export const mailSettingsKind = defineDocumentKind<MailSettings>({
  name: 'mail-settings',
  schemaVersion: 1,
  schema: mailSettingsSchema,
  scope: 'project',
});

/**
 * One recipient's delivery of one published report (issue 11). Revisioned: an attempt claims
 * the record before calling the provider, so two sends at once never mail anyone twice.
 */
export const deliveryKind = defineCollectionKind<DeliveryJson & { id: string }>({
  name: 'delivery',
  schemaVersion: 1,
  schema: z.object({ ...deliverySchema.shape, id: z.string() }),
  scope: 'project',
  entity: 'delivery',
  idOf: (d) => d.id,
  timeOf: (d) => d.at,
  filters: { reportId: { type: 'string', of: (d) => d.reportId } },
  revisioned: true,
});

/** What was agreed with the client and the project's phase (issue 13): one revisioned document. */
export const engagementKind = defineDocumentKind<EngagementJson>({
  name: 'engagement',
  schemaVersion: 1,
  schema: engagementSchema,
  scope: 'project',
});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);
const base64 = z.string().regex(/^[A-Za-z0-9+/_=-]{1,200}$/u);

const shareLinkRecordSchema = z.object({
  id: shareLinkIdSchema,
  projectId: z.string().min(1),
  /** SHA-256 of the token, hex: the token itself is never stored. */
  tokenHash: sha256Hex,
  scope: shareScopeSchema,
  lang: languageSchema,
  sections: z.array(sectionNameSchema),
  label: z.string(),
  createdAt: isoInstant,
  createdBy: z.string(),
  expiresAt: isoInstant,
  revokedAt: isoInstant.nullable(),
  /** scrypt of the passcode with its own salt (base64), or null for a link without one. */
  passcode: z.object({ salt: base64, hash: base64 }).nullable(),
  /** Random key of the link's passcode sessions (cookie HMAC): revoking the link ends them with it. */
  sessionKey: base64,
  /** Recent failed passcode attempts and recent form posts (ISO instants), for the rate limits. */
  passcodeFailures: z.array(isoInstant).default([]),
  posts: z.array(isoInstant).default([]),
});
export type ShareLinkRecord = z.infer<typeof shareLinkRecordSchema>;

/**
 * Share links (issue 12), one record per link, newest first in lists. Revisioned: revoking and
 * counting attempts are conditional writes, so neither loses the other.
 */
export const shareLinkKind = defineCollectionKind<ShareLinkRecord>({
  name: 'share-link',
  schemaVersion: 1,
  schema: shareLinkRecordSchema,
  scope: 'project',
  entity: 'share-link',
  idOf: (l) => l.id,
  timeOf: (l) => l.createdAt,
  revisioned: true,
});

const shareTokenSchema = z.object({ projectId: z.string().min(1), linkId: shareLinkIdSchema });
export type ShareTokenRecord = z.infer<typeof shareTokenSchema>;

/**
 * Where a token's link lives, by the token's SHA-256 (the document's partition): the web trigger
 * knows only the token. Site-wide (the project is what it finds); holds no project data, and a
 * pointer to a deleted link finds nothing.
 */
export const shareTokenKind = defineDocumentKind<ShareTokenRecord>({
  name: 'share-token',
  schemaVersion: 1,
  schema: shareTokenSchema,
  scope: 'site',
});

/** The project's sharing switch (the kill switch) and expiry cap. */
export const shareSettingsKind = defineDocumentKind<ShareSettingsJson>({
  name: 'share-settings',
  schemaVersion: 1,
  schema: shareSettingsSchema,
  scope: 'project',
});

/** The access log of the project's links (views, passcode attempts, feedback, decisions), newest first. */
export const shareAccessKind = defineCollectionKind<AccessLogEntryJson>({
  name: 'share-access',
  schemaVersion: 1,
  schema: accessLogEntrySchema,
  scope: 'project',
  entity: 'share-access',
  idOf: (e) => e.id,
  timeOf: (e) => e.at,
  filters: { linkId: { type: 'string', of: (e) => e.linkId } },
});

/**
 * The PM's edits as last published (issue 11): what the client's live status page applies — the
 * reviewed override, client wording and hidden lines — while the next draft's edits are unreviewed.
 */
export const publishedDraftKind = defineDocumentKind<ReportDraftJson>({
  name: 'published-draft',
  schemaVersion: 1,
  schema: reportDraftSchema,
  scope: 'project',
});

/**
 * The lessons learned the PM records with the team and the client before closing (issue 13):
 * one revisioned document per project, so of two editors the stale one gets CONFLICT.
 */
export const retroKind = defineDocumentKind<RetroJson>({
  name: 'retro',
  schemaVersion: 1,
  schema: retroSchema,
  scope: 'project',
});

/**
 * Milestones submitted for the client's acceptance and the client's decisions (issue 13): one
 * revisioned document per project holding a bounded list (`contract/acceptance.ts`).
 */
export const acceptanceKind = defineDocumentKind<AcceptanceRecordJson>({
  name: 'acceptance',
  schemaVersion: 1,
  schema: acceptanceRecordSchema,
  scope: 'project',
});

/**
 * The project's shared-page stamp: a random value written after every write to a kind the
 * client status page is built from (`SHARED_PAGE_INPUT_KINDS`), so a page rendered under one
 * stamp is known current while the stamp is unchanged (`application/share/page-stamp.ts`).
 */
export const sharedPageStampKind = defineDocumentKind<{ stamp: string }>({
  name: 'shared-page-stamp',
  schemaVersion: 1,
  schema: z.object({ stamp: z.string().min(16).max(64) }),
  scope: 'project',
});

/**
 * Every kind, for export, delete and the manifest check — but `sharedPageStampKind`: a random
 * value, no data of the project's, removed by the writes that delete the rest.
 */
export const RECORD_KINDS: readonly AnyRecordKind[] = [
  settingsKind,
  changeMarkerKind,
  trackedProjectKind,
  kpiHistoryKind,
  snapshotKind,
  syncStateKind,
  issueBucketKind,
  issueDeltaKind,
  riskPropertyKind,
  syncPageKind,
  reportPartKind,
  siteMetadataKind,
  permissionCacheKind,
  commsPlanKind,
  touchpointKind,
  touchpointReminderKind,
  changeRequestKind,
  registerRiskKind,
  feedbackKind,
  issueClaimKind,
  savedAgendaKind,
  publishedReportKind,
  publishedReportPartKind,
  reportSequenceKind,
  mailSettingsKind,
  deliveryKind,
  reportDraftKind,
  engagementKind,
  publishedDraftKind,
  shareLinkKind,
  shareTokenKind,
  shareSettingsKind,
  shareAccessKind,
  retroKind,
  acceptanceKind,
];

/** The one Forge entity holding every document kind (documents are few and small). */
export const DOCUMENT_ENTITY = 'app-document';
