import { renderClientReport } from '../../../contract/i18n/render-client-report';
import { renderStatusReport } from '../../../contract/i18n/render-status-report';
import { listPublishedReports, publishReport, readPublishedReport } from '../../application/reports/published-reports';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { permissionSource, recordStore, systemClock } from '../compose';
import { authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { z } from 'zod';

const accountOf = z.looseObject({ accountId: z.string().min(1) });

/** Published reports (issue 11): anyone who may browse the project reads them; Edit Issues publishes. */
export const reportHandlers = {
  'report/publish': defineResolver('report/publish', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const snapshot = await readSnapshot(recordStore, project.id);
    return publishReport(recordStore, snapshot.value, {
      draftRevision: payload.draftRevision,
      publishedBy: accountOf.parse(context).accountId,
      now: systemClock.now(),
    });
  }),
  'report/list': defineResolver('report/list', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return listPublishedReports(recordStore, project.id, {
      ...(payload.cursor ? { cursor: payload.cursor } : {}),
      ...(payload.limit ? { limit: payload.limit } : {}),
    });
  }),
  'report/get': defineResolver('report/get', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const { head, content } = await readPublishedReport(recordStore, project.id, payload.id);
    const lang = payload.lang ?? languageOf(context);
    const report = payload.audience === 'client' ? renderClientReport(content.client, lang) : renderStatusReport(content.internal, lang);
    return { head, report };
  }),
};
