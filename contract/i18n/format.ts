/**
 * Number, day and time formatting for rendered sentences and reports, through `Intl` in the
 * text's language: the one place a date or an instant becomes text, so every sentence, heading
 * and table of a report writes them the same way. One set of formatters per language, made on
 * first use.
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
  /**
   * An ISO instant as its day and time of day in `timeZone`, the zone named after it
   * ("Nov 27, 2026, 9:00 AM UTC", "2026年11月27日 17:00 Asia/Shanghai"). Without a zone, or
   * with one `Intl` does not know, UTC. Anything that is not an instant, as it is.
   */
  instant: (iso: string, timeZone?: string) => string;
  /** Two instants as a range in one zone, named once at the end. */
  instantRange: (startIso: string, endIso: string, timeZone?: string) => string;
}

const cache = new Map<Language, Fmt>();

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u;

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
    const dateTimes = new Map<string, Intl.DateTimeFormat>();
    /** The formatter for a zone and the zone's name, UTC for none or an unknown one. */
    const dateTime = (timeZone: string | undefined): [Intl.DateTimeFormat, string] => {
      const zone = timeZone === undefined || timeZone === '' ? 'UTC' : timeZone;
      let format = dateTimes.get(zone);
      if (format === undefined) {
        try {
          format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
        } catch {
          return dateTime(undefined);
        }
        dateTimes.set(zone, format);
      }
      return [format, zone];
    };
    const instantMs = (iso: string): number => (ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN);
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
      instant: (iso, timeZone) => {
        const ms = instantMs(iso);
        if (Number.isNaN(ms)) return iso;
        const [format, zone] = dateTime(timeZone);
        return `${format.format(ms)} ${zone}`;
      },
      instantRange: (startIso, endIso, timeZone) => {
        const start = instantMs(startIso);
        const end = instantMs(endIso);
        if (Number.isNaN(start) || Number.isNaN(end)) return `${startIso} – ${endIso}`;
        const [format, zone] = dateTime(timeZone);
        return `${format.format(start)} – ${format.format(end)} ${zone}`;
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
