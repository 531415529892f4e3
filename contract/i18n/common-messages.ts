import type { ErrorCode } from '../resolvers';
import type { Strings, Translation } from './strings';

type ErrorMessages = { readonly [C in ErrorCode as `error.${C}`]: string };

const en = {
  'link.newTab': '(opens in a new tab)',
  'error.heading': 'Something went wrong',
  'error.heading.FORBIDDEN': 'You don’t have access to this project',
  'error.heading.NOT_FOUND': 'Not found',
  'error.retry': 'Retry',
  'error.FORBIDDEN': 'You don’t have permission to see this. Ask a Jira admin for access to the project.',
  'error.INVALID_PAYLOAD': 'The app sent a request the server did not accept. Reload the page and try again.',
  'error.NOT_FOUND': 'We couldn’t find this project or issue. It may have been moved or deleted.',
  'error.CONFLICT': 'Someone else saved a change first. Reload to see it, then make your change again.',
  'error.JIRA_UNAVAILABLE': 'Jira is not responding right now. Try again in a moment.',
  'error.RATE_LIMITED': 'Too many requests right now. Wait a few seconds, then try again.',
  'error.STORAGE_UNAVAILABLE': 'The app’s storage is not responding right now. Nothing was changed; try again in a moment.',
  'error.NOT_READY': 'The project’s data is still being read from Jira for the first time. This page updates when it is ready.',
  'error.INTERNAL': 'Something went wrong on our side. Try again; if it keeps happening, contact your admin.',
} as const satisfies ErrorMessages & Readonly<Record<string, string>>;

const zhCN: Translation<typeof en> = {
  'link.newTab': '（在新标签页中打开）',
  'error.heading': '出错了',
  'error.heading.FORBIDDEN': '你无权访问此项目',
  'error.heading.NOT_FOUND': '未找到',
  'error.retry': '重试',
  'error.FORBIDDEN': '你没有查看此内容的权限。请联系 Jira 管理员获取该项目的访问权限。',
  'error.INVALID_PAYLOAD': '服务器未接受应用发送的请求。请刷新页面后重试。',
  'error.NOT_FOUND': '找不到此项目或事务，它可能已被移动或删除。',
  'error.CONFLICT': '其他人已先保存了更改。请刷新查看，然后重新进行你的更改。',
  'error.JIRA_UNAVAILABLE': 'Jira 暂时没有响应，请稍后重试。',
  'error.RATE_LIMITED': '当前请求过多，请等待几秒后重试。',
  'error.STORAGE_UNAVAILABLE': '应用存储暂时没有响应。没有任何更改；请稍后重试。',
  'error.NOT_READY': '正在首次从 Jira 读取该项目的数据，完成后此页面会自动更新。',
  'error.INTERNAL': '我们这边出现了问题。请重试；如果问题持续出现，请联系管理员。',
};

/** What every UI entry needs: errors (one message per error code) and the new-tab hint. */
export const COMMON_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
