import type { AcceptanceSubmissionJson } from '../../contract/acceptance';
import type { ChangeRequestJson } from '../../contract/changes';
import type { EngagementJson } from '../../contract/engagement';
import type { Issue } from './issue';
import type { Milestone } from './milestone';
import type { RegisterRiskEntry } from './risk-register';

/** Everything the rules read about one project at one moment. Built by the application layer. */
export interface ProjectData {
  project: { id: string; key: string; name: string };
  /** Normalized issues, subtasks included. */
  issues: readonly Issue[];
  /** Project versions (milestones), released and archived included. */
  milestones: readonly Milestone[];
  /** Number of priority levels in the site's scheme (ranks are 0..count-1, 0 = highest). */
  priorityCount: number;
  satisfaction: SatisfactionInput;
  communication: CommunicationInput;
  /**
   * The project's change requests (issue 10): approved ones re-baseline scope and milestone
   * targets (`deriveRebaseline`), and the report lists those of the period. Absent: none.
   */
  changeRequests?: readonly ChangeRequestJson[];
  /** The risk register's open risks, for the report's risks section (absent: none). */
  registerRisks?: readonly RegisterRiskEntry[];
  /** Milestones submitted for the client's acceptance (issue 13): the report lists the period's decisions (absent: none). */
  acceptances?: readonly AcceptanceSubmissionJson[];
  /**
   * What the engagement agreed (issue 13): the budget cost performance is measured against, the
   * phase, and the support targets client-reported issues are tracked against. Absent: none
   * recorded (no budget, not in support).
   */
  engagement?: EngagementInput;
}

/** The parts of the engagement the rules read. */
export type EngagementInput = Pick<EngagementJson, 'phase' | 'budget' | 'support'>;

/** Client feedback (the records issues fill it; empty until then). */
export interface SatisfactionInput {
  ratings: readonly { at: number; rating: number }[];
  /** Complaints (rating ≤ 2) past their follow-up due date and not resolved. */
  overdueComplaints: number;
}

/** Touchpoints due (the comms-plan issues fill it; empty until then). */
export interface CommunicationInput {
  touchpoints: readonly { title: string; dueAt: number; graceDays: number; doneAt: number | null }[];
  /** The touchpoint log's minutes, for the report's decisions and action items (absent: none). */
  minutes?: readonly MinutesEntry[];
}

/** One logged touchpoint's minutes, as the report reads them. */
export interface MinutesEntry {
  /** The day it took place (`YYYY-MM-DD`). */
  date: string;
  seriesTitle: string | null;
  /** Held with the client: its series' audience includes a client stakeholder. */
  withClient: boolean;
  decisions: readonly string[];
  actionItems: readonly {
    text: string;
    ownerSide: 'client' | 'internal';
    ownerName: string;
    due: string | null;
    status: 'open' | 'done' | 'dropped';
    jiraIssueKey: string | null;
  }[];
}

export const NO_SATISFACTION_DATA: SatisfactionInput = { ratings: [], overdueComplaints: 0 };
export const NO_COMMUNICATION_DATA: CommunicationInput = { touchpoints: [] };
