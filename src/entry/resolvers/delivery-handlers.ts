import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import { AppError } from '../../application/app-error';
import { getCommsPlan } from '../../application/comms/comms-plan';
import { listDeliveries, reportRecipientsOf, sendReport } from '../../application/delivery/send-report';
import { getProjectSettings } from '../../application/project-settings';
import { mailSettingsKind } from '../../application/records/record-kinds';
import { renderReportHtml } from '../../application/render/render-report-html';
import { renderReportText } from '../../application/render/render-report-markdown';
import { readPublishedReport } from '../../application/reports/published-reports';
import { renderStoredReport } from '../../application/snapshot/read-snapshot';
import { mailSender, permissionSource, recordStore, secretStore, systemClock } from '../compose';
import { allows, authorizeProjectAccess } from './authorize';
import { defineResolver } from './define-resolver';
import { issueUrlOf } from './site-links';

async function mailSettingsView(projectId: string, canEdit: boolean) {
  const [stored, key] = await Promise.all([
    recordStore.document(mailSettingsKind, projectId).get(),
    secretStore.get('mail-api-key', projectId),
  ]);
  return { provider: 'postmark' as const, from: stored.value?.from ?? null, keyStored: key !== undefined, canEdit };
}

/** E-mail delivery of published reports (issue 11): Administer Projects configures; Edit Issues sends. */
export const deliveryHandlers = {
  'mail/settings-get': defineResolver('mail/settings-get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return mailSettingsView(project.id, allows(permissions, 'admin'));
  }),
  'mail/settings-save': defineResolver('mail/settings-save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    const document = recordStore.document(mailSettingsKind, project.id);
    const current = await document.get();
    await document.save({ from: payload.from }, current.revision);
    if (payload.apiKey !== undefined) await secretStore.set('mail-api-key', project.id, payload.apiKey);
    return mailSettingsView(project.id, true);
  }),
  'report/send': defineResolver('report/send', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const [{ head, content }, settings, plan, mail, apiKey] = await Promise.all([
      readPublishedReport(recordStore, project.id, payload.id),
      getProjectSettings(recordStore, project.id),
      getCommsPlan(recordStore, project.id),
      recordStore.document(mailSettingsKind, project.id).get(),
      secretStore.get('mail-api-key', project.id),
    ]);
    const from = mail.value?.from;
    if (!from || apiKey === undefined) {
      throw new AppError(
        'NOT_READY',
        'E-mail delivery is not set up: a project admin enters the mail provider’s sender and API key in Reports',
      );
    }
    const options = { timeZone: settings.value.timeZone };
    const issueUrl = issueUrlOf(context);
    const message = (audience: 'internal' | 'client', lang: Language) => {
      const report = renderStoredReport(content, audience, lang);
      const t = translator(lang, REPORTS_MESSAGES);
      return {
        subject: t('reports.email.subject', { project: content.internal.project.name, version: String(head.version) }),
        html: renderReportHtml(report, { ...options, issueUrl: audience === 'internal' ? issueUrl : undefined }),
        // The text/plain part is plain text: nothing Markdown-escaped, so it reads as written.
        text: renderReportText(report, { ...options, issueUrl: audience === 'internal' ? issueUrl : undefined }),
      };
    };
    const deliveries = await sendReport({ records: recordStore, sender: mailSender(apiKey), now: () => systemClock.now() }, project.id, {
      reportId: head.id,
      from,
      stakeholders: plan.value.stakeholders,
      message,
    });
    return { deliveries: deliveries.map(({ id: _id, ...d }) => d) };
  }),
  'report/recipients': defineResolver('report/recipients', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const plan = await getCommsPlan(recordStore, project.id);
    return { recipients: reportRecipientsOf(plan.value.stakeholders) };
  }),
  'report/deliveries': defineResolver('report/deliveries', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const plan = await getCommsPlan(recordStore, project.id);
    const deliveries = await listDeliveries(recordStore, project.id, payload.id, plan.value.stakeholders);
    return { deliveries: deliveries.map(({ id: _id, ...d }) => d) };
  }),
};
