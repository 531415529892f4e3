import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { RISK_MESSAGES } from '../../../contract/i18n/risk-messages';
import { RISK_REGISTER_MESSAGES } from '../../../contract/i18n/risk-register-messages';
import type { KeyOf, Translate } from '../../../contract/i18n/strings';
import { useT } from '../../shared/i18n/I18nProvider';

export type RiskT = Translate<KeyOf<typeof RISK_REGISTER_MESSAGES | typeof COMMON_MESSAGES | typeof RISK_MESSAGES>>;

/** `t` for the Risks section: its own catalogue, the issue-risk levels and the error codes. */
export function useRiskT(): RiskT {
  return useT(RISK_REGISTER_MESSAGES, COMMON_MESSAGES, RISK_MESSAGES);
}
