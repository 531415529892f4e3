import type { ClientStatusReportJson, StatusReportJson } from '../../contract';
import { deriveStatusReport } from '../domain/derive-status-report';
import type { ProjectSettingsJson } from '../../contract/settings';
import type { ProjectData } from '../domain/project-data';
import { toProjectSettings } from '../domain/settings';
import type { ProjectReader, ProjectReadResult, RecordsSource } from './ports';

export interface StatusReportDeps {
  reader: ProjectReader;
  records: RecordsSource;
  /** The project's settings document: the one object the reader and the rules both read. */
  settings: ProjectSettingsJson;
}

export interface StatusReportRequest {
  projectKey: string;
  audience: 'internal' | 'client';
  lang: 'en' | 'zh-CN';
  now: Date;
}

/**
 * The live draft status report of one project for one audience, derived from Jira and the
 * app's own records.
 * @throws AppError JIRA_UNAVAILABLE / RATE_LIMITED / NOT_FOUND / FORBIDDEN from the reader —
 *   a report is whole or not at all.
 */
export async function buildStatusReport(
  deps: StatusReportDeps,
  request: StatusReportRequest & { audience: 'internal' },
): Promise<StatusReportJson>;
export async function buildStatusReport(
  deps: StatusReportDeps,
  request: StatusReportRequest & { audience: 'client' },
): Promise<ClientStatusReportJson>;
export async function buildStatusReport(
  deps: StatusReportDeps,
  request: StatusReportRequest,
): Promise<StatusReportJson | ClientStatusReportJson>;
export async function buildStatusReport(
  deps: StatusReportDeps,
  request: StatusReportRequest,
): Promise<StatusReportJson | ClientStatusReportJson> {
  const read = await deps.reader.readProject(request.projectKey, deps.settings);
  return deriveFromRead(deps, read, request);
}

/** The derivation half of `buildStatusReport`, for callers that already hold the read. */
export async function deriveFromRead(
  deps: Pick<StatusReportDeps, 'records' | 'settings'>,
  read: ProjectReadResult,
  request: StatusReportRequest & { audience: 'internal' },
): Promise<StatusReportJson>;
export async function deriveFromRead(
  deps: Pick<StatusReportDeps, 'records' | 'settings'>,
  read: ProjectReadResult,
  request: StatusReportRequest,
): Promise<StatusReportJson | ClientStatusReportJson>;
export async function deriveFromRead(
  deps: Pick<StatusReportDeps, 'records' | 'settings'>,
  read: ProjectReadResult,
  request: StatusReportRequest,
): Promise<StatusReportJson | ClientStatusReportJson> {
  const now = request.now.getTime();
  const [satisfaction, communication, changeRequests, registerRisks, engagement] = await Promise.all([
    deps.records.satisfaction(read.project.id, now),
    deps.records.communication(read.project.id, now),
    deps.records.changeRequests(read.project.id),
    deps.records.registerRisks(read.project.id),
    deps.records.engagement(read.project.id),
  ]);
  const data: ProjectData = {
    ...read,
    satisfaction,
    communication,
    changeRequests,
    registerRisks,
    ...(engagement === undefined ? {} : { engagement }),
  };
  return deriveStatusReport({
    data,
    settings: toProjectSettings(deps.settings),
    now,
    periodStart: null,
    audience: request.audience,
    lang: request.lang,
    override: null,
    previousDimensions: null,
  });
}
