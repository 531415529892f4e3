import { z } from 'zod';
import { getCommsPlan, saveCommsPlan } from '../../application/comms/comms-plan';
import { createIssueFromActionItem } from '../../application/comms/create-issue-from-action-item';
import { findJiraUsers } from '../../application/comms/find-jira-users';
import { followActionItemIssues } from '../../application/comms/follow-action-item-issues';
import { getSavedAgenda, saveAgenda } from '../../application/comms/saved-agenda';
import { toSeriesCalendar } from '../../application/comms/to-series-calendar';
import { getTouchpoint, listTouchpoints, saveTouchpoint } from '../../application/comms/touchpoint-log';
import { AppError } from '../../application/app-error';
import { readReports, readSnapshot, STORED_REPORT_FORMAT } from '../../application/snapshot/project-cache';
import { assessTouchpoints } from '../../domain/assess-touchpoints';
import { isSeriesActive } from '../../domain/series-phase';
import { getEngagement } from '../../application/engagement/engagement';
import { deriveNextOccurrences } from '../../domain/cadence';
import { deriveAgenda } from '../../domain/derive-agenda';
import type { CommsPlanJson } from '../../../contract/comms';
import { permissionSource, recordStore, sleep, systemClock, userDirectory, userIssueWriter } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';

const UPCOMING_COUNT = 5;
const linkContext = z.looseObject({
  siteUrl: z.url().optional(),
  localId: z.string().optional(),
  environmentId: z.string().optional(),
});

/**
 * Where the touchpoint opens in the app: the project page of this installation (its app id is
 * in the module's ARI), or the project in Jira when the context does not say.
 */
function touchpointLink(context: unknown, projectKey: string, touchpointId: string): string {
  const parsed = linkContext.safeParse(context);
  const site = parsed.success && parsed.data.siteUrl ? parsed.data.siteUrl.replace(/\/+$/u, '') : '';
  const appId = parsed.success ? /extension\/([0-9a-f-]{36})\//u.exec(parsed.data.localId ?? '')?.[1] : undefined;
  const env = parsed.success ? parsed.data.environmentId : undefined;
  const page = appId && env ? `/jira/software/projects/${projectKey}/apps/${appId}/${env}` : `/jira/software/projects/${projectKey}`;
  return `${site}${page}#communication/touchpoint/${encodeURIComponent(touchpointId)}`;
}

function findSeries(plan: CommsPlanJson, seriesId: string) {
  const series = plan.series.find((s) => s.id === seriesId);
  if (!series) throw new AppError('NOT_FOUND', 'No such series in the plan');
  return series;
}

const occurrenceJson = (o: { day: string; at: Date }) => ({ day: o.day, at: o.at.toISOString() });

/** The communication plan (issue 9): anyone who may browse reads; Edit Issues writes. */
export const commsHandlers = {
  'comms/get': defineResolver('comms/get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const plan = await getCommsPlan(recordStore, project.id);
    return { plan: plan.value, revision: plan.revision, canEdit: allows(permissions, 'write') };
  }),
  'comms/save': defineResolver('comms/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const saved = await saveCommsPlan(recordStore, project.id, payload.plan, payload.revision);
    await refreshHealth(project);
    return { plan: saved.value, revision: saved.revision, canEdit: true };
  }),
  'comms/status': defineResolver('comms/status', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const [plan, touchpoints, engagement] = await Promise.all([
      getCommsPlan(recordStore, project.id),
      listTouchpoints(recordStore, project.id),
      getEngagement(recordStore, project.id),
    ]);
    const now = systemClock.now();
    return {
      series: assessTouchpoints(plan.value.series, touchpoints, now).map(({ series, status }) => ({
        active: isSeriesActive(series, engagement.value.phase),
        seriesId: series.id,
        state: status.state,
        upcoming: deriveNextOccurrences(series, now, UPCOMING_COUNT).map(occurrenceJson),
        outstanding: status.outstanding ? occurrenceJson(status.outstanding) : null,
        daysLate: status.daysLate,
      })),
    };
  }),
  'comms/touchpoints': defineResolver('comms/touchpoints', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const touchpoints = await listTouchpoints(recordStore, project.id);
    const issueStatuses = await followActionItemIssues(recordStore, project.id, touchpoints);
    return { touchpoints, canEdit: allows(permissions, 'write'), issueStatuses };
  }),
  'comms/log-touchpoint': defineResolver('comms/log-touchpoint', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    // Without a revision (an older page, the CLI) it is written over what is stored now.
    const saved = await saveTouchpoint(recordStore, project.id, payload.touchpoint, payload.revision ?? null);
    await refreshHealth(project);
    return { touchpoint: saved.value, revision: saved.revision };
  }),
  'comms/touchpoint': defineResolver('comms/touchpoint', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const stored = await getTouchpoint(recordStore, project.id, payload.touchpointId);
    return { touchpoint: stored.value, revision: stored.revision, canEdit: allows(permissions, 'write') };
  }),
  'comms/agenda': defineResolver('comms/agenda', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const [plan, touchpoints, snapshot] = await Promise.all([
      getCommsPlan(recordStore, project.id),
      listTouchpoints(recordStore, project.id),
      readSnapshot(recordStore, project.id),
    ]);
    const series = findSeries(plan.value, payload.seriesId);
    // A snapshot an older app wrote is rebuilt when the project page opens; until then the agenda goes without it.
    const report =
      snapshot.value?.reportFormat === STORED_REPORT_FORMAT
        ? { sections: (await readReports(recordStore, snapshot.value)).internal.sections, asOf: snapshot.value.asOf }
        : null;
    const agenda = deriveAgenda(series, touchpoints, report, systemClock.now());
    const saved = agenda.next ? await getSavedAgenda(recordStore, project.id, series.id, agenda.next.day) : null;
    return { ...agenda, saved };
  }),
  'comms/agenda-save': defineResolver('comms/agenda-save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const plan = await getCommsPlan(recordStore, project.id);
    const edit = { day: payload.day, lines: payload.lines, revision: payload.revision };
    return { saved: await saveAgenda(recordStore, project.id, findSeries(plan.value, payload.seriesId), edit, systemClock.now()) };
  }),
  'comms/calendar': defineResolver('comms/calendar', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const plan = await getCommsPlan(recordStore, project.id);
    return toSeriesCalendar(findSeries(plan.value, payload.seriesId), project.key, systemClock.now());
  }),
  'comms/user-search': defineResolver('comms/user-search', async ({ payload, context }) => {
    // Picking an account is part of editing the plan.
    await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    return { users: await findJiraUsers(userDirectory(), payload.query) };
  }),
  'comms/action-item-issue': defineResolver('comms/action-item-issue', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const deps = { records: recordStore, issues: userIssueWriter(), clock: systemClock, sleep };
    return createIssueFromActionItem(deps, project, {
      touchpointId: payload.touchpointId,
      actionItemId: payload.actionItemId,
      link: touchpointLink(context, project.key, payload.touchpointId),
      lang: payload.lang ?? languageOf(context),
    });
  }),
};
