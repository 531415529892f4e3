import type { Language } from '../../../contract/language';
import type { PublishedReportHead } from '../../../contract/reports';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { translator } from '../../../contract/i18n/strings';
import { canClose, deriveClosingReports, publishClosingReport, readPublishedClosingReport } from '../../application/closing/closing-report';
import { createRetroActionIssue, getRetro, saveRetro } from '../../application/closing/retro';
import { getCommsPlan } from '../../application/comms/comms-plan';
import { getEngagement } from '../../application/engagement/engagement';
import { renderClosingHtml, renderClosingMarkdown } from '../../application/render/render-closing-report';
import { toReportEmail } from '../../application/reports/report-email';
import { draftRevisionOf } from '../../application/reports/published-reports';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { emlComposer, permissionSource, recordStore, sleep, systemClock, userIssueWriter } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { z } from 'zod';

const accountOf = z.looseObject({ accountId: z.string().min(1) });

/** The closing report as a file, for `report/export` on the closing report's id. */
export async function exportClosingReport(
  project: { id: string; key: string },
  request: { audience: 'internal' | 'client'; lang: Language; format: 'markdown' | 'html' },
): Promise<{ filename: string; mediaType: string; text: string }> {
  const { report } = await readPublishedClosingReport(recordStore, project.id, request.audience);
  const base = `${project.key}-closing-report-${request.audience}-${request.lang}`;
  return request.format === 'markdown'
    ? { filename: `${base}.md`, mediaType: 'text/markdown;charset=utf-8', text: renderClosingMarkdown(report, request.lang) }
    : { filename: `${base}.html`, mediaType: 'text/html;charset=utf-8', text: renderClosingHtml(report, request.lang) };
}

/** The closing report as an e-mail, for `report/email` on the closing report's id. */
export async function emailClosingReport(
  project: { id: string; key: string },
  request: { audience: 'internal' | 'client'; lang: Language },
): Promise<Awaited<ReturnType<typeof toReportEmail>>> {
  const [{ head, report }, plan] = await Promise.all([
    readPublishedClosingReport(recordStore, project.id, request.audience),
    getCommsPlan(recordStore, project.id),
  ]);
  const t = translator(request.lang, CLOSING_MESSAGES);
  const email = await toReportEmail(emlComposer, {
    head,
    project: { key: project.key, name: report.project.name },
    audience: request.audience,
    lang: request.lang,
    html: renderClosingHtml(report, request.lang),
    text: renderClosingMarkdown(report, request.lang),
    stakeholders: plan.value.stakeholders,
    now: systemClock.now(),
    subject: t('closing.email.subject', { project: report.project.name }),
  });
  return { ...email, filename: `${project.key}-closing-report-${request.audience}-${request.lang}.eml` };
}

/** Closing (issue 13): anyone who may browse reads the retro and the report; Edit Issues writes and publishes. */
export const closingHandlers = {
  'closing/retro-get': defineResolver('closing/retro-get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const retro = await getRetro(recordStore, project.id);
    return { retro: retro.value, revision: retro.revision, canEdit: allows(permissions, 'write') };
  }),
  'closing/retro-save': defineResolver('closing/retro-save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const saved = await saveRetro(recordStore, project.id, payload.retro, payload.revision);
    return { retro: saved.value, revision: saved.revision, canEdit: true };
  }),
  'closing/retro-issue': defineResolver('closing/retro-issue', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const deps = { records: recordStore, issues: userIssueWriter(), clock: systemClock, sleep };
    const { issueKey, retro } = await createRetroActionIssue(deps, project, {
      actionId: payload.actionId,
      lang: payload.lang ?? languageOf(context),
    });
    return { issueKey, view: { retro: retro.value, revision: retro.revision, canEdit: true } };
  }),
  'closing/preview': defineResolver('closing/preview', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const [snapshot, engagement] = await Promise.all([readSnapshot(recordStore, project.id), getEngagement(recordStore, project.id)]);
    const reports = await deriveClosingReports(recordStore, snapshot.value, { ...project, name: project.key }, systemClock.now());
    return {
      report: reports[payload.audience ?? 'internal'],
      draftRevision: snapshot.value ? draftRevisionOf(snapshot.value) : null,
      phase: engagement.value.phase,
      canPublish: allows(permissions, 'write') && canClose(engagement.value.phase),
    };
  }),
  'closing/publish': defineResolver('closing/publish', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const snapshot = await readSnapshot(recordStore, project.id);
    return publishClosingReport(
      recordStore,
      snapshot.value,
      { ...project, name: project.key },
      {
        draftRevision: payload.draftRevision,
        publishedBy: accountOf.parse(context).accountId,
        now: systemClock.now(),
      },
    );
  }),
  'closing/get': defineResolver('closing/get', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const { head, report } = await readPublishedClosingReport(recordStore, project.id, payload.audience ?? 'internal');
    return { head: head satisfies PublishedReportHead, report };
  }),
};
