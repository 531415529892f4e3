/**
 * Locale resolution and `Intl` formatting. Pure: the locale comes from the Forge context and is
 * passed in. The messages are the shared catalogue's (`contract/i18n/`), looked up per
 * namespace with `useT`, so each entry bundles only the namespaces its components use.
 */
import { LANGUAGES, type Language } from '../../../contract/language';

export const APP_LOCALES = LANGUAGES;
export type AppLocale = Language;

const DEFAULT_INTL_LOCALE = 'en-US';

/**
 * The BCP 47 tag for `Intl`, from a Forge locale (`en_US` raw, `en-US` once the bridge has
 * normalised it). An unusable tag falls back to `en-US`.
 */
export function toIntlLocale(forgeLocale: string | null | undefined): string {
  if (!forgeLocale) return DEFAULT_INTL_LOCALE;
  try {
    return Intl.getCanonicalLocales(forgeLocale.replaceAll('_', '-'))[0] ?? DEFAULT_INTL_LOCALE;
  } catch {
    return DEFAULT_INTL_LOCALE;
  }
}

/**
 * The catalogue for a Forge locale: any Chinese locale reads the Simplified Chinese
 * catalogue (the only Chinese one we have), everything else English.
 */
export function toAppLocale(forgeLocale: string | null | undefined): AppLocale {
  const language = toIntlLocale(forgeLocale).split('-')[0]?.toLowerCase();
  return language === 'zh' ? 'zh-CN' : 'en';
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * Formats a calendar day `YYYY-MM-DD` per locale. The day is formatted in UTC on purpose:
 * it is already a day in the project's time zone, and shifting it by the viewer's offset
 * would show the day before. A string that is not a calendar day is returned unchanged.
 */
export function formatDay(day: string, intlLocale: string): string {
  const match = CALENDAR_DAY.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const instant = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  if (Number.isNaN(instant.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
}

export function formatCount(count: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale).format(count);
}

/**
 * A calendar day as a UTC instant (see `formatDay`), or an ISO instant as it is; null when
 * the string is neither.
 */
function toInstant(value: string): { instant: Date; isDay: boolean } | null {
  const match = CALENDAR_DAY.exec(value);
  const instant = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : { instant, isDay: match !== null };
}

/** An ISO instant as a date and time in the viewer's time zone; anything else unchanged. */
export function formatInstant(value: string, intlLocale: string): string {
  const parsed = toInstant(value);
  if (!parsed) return value;
  const options: Intl.DateTimeFormatOptions = parsed.isDay
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(intlLocale, options).format(parsed.instant);
}

/**
 * A period as two localised dates ("Mar 1, 2025 – Mar 15, 2025", "2025年3月1日 – 2025年3月15日").
 * Each end may be a calendar day or an ISO instant; instants are shown as days in the viewer's
 * time zone. An end that is neither is shown as written. Each end is formatted on its own, as
 * every other date: `formatRange` writes Chinese ranges as 2025/3/1 – 2025/3/15, a second date
 * format on the same screen.
 */
export function formatPeriod(start: string, end: string, intlLocale: string): string {
  const from = toInstant(start);
  const to = toInstant(end);
  if (!from || !to) return `${start} – ${end}`;
  const bothDays = from.isDay && to.isDay;
  const format = new Intl.DateTimeFormat(intlLocale, bothDays ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' });
  return `${format.format(from.instant)} – ${format.format(to.instant)}`;
}
