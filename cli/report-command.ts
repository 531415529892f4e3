/** The `report` command: read the project, derive the report, render it. */
import { JiraClient, RETRY_POLICIES, type JiraTransport } from '../src/adapters/jira/jira-client';
import { isProjectKey } from '../src/adapters/jira/project-key-path';
import { JiraProjectReader } from '../src/adapters/jira/jira-project-reader';
import { buildStatusReport } from '../src/application/build-status-report';
import type { RecordsSource } from '../src/application/ports';
import { renderReportHtml } from '../src/application/render/render-report-html';
import { renderReportMarkdown } from '../src/application/render/render-report-markdown';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../src/domain/project-data';
import type { ClientStatusReportJson } from '../contract/client-report';
import type { StatusReportJson } from '../contract/report';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { DatasetError, loadDataset } from '../local/jira/dataset';
import { JiraEmulator } from '../local/jira/emulator';
import { emulatorTransport } from './emulator-transport';
import { loadSettingsFile } from './load-settings';
import { UsageError, type ReportCommand } from './parse-args';
import { siteTransport } from './site-transport';

/** Feedback and touchpoint records live in the app's storage, which the CLI does not read. */
const NO_RECORDS: RecordsSource = {
  satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA),
  communication: () => Promise.resolve(NO_COMMUNICATION_DATA),
  changeRequests: () => Promise.resolve([]),
  registerRisks: () => Promise.resolve([]),
  engagement: () => Promise.resolve(undefined),
};

/** Markdown and HTML show instants in `timeZone` (the project's, from the settings). */
export function renderReport(
  report: StatusReportJson | ClientStatusReportJson,
  format: ReportCommand['format'],
  timeZone?: string,
): string {
  if (format === 'markdown') return renderReportMarkdown(report, { timeZone });
  if (format === 'html') return renderReportHtml(report, { timeZone });
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * @throws UsageError, DatasetError (bad input), AppError (Jira could not be read).
 */
export async function runReport(command: ReportCommand, clock: () => Date): Promise<string> {
  const now = command.now ?? clock();
  // Settings first: a bad settings file is reported before any Jira call.
  const settings = command.settingsFile === undefined ? DEFAULT_PROJECT_SETTINGS : loadSettingsFile(command.settingsFile);
  let transport: JiraTransport;
  let projectKey: string;
  if (command.source.kind === 'dataset') {
    const file = command.source.file;
    const dataset = loadDataset(file);
    if (!isProjectKey(dataset.project.key)) {
      throw new DatasetError(
        'INVALID',
        `${file}: project.key '${dataset.project.key}' is not a Jira project key (capital letters, digits and _, starting with a letter)`,
        file,
      );
    }
    if (command.source.projectKey !== undefined && command.source.projectKey !== dataset.project.key.toUpperCase()) {
      throw new UsageError(`--project ${command.source.projectKey} is not the dataset's project (${dataset.project.key})`);
    }
    projectKey = dataset.project.key;
    transport = emulatorTransport(new JiraEmulator({ datasets: [dataset], now: () => now }));
  } else {
    projectKey = command.source.projectKey;
    transport = siteTransport(command.source.site, command.source.email, command.source.apiToken);
  }
  const reader = new JiraProjectReader(new JiraClient({ transport, policy: RETRY_POLICIES.consumer }));
  const lang = command.lang ?? (command.audience === 'client' ? settings.defaultClientLanguage : 'en');
  const built = await buildStatusReport({ reader, records: NO_RECORDS, settings }, { projectKey, audience: command.audience, lang, now });
  return renderReport(built, command.format, settings.timeZone);
}
