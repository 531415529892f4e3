import { SUPPORT_MESSAGES } from '../../../contract/i18n/support-messages';
import type { StatusReportJson } from '../../../contract';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import { SupportSummary } from './SupportSummary';

/** The panel lists this many overdue issues; the report's section lists them all. */
const PANEL_OVERDUE = 5;

/**
 * The Overview's support panel (issue 13): in the support phase, client-reported issues against
 * the response and resolution targets, from the internal draft report; nothing outside support.
 */
export function SupportPanel({ report }: { report: StatusReportJson }) {
  const t = useT(SUPPORT_MESSAGES);
  const headingId = useId();
  const section = report.sections.support;
  if (section === undefined) return null;
  return (
    <section aria-labelledby={headingId} data-testid="support-panel" style={{ marginBottom: token('space.400', '32px') }}>
      <h2
        id={headingId}
        style={{ margin: `0 0 ${token('space.150', '12px')}`, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}
      >
        {t('support.heading')}
      </h2>
      <SupportSummary section={section} lang={report.lang} overdueHeading="h3" limit={PANEL_OVERDUE} />
    </section>
  );
}
