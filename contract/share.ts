/**
 * Share links and the client status page (DESIGN.md §6, issue 12): what a link shows, and what
 * the page reports about each request it served for the access log.
 */

/** The parts of the status page a link may show. */
export type SectionName =
  'health' | 'milestones' | 'completed' | 'next-up' | 'risks' | 'waiting-on-client' | 'change-requests' | 'feedback-form';

/** A valid share link, as the page is served for it (its token, expiry and passcode already checked). */
export type SharedPageLink = {
  id: string;
  projectId: string;
  scope: { kind: 'live' } | { kind: 'report'; reportId: string };
  lang: 'en' | 'zh-CN';
  sections: SectionName[];
  label: string;
};

/** One request the page served, for the access log the PM reads. */
export type AccessEvent = {
  kind: 'view' | 'feedback' | 'decision' | 'invalid';
  outcome: 'ok' | 'refused';
  detail?: string;
};

/**
 * Forge's dynamic web-trigger request and response (headers are arrays of values), as the page
 * sees them. `userPath` is what follows the trigger's URL (`/s/<token>/…`).
 */
export interface WebTriggerRequest {
  method: string;
  path?: string | undefined;
  userPath?: string | undefined;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body?: string | null | undefined;
}
export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}
