import { z } from 'zod';
import { isAppError } from '../../application/app-error';
import { listDerivedSignals, promoteSignal } from '../../application/risks/derived-signals';
import { createIssueFromRisk } from '../../application/risks/create-issue-from-risk';
import { listRisks, readRiskMatrix, saveRisk } from '../../application/risks/risk-register';
import { permissionSource, recordStore, sleep, systemClock, userIssueWriter } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';

/**
 * Re-derives the snapshot after a register write, so the report's risks section shows it. The
 * write is done and answered whatever happens here: storage refusing the refresh's own reads
 * leaves it to the next refresh rather than turning a saved risk into an error.
 */
async function refreshAfterWrite(project: { id: string; key: string }): Promise<void> {
  await refreshHealth(project).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
}

const linkContext = z.looseObject({
  siteUrl: z.url().optional(),
  localId: z.string().optional(),
  environmentId: z.string().optional(),
});

/**
 * Where the risk opens in the app: the project page of this installation (its app id is in the
 * module's ARI), or the project in Jira when the context does not say.
 */
function riskLink(context: unknown, projectKey: string, riskId: string): string {
  const parsed = linkContext.safeParse(context);
  const site = parsed.success && parsed.data.siteUrl ? parsed.data.siteUrl.replace(/\/+$/u, '') : '';
  const appId = parsed.success ? /extension\/([0-9a-f-]{36})\//u.exec(parsed.data.localId ?? '')?.[1] : undefined;
  const env = parsed.success ? parsed.data.environmentId : undefined;
  const page = appId && env ? `/jira/software/projects/${projectKey}/apps/${appId}/${env}` : `/jira/software/projects/${projectKey}`;
  return `${site}${page}#risks/risk/${encodeURIComponent(riskId)}`;
}

/** The risk register (issue 10): anyone who may browse reads; Edit Issues writes. */
export const risksHandlers = {
  'risks/list': defineResolver('risks/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const page = await listRisks(recordStore, project.id, { filter: payload.filter, limit: payload.limit, cursor: payload.cursor });
    return { ...page, canEdit: allows(permissions, 'write') };
  }),
  'risks/matrix': defineResolver('risks/matrix', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return readRiskMatrix(recordStore, project.id, { clientVisible: payload.clientVisible });
  }),
  'risks/save': defineResolver('risks/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const risk = await saveRisk(recordStore, project.id, payload.risk, payload.revision, systemClock.now());
    await refreshAfterWrite(project);
    return { risk };
  }),
  'risks/signals': defineResolver('risks/signals', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const { signals, asOf } = await listDerivedSignals(recordStore, project.id);
    return {
      asOf,
      signals: signals.map(({ issueKey, summary, reason, score, blockedBy, promotedRiskId }) => ({
        issueKey,
        summary,
        reason,
        score,
        blockedBy: [...blockedBy],
        promotedRiskId,
      })),
    };
  }),
  'risks/promote': defineResolver('risks/promote', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const promoted = await promoteSignal(recordStore, project.id, {
      issueKey: payload.issueKey,
      lang: languageOf(context),
      now: systemClock.now(),
    });
    if (promoted.created) await refreshAfterWrite(project);
    return promoted;
  }),
  'risks/issue': defineResolver('risks/issue', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const deps = { records: recordStore, issues: userIssueWriter(), clock: systemClock, sleep };
    const converted = await createIssueFromRisk(deps, project, {
      riskId: payload.riskId,
      link: riskLink(context, project.key, payload.riskId),
      lang: payload.lang ?? languageOf(context),
    });
    await refreshAfterWrite(project);
    return converted;
  }),
};
