// Export map for the manifest's function handlers; nothing else belongs here.
export { resolverDefinitions as resolver } from './entry/resolvers';
export { statusPage } from './entry/webtriggers/status-page';
export { dailySnapshot } from './entry/scheduled/daily-snapshot';
export { issueChanged } from './entry/events/issue-changed';
export { issueLinkChanged } from './entry/events/issue-link-changed';
export { projectRefresh } from './entry/consumers/project-refresh';
