import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { FEEDBACK_MESSAGES } from '../../../contract/i18n/feedback-messages';
import type { KeyOf, Translate } from '../../../contract/i18n/strings';
import { useT } from '../../shared/i18n/I18nProvider';

export type FeedbackT = Translate<KeyOf<typeof FEEDBACK_MESSAGES | typeof COMMON_MESSAGES>>;
export type FeedbackKey = KeyOf<typeof FEEDBACK_MESSAGES>;

/** `t` for the Feedback section: its own catalogue and the error codes. */
export function useFeedbackT(): FeedbackT {
  return useT(FEEDBACK_MESSAGES, COMMON_MESSAGES);
}
