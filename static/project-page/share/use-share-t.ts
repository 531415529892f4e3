import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import { SHARE_MESSAGES } from '../../../contract/i18n/share-messages';
import type { AppErrorJson } from '../../../contract';
import { useT } from '../../shared/i18n/I18nProvider';

/** `t` over the Share section's namespaces. */
export function useShareT() {
  return useT(SHARE_MESSAGES, REPORTS_MESSAGES, COMMON_MESSAGES);
}

/** A list read a page at a time. */
export type Paged<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: AppErrorJson }
  | { status: 'ready'; items: T[]; cursor: string | null; canManage: boolean };

export const PAGE_SIZE = 20;
