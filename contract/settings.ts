/**
 * Per-project settings (DESIGN.md §2 "One settings route", issue 6): the one schema the
 * resolvers, background jobs, the CLI (`--settings FILE`) and the Settings section parse.
 * Stored as a revisioned document; every consumer reads it once per invocation.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { languageSchema } from './language';
import { DIMENSION_KEYS } from './report';

export { LANGUAGES, languageSchema, type Language } from './language';

import { CLIENT_VISIBILITY_MODES } from './client-visibility';

export { CLIENT_VISIBILITY_MODES, type ClientVisibilityMode } from './client-visibility';

/** Jira labels cannot contain spaces; 255 characters is Jira's own limit. */
const labelSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(255), z.regex(/^\S+$/u, 'a label has no spaces'));
const nameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(255));
/** A custom field id as `/rest/api/3/field` gives it. */
const customFieldIdSchema = z.string().check(z.regex(/^customfield_\d{1,12}$/u, 'a custom field id such as customfield_10016'));
const share = z.number().check(z.gte(0), z.lte(1));
const days = (max: number) => z.int().check(z.gte(0), z.lte(max));
const positiveInt = (max: number) => z.int().check(z.gte(1), z.lte(max));

/** True when the runtime knows the IANA zone (`Europe/Paris`, `UTC`). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().check(z.refine(isTimeZone, 'an IANA time zone such as Europe/Paris'));

/** Thresholds of every KPI measure (DESIGN §5.3). Pairs are ordered: green is never laxer than amber. */
export const thresholdsSchema = z
  .strictObject({
    slipGreenDays: z.int().check(z.gte(-365), z.lte(365)),
    slipAmberDays: z.int().check(z.gte(-365), z.lte(365)),
    overdueGreen: share,
    overdueAmber: share,
    creepGreen: share,
    creepAmber: share,
    /** Baselines smaller than this make scope creep grey (too few issues to be a share). */
    creepMinBaseline: positiveInt(1000),
    topBugsGreen: days(1000),
    topBugsAmber: days(1000),
    reopenGreen: share,
    reopenAmber: share,
    reopenWindowDays: positiveInt(365),
    effortGreen: z.number().check(z.gte(0), z.lte(10)),
    effortAmber: z.number().check(z.gte(0), z.lte(10)),
    effortMinCoverage: share,
    csatGreen: z.number().check(z.gte(1), z.lte(5)),
    csatAmber: z.number().check(z.gte(1), z.lte(5)),
    csatWindowDays: positiveInt(730),
    /**
     * Feedback rated at most this opens a complaint; it follows up within `complaintDueDays`.
     * Defaulted when absent, so settings saved before feedback existed still read.
     */
    complaintRatingMax: z._default(positiveInt(5), 2),
    complaintDueDays: z._default(positiveInt(90), 5),
    commsLateAmberDays: days(60),
    throughputWeeks: positiveInt(52),
    pointsMinShare: share,
  })
  .check(
    z.refine((t) => t.slipGreenDays <= t.slipAmberDays, { path: ['slipAmberDays'], error: 'amber must be at least green' }),
    z.refine((t) => t.overdueGreen <= t.overdueAmber, { path: ['overdueAmber'], error: 'amber must be at least green' }),
    z.refine((t) => t.creepGreen <= t.creepAmber, { path: ['creepAmber'], error: 'amber must be at least green' }),
    z.refine((t) => t.topBugsGreen <= t.topBugsAmber, { path: ['topBugsAmber'], error: 'amber must be at least green' }),
    z.refine((t) => t.reopenGreen <= t.reopenAmber, { path: ['reopenAmber'], error: 'amber must be at least green' }),
    z.refine((t) => t.effortGreen <= t.effortAmber, { path: ['effortAmber'], error: 'amber must be at least green' }),
    z.refine((t) => t.csatGreen >= t.csatAmber, { path: ['csatAmber'], error: 'amber must be at most green' }),
  );
export type ThresholdsJson = z.infer<typeof thresholdsSchema>;

/** Custom field ids the PM chose from `/field`, overriding discovery by name and schema. Null: discover. */
export const fieldOverridesSchema = z.strictObject({
  storyPoints: z.nullable(customFieldIdSchema),
  flagged: z.nullable(customFieldIdSchema),
  sprint: z.nullable(customFieldIdSchema),
  startDate: z.nullable(customFieldIdSchema),
});
export type FieldOverridesJson = z.infer<typeof fieldOverridesSchema>;

export const projectSettingsSchema = z.strictObject({
  /** IANA zone in which the project's calendar days are counted. */
  timeZone: timeZoneSchema,
  /** Issues with this label (or subtasks) are internal and never reach a client. */
  internalLabel: labelSchema,
  /** The label that marks an issue (or its epic) for the client in `marked` mode. */
  clientLabel: labelSchema,
  clientVisibility: z.strictObject({
    mode: z.enum(CLIENT_VISIBILITY_MODES),
    /** Issue type ids a client sees in `types` mode. */
    issueTypeIds: z.array(z.string().check(z.regex(/^\d{1,18}$/u, 'an issue type id'))).check(z.maxLength(100)),
  }),
  /** Status names (case-insensitive) that mean "waiting on client". */
  waitingOnClientStatuses: z.array(nameSchema).check(z.maxLength(50)),
  waitingOnClientLabel: labelSchema,
  /** Link type names that block, besides those whose texts say "is blocked by" / "blocks". */
  blockingLinkTypes: z.array(nameSchema).check(z.maxLength(20)),
  fieldOverrides: fieldOverridesSchema,
  /** Report cadence in days, for the period when no report was published yet. */
  cadenceDays: positiveInt(92),
  /** Dimensions the PM switched off; at least one stays on (a report of nothing has no health). */
  disabledDimensions: z.array(z.enum(DIMENSION_KEYS)).check(
    z.maxLength(DIMENSION_KEYS.length - 1, 'keep at least one dimension on'),
    z.refine((list) => new Set(list).size === list.length, 'each dimension once'),
  ),
  thresholds: thresholdsSchema,
  defaultClientLanguage: languageSchema,
});
export type ProjectSettingsJson = z.infer<typeof projectSettingsSchema>;

/** DESIGN §5.3 defaults; what a new project starts with and what "Reset to defaults" restores. */
export const DEFAULT_PROJECT_SETTINGS: ProjectSettingsJson = {
  timeZone: 'UTC',
  internalLabel: 'internal',
  clientLabel: 'client',
  clientVisibility: { mode: 'marked', issueTypeIds: [] },
  waitingOnClientStatuses: ['Waiting for customer', 'Waiting for client', 'Waiting on client'],
  waitingOnClientLabel: 'waiting-on-client',
  blockingLinkTypes: ['Blocks'],
  fieldOverrides: { storyPoints: null, flagged: null, sprint: null, startDate: null },
  cadenceDays: 7,
  disabledDimensions: [],
  thresholds: {
    slipGreenDays: 0,
    slipAmberDays: 5,
    overdueGreen: 0.05,
    overdueAmber: 0.15,
    creepGreen: 0.1,
    creepAmber: 0.2,
    creepMinBaseline: 5,
    topBugsGreen: 0,
    topBugsAmber: 2,
    reopenGreen: 0.05,
    reopenAmber: 0.15,
    reopenWindowDays: 30,
    effortGreen: 0.1,
    effortAmber: 0.25,
    effortMinCoverage: 0.5,
    csatGreen: 4,
    csatAmber: 3.5,
    csatWindowDays: 90,
    complaintRatingMax: 2,
    complaintDueDays: 5,
    commsLateAmberDays: 2,
    throughputWeeks: 6,
    pointsMinShare: 0.8,
  },
  defaultClientLanguage: 'en',
};

/** A document's revision: counts saves, so far below what a KVS integer holds. */
export const revisionSchema = z.int().check(z.nonnegative(), z.lte(1_000_000_000));

/** What `settings/get` answers: the settings, their revision (0 = never saved: defaults) and whether the caller may edit. */
export const settingsViewSchema = z.object({
  settings: projectSettingsSchema,
  revision: revisionSchema,
  canEdit: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
