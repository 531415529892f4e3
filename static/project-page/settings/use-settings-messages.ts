import { useMemo } from 'react';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { HEALTH_MESSAGES } from '../../../contract/i18n/health-messages';
import { SETTINGS_MESSAGES } from '../../../contract/i18n/settings-messages';
import type { KeyOf, Translate } from '../../../contract/i18n/strings';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';

/** The namespaces the Settings section reads: its own, dimension and measure names, error codes. */
export type SettingsT = Translate<KeyOf<typeof SETTINGS_MESSAGES | typeof HEALTH_MESSAGES | typeof COMMON_MESSAGES>>;

/** `t` for the Settings section in the user's language, and a number formatter for limits. */
export function useSettingsMessages(): { t: SettingsT; formatNumber: (n: number) => string } {
  const t = useT(SETTINGS_MESSAGES, HEALTH_MESSAGES, COMMON_MESSAGES);
  const { intlLocale } = useI18n();
  const formatNumber = useMemo(() => {
    const format = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 4 });
    return (n: number) => format.format(n);
  }, [intlLocale]);
  return { t, formatNumber };
}
