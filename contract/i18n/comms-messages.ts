import type { Strings, Translation } from './strings';

const en = {
  /** The description of a Jira issue created from an action item. */
  'comms.actionItem.fromTouchpoint': 'Action item from the touchpoint of {date} ({series}).',
  'comms.actionItem.adHoc': 'an ad-hoc touchpoint',
  'comms.actionItem.owner': 'Owner: {owner} ({side})',
  'comms.actionItem.due': 'Due date: {due}',
  'comms.actionItem.openInApp': 'Open the touchpoint in Client Follow-up',
  'comms.side.internal': 'our team',
  'comms.side.client': 'client',
  /** Reminders the daily job sends through Jira. */
  'comms.reminder.dueTomorrowSubject': 'Touchpoint due tomorrow: {series}',
  'comms.reminder.dueTomorrowBody':
    '"{series}" is due tomorrow, {day} at {time} ({zone}). Log it in Client Follow-up once it has taken place.',
  'comms.reminder.overdueSubject': 'Touchpoint overdue: {series}',
  'comms.reminder.overdueBody':
    '"{series}" was due on {day} at {time} ({zone}) and has not been logged. Hold it or log it in Client Follow-up.',
  'comms.reminder.issueSummary': 'Overdue touchpoint: {series} ({day})',
  'comms.reminder.issueDescription':
    'The touchpoint "{series}" was due on {day} at {time} ({zone}) and has not been logged. Log it in Client Follow-up; this issue stays until then.',
};

const zhCN: Translation<typeof en> = {
  'comms.actionItem.fromTouchpoint': '来自 {date} 沟通（{series}）的行动项。',
  'comms.actionItem.adHoc': '临时沟通',
  'comms.actionItem.owner': '负责人：{owner}（{side}）',
  'comms.actionItem.due': '到期日：{due}',
  'comms.actionItem.openInApp': '在客户跟进中打开此次沟通',
  'comms.side.internal': '我方团队',
  'comms.side.client': '客户',
  'comms.reminder.dueTomorrowSubject': '沟通明天到期：{series}',
  'comms.reminder.dueTomorrowBody': '“{series}”明天到期：{day} {time}（{zone}）。进行后请在客户跟进中记录。',
  'comms.reminder.overdueSubject': '沟通已逾期：{series}',
  'comms.reminder.overdueBody': '“{series}”原定于 {day} {time}（{zone}），尚未记录。请安排或在客户跟进中记录。',
  'comms.reminder.issueSummary': '逾期沟通：{series}（{day}）',
  'comms.reminder.issueDescription': '沟通“{series}”原定于 {day} {time}（{zone}），尚未记录。请在客户跟进中记录；在此之前本事务保持打开。',
};

/** What the app writes into Jira for the communication plan: issues from action items, reminders. */
export const COMMS_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
