/**
 * The client-visibility vocabulary (DESIGN.md §5.1), defined once: the settings' modes and the
 * reasons the internal report gives for each issue. Its own module so both `settings.ts` and
 * `report.ts` import it without importing each other.
 */
export const CLIENT_VISIBILITY_MODES = ['marked', 'types', 'all'] as const;
export type ClientVisibilityMode = (typeof CLIENT_VISIBILITY_MODES)[number];

/**
 * Why an issue is or is not shown to the client, for the PM: internal ones never
 * (`internal-label`, `subtask`); the others by the visibility mode — `marked` (the issue carries
 * the client label), `epic-marked` (its epic or parent does), `not-marked`, `type-chosen`,
 * `type-not-chosen`, or `all`.
 */
export const CLIENT_VISIBILITY_REASONS = [
  'internal-label',
  'subtask',
  'marked',
  'epic-marked',
  'not-marked',
  'type-chosen',
  'type-not-chosen',
  'all',
] as const;
export type ClientVisibilityReason = (typeof CLIENT_VISIBILITY_REASONS)[number];
