import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { StatusReportJson } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { AudienceToggle } from './AudienceToggle';
import { reportPayloadOf, type Audience } from './report-payload';
import { ReportView } from './ReportView';

/** The counts sentence: every issue the client does not see is accounted for, with its reason. */
function countsKey(mode: StatusReportJson['clientVisibility']['mode'], hidden: number) {
  if (hidden === 0 || mode === 'all') return 'report.clientCounts' as const;
  return mode === 'types' ? ('report.clientCountsTypes' as const) : ('report.clientCountsMarked' as const);
}

/**
 * What the preview is, for the PM: how many issues the client sees and, when it is none, how
 * to show some (the hint comes with the internal report, in the page's language).
 */
function ClientBanner({ visibility }: { visibility: StatusReportJson['clientVisibility'] }) {
  const t = useT(REPORT_MESSAGES);
  const { formatCount } = useI18n();
  // Neither internal nor shown: left out by the visibility setting (not marked, or a type not chosen).
  const hidden = Math.max(0, visibility.total - visibility.shown - visibility.internal);
  return (
    <div
      data-testid="client-preview-banner"
      style={{
        display: 'grid',
        gap: token('space.050', '4px'),
        margin: `0 0 ${token('space.200', '16px')}`,
        padding: `${token('space.150', '12px')} ${token('space.200', '16px')}`,
        borderRadius: token('radius.small', '3px'),
        borderInlineStart: `4px solid ${token('color.border.discovery', '#AF59E1')}`,
        background: token('color.background.discovery', '#F8EEFE'),
        color: token('color.text', '#292A2E'),
      }}
    >
      <strong>{t('report.clientBanner')}</strong>
      <span>{t('report.clientBannerBody')}</span>
      <span data-testid="client-visibility-counts">
        {t(countsKey(visibility.mode, hidden), {
          shown: formatCount(visibility.shown),
          total: formatCount(visibility.total),
          internal: formatCount(visibility.internal),
          hidden: formatCount(hidden),
        })}
      </span>
      {visibility.hint !== null && (
        <strong data-testid="client-visibility-hint" role="note">
          {visibility.hint}
        </strong>
      )}
    </div>
  );
}

/** The client version, fetched when the preview opens (and again each time it reopens). */
function ClientPreview() {
  const { locale } = useI18n();
  const t = useT(REPORT_MESSAGES);
  const { state, retry } = useResolver('project/report', reportPayloadOf('client', locale));
  switch (state.status) {
    case 'loading':
      return <LoadingState label={t('report.loading')} lines={6} />;
    case 'failed':
      return <ErrorState error={state.error} onRetry={retry} />;
    case 'ready':
      return <ReportView report={state.data} />;
  }
}

/**
 * The live draft report. The internal version arrives with the page (it also feeds the
 * health tiles); "Client preview" asks for the client version, under a banner saying so.
 */
export function DraftReportPanel({
  internal,
  initialAudience = 'internal',
  dataVersion = 0,
}: {
  internal: StatusReportJson;
  initialAudience?: Audience;
  /** Changes when the project's snapshot does; an open client preview then fetches again. */
  dataVersion?: number;
}) {
  const t = useT(REPORT_MESSAGES);
  const headingId = useId();
  const [audience, setAudience] = useState<Audience>(initialAudience);
  return (
    <section aria-labelledby={headingId} data-testid="draft-report" style={{ marginTop: token('space.400', '32px') }}>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: token('space.200', '16px'),
          marginBottom: token('space.200', '16px'),
        }}
      >
        <h2 id={headingId} style={{ margin: 0, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
          {t('report.heading')}
        </h2>
        <AudienceToggle audience={audience} onChange={setAudience} />
      </div>
      <div aria-live="polite">{audience === 'client' && <ClientBanner visibility={internal.clientVisibility} />}</div>
      {audience === 'client' ? <ClientPreview key={dataVersion} /> : <ReportView report={internal} />}
    </section>
  );
}
