import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type AnyStrings, type KeyOf, type Translate } from '../../../contract/i18n/strings';
import { formatSlipDays } from '../../../contract/i18n/day-sentences';
import { formatCount, formatDay, formatInstant, formatPeriod, toAppLocale, toIntlLocale, type AppLocale } from './i18n';

export interface I18n {
  locale: AppLocale;
  intlLocale: string;
  formatDay: (day: string) => string;
  formatCount: (count: number) => string;
  /** A date against its target in words: "15 days late", "提前 15 天", "On time". */
  formatSlipDays: (days: number) => string;
  formatInstant: (value: string) => string;
  formatPeriod: (start: string, end: string) => string;
}

export function createI18n(forgeLocale: string | null | undefined): I18n {
  const locale = toAppLocale(forgeLocale);
  const intlLocale = toIntlLocale(forgeLocale);
  return {
    locale,
    intlLocale,
    formatDay: (day) => formatDay(day, intlLocale),
    formatCount: (count) => formatCount(count, intlLocale),
    formatSlipDays: (days) => formatSlipDays(days, locale),
    formatInstant: (value) => formatInstant(value, intlLocale),
    formatPeriod: (start, end) => formatPeriod(start, end, intlLocale),
  };
}

const I18nContext = createContext<I18n>(createI18n('en-US'));

/** Provides the language and formatters for the host's locale (`context.locale`). */
export function I18nProvider({ forgeLocale, children }: { forgeLocale: string | null | undefined; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(forgeLocale), [forgeLocale]);
  return <I18nContext value={i18n}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * `t` over the catalogue namespaces a component names, in the user's language: only their keys
 * type-check, and only they are bundled with the component.
 */
export function useT<const N extends readonly AnyStrings[]>(...namespaces: N): Translate<KeyOf<N[number]>> {
  const { locale } = useContext(I18nContext);
  return translator(locale, ...namespaces);
}
