/**
 * English messages: the reference catalogue. Every other catalogue is typed against
 * its keys. Placeholders are `{name}`.
 */
export const en = {
  'app.title': 'Client follow-up',
  'nav.label': 'Client follow-up sections',
  'section.overview': 'Overview',
  'section.communication': 'Communication',
  'section.feedback': 'Feedback',
  'section.changes': 'Changes',
  'section.risks': 'Risks',
  'section.share': 'Share',
  'section.settings': 'Settings',
  'comingSoon.title': '{section} is coming soon',
  'comingSoon.body': 'This section is not available yet. The Overview tab shows the project at a glance.',
  'overview.loading': 'Loading project overview',
  'overview.heading': 'Project overview',
  'overview.total': 'Total issues',
  'overview.byStatus': 'Issues by status category',
  'overview.milestones': 'Unreleased milestones',
  'overview.noMilestones': 'No unreleased milestones.',
  'statusCategory.new': 'To do',
  'statusCategory.indeterminate': 'In progress',
  'statusCategory.done': 'Done',
  'statusCategory.undefined': 'No category',
  'milestone.noReleaseDate': 'No release date',
  'milestone.overdue': 'Overdue',
  'issue.loading': 'Loading issue summary',
  'issue.heading': 'Client follow-up for {key}',
  'issue.status': 'Status',
  'issue.due': 'Due date',
  'issue.noDueDate': 'No due date',
  'error.heading': 'Something went wrong',
  'error.retry': 'Retry',
  'error.FORBIDDEN': 'You don’t have permission to see this. Ask a Jira admin for access to the project.',
  'error.INVALID_PAYLOAD': 'The app sent a request the server did not accept. Reload the page and try again.',
  'error.NOT_FOUND': 'We couldn’t find this project or issue. It may have been moved or deleted.',
  'error.JIRA_UNAVAILABLE': 'Jira is not responding right now. Try again in a moment.',
  'error.RATE_LIMITED': 'Too many requests right now. Wait a few seconds, then try again.',
  'error.INTERNAL': 'Something went wrong on our side. Try again; if it keeps happening, contact your admin.',
} as const;

export type MessageKey = keyof typeof en;
/** A catalogue must translate every English key, and only those. */
export type Catalogue = { readonly [K in MessageKey]: string };
