import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, type CSSProperties } from 'react';
import { useI18n, useT } from '../shared/i18n/I18nProvider';

/**
 * The day the shown report speaks of (`YYYY-MM-DD`), so a due date can say it has passed.
 * Null outside a report: nothing is marked overdue then.
 */
export const ReportDayContext = createContext<string | null>(null);
export const useReportDay = () => useContext(ReportDayContext);

/** Danger text on the page's surface: meets 4.5:1 in both themes. */
const overdueStyle: CSSProperties = {
  color: token('color.text.danger', '#AE2E24'),
  fontWeight: token('font.weight.semibold', '600'),
};

/** "overdue by 86 days" in the danger colour: the words carry it, the colour repeats it. */
export function OverdueMark({ days, kind = 'due' }: { days: number; kind?: 'due' | 'target' }) {
  const { formatCount } = useI18n();
  const t = useT(SUMMARY_MESSAGES);
  const text =
    kind === 'due'
      ? days === 1
        ? t('overdue.byOne')
        : t('overdue.by', { days: formatCount(days) })
      : days === 1
        ? t('overdue.targetPassedOne')
        : t('overdue.targetPassed', { days: formatCount(days) });
  return (
    <span style={overdueStyle} data-testid="overdue-mark" data-days={days}>
      {text}
    </span>
  );
}
