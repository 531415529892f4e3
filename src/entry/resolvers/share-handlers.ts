import { publishedReportVersions } from '../../application/reports/report-versions';
import { z } from 'zod';
import { forgeWebTriggerUrl } from '../../adapters/jira/forge-web-trigger-url';
import {
  createShareLink,
  getShareSettings,
  listAccessLog,
  listShareLinks,
  revokeShareLink,
  saveShareSettings,
} from '../../application/share/share-links';
import { permissionSource, recordStore, systemClock } from '../compose';
import { allows, authorizeProjectAccess } from './authorize';
import { defineResolver } from './define-resolver';

/** The manifest's web trigger serving the client status page. */
const STATUS_PAGE_TRIGGER = 'client-status-page';
const accountOf = z.looseObject({ accountId: z.string().min(1) });

/**
 * Share links (issue 12): Administer Projects creates and revokes links, switches sharing and
 * reads the access log; anyone who may browse the project sees the list and the switch, read-only.
 */
export const shareHandlers = {
  'share/create': defineResolver('share/create', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    const deps = { records: recordStore, now: systemClock.now() };
    return createShareLink(
      deps,
      project.id,
      {
        scope: payload.scope,
        lang: payload.lang,
        label: payload.label,
        expiresInDays: payload.expiresInDays,
        sections: payload.sections,
        passcode: payload.passcode,
        createdBy: accountOf.parse(context).accountId,
      },
      await forgeWebTriggerUrl(STATUS_PAGE_TRIGGER),
    );
  }),
  'share/list': defineResolver('share/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const page = await listShareLinks({ records: recordStore, now: systemClock.now() }, project.id, {
      cursor: payload.cursor,
      limit: payload.limit,
    });
    // A report-scoped link names its report by version ("Report 3"), as the Reports section does.
    const versions = await publishedReportVersions(
      recordStore,
      project.id,
      page.items.flatMap((link) => (link.scope.kind === 'report' ? [link.scope.reportId] : [])),
    );
    const items = page.items.map((link) => {
      const version = link.scope.kind === 'report' ? versions.get(link.scope.reportId) : undefined;
      return version === undefined ? link : { ...link, reportVersion: version };
    });
    return { ...page, items, canManage: allows(permissions, 'admin') };
  }),
  'share/revoke': defineResolver('share/revoke', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    return revokeShareLink({ records: recordStore, now: systemClock.now() }, project.id, payload.id);
  }),
  'share/settings-get': defineResolver('share/settings-get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const stored = await getShareSettings(recordStore, project.id);
    return { settings: stored.value, revision: stored.revision, canEdit: allows(permissions, 'admin') };
  }),
  'share/settings-save': defineResolver('share/settings-save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    const saved = await saveShareSettings(recordStore, project.id, payload.settings, payload.revision);
    return { settings: saved.value, revision: saved.revision, canEdit: true };
  }),
  'share/access-log': defineResolver('share/access-log', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    return listAccessLog(recordStore, project.id, { linkId: payload.linkId, cursor: payload.cursor, limit: payload.limit });
  }),
};
