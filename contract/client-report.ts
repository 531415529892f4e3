/**
 * The client's status report (DESIGN.md §5.1, §5.2): its own schemas, narrower than the internal
 * report's, so an internal signal cannot be present by construction. There is no field for a
 * risk score, a risk reason, a cycle time, staleness, a data-quality note, evidence, an issue's
 * client-visibility reason, or a grey ("not enough data") dimension; issue keys are plain
 * references (no URL anywhere). Objects are not strict: parsing strips any other field.
 *
 * - `clientReportDataSchema`: the language-neutral data, stored with the snapshot.
 * - `clientStatusReportSchema`: the same rendered in one language (`renderClientReport`).
 */
import * as z from 'zod/mini';
import { reportAcceptanceSchema } from './acceptance-report';
import { clientChangeSectionSchema } from './change-report';
import { languageSchema } from './language';
import { reportNarrativeSchema } from './report-narrative';
import { clientSinceLastSectionSchema } from './since-last-report';
import { DIMENSION_KEYS, REPORT_DATA_SCHEMA_VERSION, projectSchema, waitSchema } from './report';
import { supportSectionSchema } from './support-report';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));
const overallRagSchema = z.enum(['green', 'amber', 'red']);
/** A client never sees grey: a dimension or measure without enough data is left out. */
const clientRagSchema = overallRagSchema;

/** An issue as the client reads it: what it is, where it stands, when it is due. */
export const clientIssueRefSchema = z.object({
  /** A plain reference: clients cannot open Jira, so it is never a link. */
  key: z.string(),
  summary: z.string(),
  status: z.object({ name: z.string(), category: z.enum(['new', 'indeterminate', 'done', 'undefined']) }),
  type: z.string(),
  priority: z.nullable(z.string()),
  due: z.nullable(day),
  /** Display name only: never an e-mail address. */
  assignee: z.nullable(z.string()),
  epicKey: z.nullable(z.string()),
});
export type ClientIssueRefJson = z.infer<typeof clientIssueRefSchema>;

/** Something waiting on the client's input, and for how long (what they owe, not a team signal). */
export const clientWaitingIssueRefSchema = z.extend(clientIssueRefSchema, { wait: waitSchema });
export type ClientWaitingIssueRefJson = z.infer<typeof clientWaitingIssueRefSchema>;

export const clientMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  released: z.boolean(),
  releaseDate: z.nullable(day),
  originalReleaseDate: z.nullable(day),
  /**
   * Issues done as a whole percentage (null for an empty milestone): never "41 of 105 issues",
   * which would tell the client how much internal work the milestone holds.
   */
  progress: z.object({ percentDone: z.nullable(z.number()) }),
  forecastDate: z.nullable(day),
  slipDays: z.nullable(z.number()),
  /** Grey reads "Not enough data" to the client: a plain phrase, no jargon. */
  rag: z.enum(['green', 'amber', 'red', 'grey']),
});
export type ClientMilestoneJson = z.infer<typeof clientMilestoneSchema>;

export const clientSectionsSchema = z.object({
  completed: z.array(
    z.object({ epic: z.nullable(z.object({ key: z.string(), summary: z.string() })), issues: z.array(clientIssueRefSchema) }),
  ),
  inProgress: z.array(clientIssueRefSchema),
  nextUp: z.array(clientIssueRefSchema),
  milestones: z.array(clientMilestoneSchema),
  /** Flagged and blocked work; blockers the client cannot see are not named. No risk scores. */
  flagged: z.array(clientIssueRefSchema),
  /** `hiddenBlockers`: how many open blockers the client may not see ("Blocked by an internal task"). */
  blocked: z.array(z.object({ issue: clientIssueRefSchema, blockedBy: z.array(z.string()), hiddenBlockers: z.number() })),
  /** Longest wait first. */
  waitingOnClient: z.array(clientWaitingIssueRefSchema),
  /**
   * Open register risks the PM marked client-visible, as their client wording, with a plain
   * level and status: no score, owner, mitigation, dates or keys (absent before issue 10).
   */
  registerRisks: z.optional(
    z.array(
      z.object({
        /** The register's record id, so the PM can reword or hide the line (absent in reports stored before). */
        id: z.optional(z.string()),
        text: z.string(),
        level: z.enum(['high', 'medium', 'low']),
        status: z.enum(['open', 'mitigating']),
      }),
    ),
  ),
  /**
   * Decisions and action items of touchpoints held with the client only (their series' audience
   * names a client stakeholder); never the Jira key an item became (the client cannot open Jira,
   * and the issue may be internal). Absent in reports stored before issue 9.
   */
  /** Change requests awaiting the client's decision or decided in the period (absent before issue 10). */
  changeRequests: z.optional(clientChangeSectionSchema),
  decisions: z.optional(z.array(z.object({ text: z.string(), date: day, seriesTitle: z.nullable(z.string()) }))),
  actionItems: z.optional(
    z.array(
      z.object({
        text: z.string(),
        ownerSide: z.enum(['client', 'internal']),
        ownerName: z.string(),
        due: z.nullable(day),
        status: z.enum(['open', 'done', 'dropped']),
        overdue: z.boolean(),
      }),
    ),
  ),
  /** What changed since the last published report, as the client may read it (absent without that comparison). */
  sinceLast: z.optional(clientSinceLastSectionSchema),
  /** The client's acceptance decisions of the period, oldest first (absent: none, or before issue 13). */
  acceptance: z.optional(z.array(reportAcceptanceSchema)),
  /** Client-reported issues the client sees against the support targets, in the support phase only (issue 13). */
  support: z.optional(supportSectionSchema),
});
export type ClientSectionsJson = z.infer<typeof clientSectionsSchema>;

/** What the client's headline says after the status (never which data is missing). */
export const clientHeadlineSchema = z.discriminatedUnion('code', [
  /**
   * The first dimension the client sees whose colour is the reported status, named with a plain
   * phrase for that colour: never the computed status's reasoning (its figures count every issue).
   */
  z.object({ code: z.literal('driver'), params: z.object({ dimension: z.enum(DIMENSION_KEYS) }) }),
  /**
   * No dimension the client sees has the reported colour (an override, or missing data), or the
   * status is green while some dimension the client sees is not.
   */
  z.object({ code: z.literal('attention'), params: z.object({}) }),
  z.object({ code: z.literal('onTrack'), params: z.object({}) }),
  z.object({ code: z.literal('onTrackWithMilestone'), params: z.object({ milestone: z.string(), date: day }) }),
]);
export type ClientHeadlineJson = z.infer<typeof clientHeadlineSchema>;

/**
 * A dimension the client sees: enabled and with enough data. Only its colour: its measures and
 * sentences count every issue, internal ones too, so no figure of them reaches the client.
 */
const clientDimensionDataSchema = z.object({
  id: z.enum(DIMENSION_KEYS),
  rag: clientRagSchema,
});
export type ClientDimensionDataJson = z.infer<typeof clientDimensionDataSchema>;

const periodSchema = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });

export const clientReportDataSchema = z.object({
  schemaVersion: z.literal(REPORT_DATA_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  audience: z.literal('client'),
  project: projectSchema,
  period: periodSchema,
  /** Only the reported status: the computed one and an override's reason are internal. */
  overall: z.object({ reported: overallRagSchema, headline: clientHeadlineSchema }),
  /** In `DIMENSION_KEYS` order; disabled and grey dimensions are left out. */
  dimensions: z.array(clientDimensionDataSchema),
  sections: clientSectionsSchema,
});
export type ClientReportDataJson = z.infer<typeof clientReportDataSchema>;

export const clientStatusReportSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  audience: z.literal('client'),
  lang: languageSchema,
  /** The live draft's revision (`project/report` only): `report/publish` names it, so what is published is what was reviewed. */
  draftRevision: z.optional(z.string()),
  project: projectSchema,
  period: z.object({ start: z.string(), end: z.string() }),
  overall: z.object({ reported: overallRagSchema, headline: z.string(), headlineCode: clientHeadlineSchema }),
  dimensions: z.array(
    z.object({
      id: z.enum(DIMENSION_KEYS),
      label: z.string(),
      rag: clientRagSchema,
      /** A plain sentence for the colour ("Needs attention"): no figure. */
      why: z.string(),
    }),
  ),
  sections: clientSectionsSchema,
  /** The narrative, from client-safe data only (`renderStoredReport`; absent where a report is rendered without it). */
  narrative: z.optional(reportNarrativeSchema),
});
export type ClientStatusReportJson = z.infer<typeof clientStatusReportSchema>;
