import { listPublishedReports, publishReport, readPublishedReport } from '../../application/reports/published-reports';
import { getCommsPlan } from '../../application/comms/comms-plan';
import { getProjectSettings } from '../../application/project-settings';
import { toReportEmail } from '../../application/reports/report-email';
import { renderReportHtml } from '../../application/render/render-report-html';
import { renderReportMarkdown, renderReportText } from '../../application/render/render-report-markdown';
import { reportDraftKind } from '../../application/records/record-kinds';
import { getReportDraftView } from '../../application/reports/draft-texts';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { renderStoredReport } from '../../application/snapshot/read-snapshot';
import { emlComposer, permissionSource, recordStore, systemClock } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';
import { issueUrlOf } from './site-links';
import { z } from 'zod';
import { CLOSING_REPORT_ID } from '../../../contract/reports';
import { emailClosingReport, exportClosingReport } from './closing-handlers';

const accountOf = z.looseObject({ accountId: z.string().min(1) });

/** Published reports (issue 11): anyone who may browse the project reads them; Edit Issues publishes. */
export const reportHandlers = {
  'report/publish': defineResolver('report/publish', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const snapshot = await readSnapshot(recordStore, project.id);
    const head = await publishReport(recordStore, snapshot.value, {
      draftRevision: payload.draftRevision,
      publishedBy: accountOf.parse(context).accountId,
      now: systemClock.now(),
    });
    // The report kept its status-report series: the communication tile moves, and the next draft starts.
    await refreshHealth(project);
    return head;
  }),
  'report/draft-get': defineResolver('report/draft-get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return getReportDraftView(recordStore, project.id, { lang: languageOf(context), canEdit: allows(permissions, 'write') });
  }),
  'report/draft-save': defineResolver('report/draft-save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const saved = await recordStore.document(reportDraftKind, project.id).save(payload.draft, payload.revision);
    // The draft is derived again with the PM's edits: what the PM reviews next is what publishes.
    await refreshHealth(project);
    const view = await getReportDraftView(recordStore, project.id, { lang: languageOf(context), canEdit: true });
    return { ...view, draft: saved.value, revision: saved.revision };
  }),
  'report/list': defineResolver('report/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const page = await listPublishedReports(recordStore, project.id, {
      ...(payload.cursor ? { cursor: payload.cursor } : {}),
      ...(payload.limit ? { limit: payload.limit } : {}),
    });
    return { ...page, canPublish: allows(permissions, 'write') };
  }),
  'report/get': defineResolver('report/get', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const { head, content } = await readPublishedReport(recordStore, project.id, payload.id);
    const lang = payload.lang ?? languageOf(context);
    const report = renderStoredReport(content, payload.audience ?? 'internal', lang);
    return { head, report };
  }),
  'report/email': defineResolver('report/email', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    if (payload.id === CLOSING_REPORT_ID)
      return emailClosingReport(project, { audience: payload.audience ?? 'client', lang: payload.lang });
    const [{ head, content }, settings, plan] = await Promise.all([
      readPublishedReport(recordStore, project.id, payload.id),
      getProjectSettings(recordStore, project.id),
      getCommsPlan(recordStore, project.id),
    ]);
    const audience = payload.audience ?? 'client';
    const report = renderStoredReport(content, audience, payload.lang);
    const options = { timeZone: settings.value.timeZone, issueUrl: audience === 'internal' ? issueUrlOf(context) : undefined };
    return toReportEmail(emlComposer, {
      head,
      project: { key: project.key, name: content.internal.project.name },
      audience,
      lang: payload.lang,
      html: renderReportHtml(report, options),
      text: renderReportText(report, options),
      stakeholders: plan.value.stakeholders,
      now: systemClock.now(),
    });
  }),
  'report/export': defineResolver('report/export', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    if (payload.id === CLOSING_REPORT_ID) return exportClosingReport(project, payload);
    const [{ head, content }, settings] = await Promise.all([
      readPublishedReport(recordStore, project.id, payload.id),
      getProjectSettings(recordStore, project.id),
    ]);
    const report = renderStoredReport(content, payload.audience, payload.lang);
    const options = { timeZone: settings.value.timeZone, issueUrl: payload.audience === 'internal' ? issueUrlOf(context) : undefined };
    const base = `${project.key}-status-report-v${String(head.version)}-${payload.audience}-${payload.lang}`;
    return payload.format === 'markdown'
      ? { filename: `${base}.md`, mediaType: 'text/markdown;charset=utf-8', text: renderReportMarkdown(report, options) }
      : { filename: `${base}.html`, mediaType: 'text/html;charset=utf-8', text: renderReportHtml(report, options) };
  }),
};
