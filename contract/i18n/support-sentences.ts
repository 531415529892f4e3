/**
 * The support section's sentences (issue 13), in the report's language, for the renderers and the
 * project page alike. Pure.
 */
import type { Language } from '../language';
import type { SupportClockCountsJson, SupportOverdueIssueJson, SupportSectionJson } from '../support-report';
import { formatterFor } from './format';
import { translator } from './strings';
import { SUPPORT_MESSAGES } from './support-messages';

export interface SupportTargetLine {
  kind: 'response' | 'resolution';
  /** "First response within 8 h". */
  label: string;
  counts: SupportClockCountsJson;
  /** "5 met, 1 late, 2 within target, 1 overdue". */
  text: string;
}

/** "3 client-reported issues tracked against the support targets." */
export function describeSupportTotal(section: SupportSectionJson, lang: Language): string {
  const t = translator(lang, SUPPORT_MESSAGES);
  if (section.total === 0) return t('support.trackedNone');
  if (section.total === 1) return t('support.trackedOne');
  return t('support.tracked', { count: formatterFor(lang).num(section.total) });
}

/** One line per target, response first. */
export function supportTargetLines(section: SupportSectionJson, lang: Language): SupportTargetLine[] {
  const t = translator(lang, SUPPORT_MESSAGES);
  const f = formatterFor(lang);
  return (['response', 'resolution'] as const).map((kind) => {
    const counts = section[kind];
    const hours = f.num(kind === 'response' ? section.responseHours : section.resolutionHours);
    return {
      kind,
      label: t(kind === 'response' ? 'support.response' : 'support.resolution', { hours }),
      counts,
      text: t('support.counts', {
        met: f.num(counts.met),
        breached: f.num(counts.breached),
        running: f.num(counts.running),
        overdue: f.num(counts.overdue),
      }),
    };
  });
}

/** "no response past its target · reported Nov 3, 2026, 09:12 (UTC)". */
export function describeSupportOverdue(issue: SupportOverdueIssueJson, lang: Language, timeZone?: string): string {
  const t = translator(lang, SUPPORT_MESSAGES);
  const which =
    issue.response === 'overdue' && issue.resolution === 'overdue'
      ? t('support.overdue.both')
      : issue.response === 'overdue'
        ? t('support.overdue.response')
        : t('support.overdue.resolution');
  return `${which} · ${t('support.reported', { instant: formatterFor(lang).instant(issue.created, timeZone) })}`;
}
