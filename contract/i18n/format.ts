/**
 * Number and day formatting for rendered sentences, through `Intl` in the sentence's language.
 * One set of formatters per language, made on first use.
 */
import type { Language } from '../language';

/** Locale formatters handed to every sentence. */
export interface Fmt {
  /** Up to one decimal. */
  num: (n: number) => string;
  /** Up to two decimals. */
  num2: (n: number) => string;
  /** A share 0..1 as a percentage, up to one decimal. */
  pct: (share: number) => string;
  /** A share with its sign (+12.5 %). */
  signedPct: (share: number) => string;
  /** A number with its sign (+3, −2, 0). */
  signed: (n: number) => string;
  /** A calendar day `YYYY-MM-DD`, medium style; anything else as it is. */
  day: (day: string) => string;
}

const cache = new Map<Language, Fmt>();

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function formatterFor(lang: Language): Fmt {
  let fmt = cache.get(lang);
  if (fmt === undefined) {
    const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const num2 = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const signedPct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    // Calendar days are zone-free: format them as UTC midnights so no zone can shift them.
    const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    fmt = {
      num: (n) => num.format(n),
      num2: (n) => num2.format(n),
      pct: (share) => pct.format(share),
      signedPct: (share) => signedPct.format(share),
      signed: (n) => signed.format(n),
      day: (d) => {
        const ms = CALENDAR_DAY.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
        return Number.isNaN(ms) ? d : day.format(ms);
      },
    };
    cache.set(lang, fmt);
  }
  return fmt;
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written so the gap is visible. */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}
