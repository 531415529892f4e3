import type { CommsPlanJson, TouchpointSeriesJson } from '../../../contract/comms';
import { COMMS_MESSAGES } from '../../../contract/i18n/comms-messages';
import { REPORT_SCHEDULE_MESSAGES } from '../../../contract/i18n/report-schedule-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import { assessTouchpoints } from '../../domain/assess-touchpoints';
import { deriveReminders, type Reminder } from '../../domain/derive-reminders';
import { isAppError } from '../app-error';
import type { Clock, IssueWriter } from '../ports';
import { touchpointReminderKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { activeSeries } from '../../domain/series-phase';
import { getEngagement } from '../engagement/engagement';
import { getCommsPlan } from './comms-plan';
import { listTouchpoints } from './touchpoint-log';

export interface ReminderRun {
  /** Notifications sent and issues created by this run. */
  notified: number;
  created: number;
  /** Reminders already sent by an earlier (or concurrent) run. */
  skipped: number;
  failed: number;
}

const paragraph = (value: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
});

function ownerOf(plan: CommsPlanJson, series: TouchpointSeriesJson): { accountId: string | null; language: Language } {
  const owner = plan.stakeholders.find((s) => s.id === series.ownerId);
  return { accountId: owner?.accountId ?? null, language: owner?.language ?? 'en' };
}

/**
 * The daily job's reminders for one project, per its plan's setting: `none` sends nothing;
 * `notify` sends the series' owner a Jira notification on the tracking issue, once per
 * occurrence for "due tomorrow" and once for "overdue"; `issue` creates one Jira issue per
 * overdue occurrence, assigned to the owner. Each reminder is claimed in storage before Jira is
 * called (`add` creates only once), so reruns and concurrent runs never send or create twice; a
 * Jira failure releases the claim, so the next run tries again. Texts are in the owner's language.
 * A series without an owner account gets no notification (there is nobody to send it to) but
 * still gets its issue, unassigned.
 */
export async function sendTouchpointReminders(
  deps: { records: RecordStore; issues: IssueWriter; clock: Clock },
  project: { id: string; key: string },
): Promise<ReminderRun> {
  const run: ReminderRun = { notified: 0, created: 0, skipped: 0, failed: 0 };
  const plan = (await getCommsPlan(deps.records, project.id)).value;
  const mode = plan.reminders.mode;
  if (mode === 'none' || plan.series.length === 0) return run;
  // Only the series that run in the engagement's phase remind (the support cadence in support).
  const running = activeSeries(plan.series, (await getEngagement(deps.records, project.id)).value.phase);
  if (running.length === 0) return run;
  const now = deps.clock.now();
  const statuses = assessTouchpoints(running, await listTouchpoints(deps.records, project.id), now);
  const sent = deps.records.collection(touchpointReminderKind, project.id);

  for (const { series, status } of statuses) {
    const owner = ownerOf(plan, series);
    for (const reminder of deriveReminders(series, status, now)) {
      if (mode === 'issue' && reminder.reason !== 'overdue') continue;
      if (mode === 'notify' && owner.accountId === null) continue;
      const id = `${series.id}.${reminder.occurrence.day}.${mode === 'issue' ? 'issue' : reminder.reason}`;
      const claim = await sent.add({
        id,
        seriesId: series.id,
        day: reminder.occurrence.day,
        at: now.toISOString(),
        mode,
        reason: reminder.reason,
        issueKey: null,
      });
      if (claim === 'exists') {
        run.skipped += 1;
        continue;
      }
      try {
        const texts = reminderTexts(series, reminder, owner.language, project.key);
        if (mode === 'notify') {
          await deps.issues.notify(plan.reminders.trackingIssueKey ?? '', {
            subject: texts.subject,
            textBody: texts.body,
            accountIds: owner.accountId ? [owner.accountId] : [],
          });
          run.notified += 1;
        } else {
          const { key } = await deps.issues.createIssue({
            projectKey: project.key,
            summary: texts.issueSummary,
            description: paragraph(texts.issueDescription),
            assigneeAccountId: owner.accountId,
            dueDate: null,
          });
          await sent.put({
            id,
            seriesId: series.id,
            day: reminder.occurrence.day,
            at: now.toISOString(),
            mode,
            reason: reminder.reason,
            issueKey: key,
          });
          run.created += 1;
        }
      } catch (error) {
        if (!isAppError(error)) throw error;
        run.failed += 1;
        // Release the claim so the next run tries again; if even that fails, the reminder is lost, never doubled.
        await sent.delete(id).catch(() => undefined);
      }
    }
  }
  return run;
}

/**
 * A status-report series' reminder says the draft is ready for review and where, and that
 * nothing is sent before the PM publishes it (issue 11): the app never sends a report on its own.
 */
function reminderTexts(series: TouchpointSeriesJson, reminder: Reminder, lang: Language, projectKey: string) {
  const t = translator(lang, COMMS_MESSAGES);
  const params = { series: series.title, day: reminder.occurrence.day, time: series.localTime, zone: series.timeZone };
  const due = reminder.reason === 'due-tomorrow';
  if (series.kind === 'status-report') {
    const s = translator(lang, REPORT_SCHEDULE_MESSAGES);
    const withProject = { ...params, project: projectKey };
    return {
      subject: s(due ? 'schedule.reminder.dueTomorrowSubject' : 'schedule.reminder.overdueSubject', withProject),
      body: s(due ? 'schedule.reminder.dueTomorrowBody' : 'schedule.reminder.overdueBody', withProject),
      issueSummary: s('schedule.reminder.issueSummary', withProject),
      issueDescription: s('schedule.reminder.issueDescription', withProject),
    };
  }
  return {
    subject: t(due ? 'comms.reminder.dueTomorrowSubject' : 'comms.reminder.overdueSubject', params),
    body: t(due ? 'comms.reminder.dueTomorrowBody' : 'comms.reminder.overdueBody', params),
    issueSummary: t('comms.reminder.issueSummary', params),
    issueDescription: t('comms.reminder.issueDescription', params),
  };
}
