/**
 * The commitments to the client (DESIGN.md §5.7, issue 13): what the settings' green thresholds
 * of each enabled health dimension, the engagement's quality standards and its support targets
 * promise, one sentence each, in the client's language. Pure; nothing internal (no issue key, no
 * signal, no amber or red bound, no budget).
 *
 * Each sentence says what keeps its measure green (`assess-health`): slip, scope creep, top bugs
 * and effort are green at or below their threshold; the overdue and reopened shares below it;
 * satisfaction at or above it; communication when no touchpoint is late.
 */
import type { EngagementJson } from '../engagement';
import type { Language } from '../language';
import type { ProjectSettingsJson } from '../settings';
import { COMMITMENT_MESSAGES } from './commitment-messages';
import { formatterFor } from './format';
import { translator } from './strings';

export const COMMITMENT_GROUPS = ['kpi', 'quality', 'support'] as const;
export type CommitmentGroup = (typeof COMMITMENT_GROUPS)[number];

/** What a commitment comes from: a measure's threshold, a quality standard (by its id) or a support target. */
export type CommitmentSource =
  | 'slip'
  | 'overdue'
  | 'creep'
  | 'topBugs'
  | 'reopen'
  | 'effort'
  | 'csat'
  | 'complaint'
  | 'comms'
  | 'response'
  | 'resolution'
  | `standard:${string}`;

export interface Commitment {
  group: CommitmentGroup;
  source: CommitmentSource;
  text: string;
}

type CommitmentSettings = Pick<ProjectSettingsJson, 'thresholds' | 'disabledDimensions'>;
type CommitmentEngagement = Pick<EngagementJson, 'qualityStandards' | 'support'>;

/**
 * The commitments in a fixed order: targets (by dimension, as the health lists them), quality
 * standards (as the PM listed them), support (response, then resolution). An engagement of null
 * (none recorded) gives the targets only.
 */
export function describeCommitments(settings: CommitmentSettings, engagement: CommitmentEngagement | null, lang: Language): Commitment[] {
  const t = translator(lang, COMMITMENT_MESSAGES);
  const f = formatterFor(lang);
  const th = settings.thresholds;
  const on = (d: ProjectSettingsJson['disabledDimensions'][number]) => !settings.disabledDimensions.includes(d);
  const out: Commitment[] = [];
  const kpi = (source: CommitmentSource, text: string) => out.push({ group: 'kpi', source, text });
  const plural = (base: string, n: number, key: 'days' | 'count' | 'hours' | 'max', extra: Record<string, string> = {}) =>
    t((n === 1 ? `${base}.one` : base) as Parameters<typeof t>[0], { [key]: f.num(n), ...extra });

  if (on('schedule')) {
    const d = th.slipGreenDays;
    kpi(
      'slip',
      d === 0
        ? t('commitments.slip.onTime')
        : d > 0
          ? plural('commitments.slip.late', d, 'days')
          : plural('commitments.slip.early', -d, 'days'),
    );
    // Green when the share is below the threshold: with 0, no overdue issue keeps it green either way.
    kpi('overdue', th.overdueGreen === 0 ? t('commitments.overdue.none') : t('commitments.overdue', { share: f.pct(th.overdueGreen) }));
  }
  if (on('scope')) {
    kpi('creep', th.creepGreen === 0 ? t('commitments.creep.none') : t('commitments.creep', { share: f.pct(th.creepGreen) }));
  }
  if (on('quality')) {
    kpi('topBugs', th.topBugsGreen === 0 ? t('commitments.topBugs.none') : plural('commitments.topBugs', th.topBugsGreen, 'count'));
    const days = f.num(th.reopenWindowDays);
    kpi(
      'reopen',
      th.reopenGreen === 0 ? t('commitments.reopen.none', { days }) : t('commitments.reopen', { share: f.pct(th.reopenGreen), days }),
    );
  }
  if (on('cost')) {
    kpi('effort', th.effortGreen === 0 ? t('commitments.effort.exact') : t('commitments.effort', { share: f.pct(th.effortGreen) }));
  }
  if (on('satisfaction')) {
    kpi('csat', t('commitments.csat', { rating: f.num(th.csatGreen) }));
    kpi('complaint', plural('commitments.complaint', th.complaintDueDays, 'days', { rating: f.num(th.complaintRatingMax) }));
  }
  if (on('communication')) kpi('comms', t('commitments.comms'));

  for (const standard of engagement?.qualityStandards ?? []) {
    const source: CommitmentSource = `standard:${standard.id}`;
    const text =
      standard.kind === 'text'
        ? standard.text
        : standard.kind === 'max-open-bugs'
          ? standard.max === 0
            ? t('commitments.standard.max-open-bugs.none')
            : plural('commitments.standard.max-open-bugs', standard.max, 'max')
          : t('commitments.standard.no-open-bugs-at-priority', { priorities: standard.priorities.join(lang === 'zh-CN' ? '、' : ', ') });
    out.push({ group: 'quality', source, text });
  }
  const support = engagement?.support ?? null;
  if (support !== null) {
    out.push({ group: 'support', source: 'response', text: plural('commitments.support.response', support.responseHours, 'hours') });
    out.push({ group: 'support', source: 'resolution', text: plural('commitments.support.resolution', support.resolutionHours, 'hours') });
  }
  return out;
}
