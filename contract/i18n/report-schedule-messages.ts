/**
 * The status-report schedule (issue 11): the reminder the daily job sends for a status-report
 * series — the draft is ready for the PM's review; nothing is sent before they publish — and the
 * Reports section's line saying when the next report is due.
 */
import type { Language } from '../language';
import type { Strings, Translation } from './strings';

const en = {
  'schedule.reminder.dueTomorrowSubject': 'Status report due tomorrow: {series}',
  'schedule.reminder.dueTomorrowBody':
    '"{series}" is due tomorrow, {day} at {time} ({zone}). The draft is ready for your review: in Jira, open project {project}, Client Follow-up, Reports. Review it, then publish and send it — nothing is sent until you do.',
  'schedule.reminder.overdueSubject': 'Status report not published yet: {series}',
  'schedule.reminder.overdueBody':
    '"{series}" was due on {day} at {time} ({zone}) and no report has been published since. The draft is ready for your review: in Jira, open project {project}, Client Follow-up, Reports, then publish and send it.',
  'schedule.reminder.issueSummary': 'Publish the status report: {series} ({day})',
  'schedule.reminder.issueDescription':
    'The status report "{series}" was due on {day} at {time} ({zone}) and has not been published. The draft is ready for your review in Client Follow-up, Reports (project {project}); this issue stays until a report is published.',
  'schedule.heading': 'Schedule',
  'schedule.loading': 'Loading the report schedule',
  'schedule.next': '{series}: next report due {when}.',
  'schedule.ended': '{series}: the series has ended.',
  'schedule.reminderOn':
    'The day before, the daily job reminds {owner} that the draft is ready for review. Nothing is published or sent without you.',
  'schedule.reminderNoOwner': 'No owner with a Jira account is set for this series, so nobody is reminded.',
  'schedule.remindersOff': 'Reminders are off in the communication plan: nobody is reminded before the report is due.',
  'schedule.none':
    'No status-report series is planned. Add one under Communication (for example weekly, Friday 16:00, Europe/Berlin) to be reminded, with the draft ready for your review.',
} as const;

const zhCN: Translation<typeof en> = {
  'schedule.reminder.dueTomorrowSubject': '状态报告明天到期：{series}',
  'schedule.reminder.dueTomorrowBody':
    '“{series}”明天到期：{day} {time}（{zone}）。草稿已可供您审阅：在 Jira 中打开项目 {project} 的“客户跟进”→“报告”。审阅后由您发布并发送——在此之前不会发送任何内容。',
  'schedule.reminder.overdueSubject': '状态报告尚未发布：{series}',
  'schedule.reminder.overdueBody':
    '“{series}”原定于 {day} {time}（{zone}），此后尚未发布报告。草稿已可供您审阅：在 Jira 中打开项目 {project} 的“客户跟进”→“报告”，然后发布并发送。',
  'schedule.reminder.issueSummary': '发布状态报告：{series}（{day}）',
  'schedule.reminder.issueDescription':
    '状态报告“{series}”原定于 {day} {time}（{zone}），尚未发布。草稿已可在“客户跟进”→“报告”（项目 {project}）中审阅；在发布报告之前本事务保持打开。',
  'schedule.heading': '计划',
  'schedule.loading': '正在加载报告计划',
  'schedule.next': '{series}：下一份报告 {when} 到期。',
  'schedule.ended': '{series}：该系列已结束。',
  'schedule.reminderOn': '到期前一天，每日任务会提醒 {owner} 草稿已可供审阅。未经您操作，不会发布或发送任何内容。',
  'schedule.reminderNoOwner': '该系列未设置有 Jira 账户的负责人，因此不会提醒任何人。',
  'schedule.remindersOff': '沟通计划中的提醒已关闭：报告到期前不会提醒任何人。',
  'schedule.none': '尚未计划状态报告系列。请在“沟通”中添加一个（例如每周五 16:00，Europe/Berlin），以便在草稿可供审阅时收到提醒。',
};

export const REPORT_SCHEDULE_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };

/**
 * "Fri, Dec 4, 2026, 16:00 (Europe/Berlin)": an occurrence's instant on the series' own clock,
 * its zone named, whatever the reader's zone is.
 */
export function formatDueInZone(at: string, timeZone: string, lang: Language): string {
  const text = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(at));
  return lang === 'zh-CN' ? `${text}（${timeZone}）` : `${text} (${timeZone})`;
}
