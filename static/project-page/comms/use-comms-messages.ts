import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { COMMS_MESSAGES } from '../../../contract/i18n/comms-messages';
import type { KeyOf, Translate } from '../../../contract/i18n/strings';
import { useT } from '../../shared/i18n/I18nProvider';

export type CommsT = Translate<KeyOf<typeof COMMS_MESSAGES | typeof COMMON_MESSAGES>>;

/** `t` for the Communication section: its own catalogue and the error codes. */
export function useCommsT(): CommsT {
  return useT(COMMS_MESSAGES, COMMON_MESSAGES);
}
