import { OVERVIEW_MESSAGES } from '../../contract/i18n/overview-messages';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { ProjectOverview } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { TokenLozenge } from '../shared/TokenLozenge';
import { toStatusTiles } from './to-status-tiles';

const tileStyle: CSSProperties = {
  display: 'grid',
  gap: token('space.050', '4px'),
  minWidth: '8rem',
  padding: token('space.200', '16px'),
  borderRadius: token('radius.medium', '6px'),
  background: token('elevation.surface.raised', '#FFFFFF'),
  boxShadow: token('elevation.shadow.raised', '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214f'),
};
const metricStyle: CSSProperties = { font: token('font.metric.large', 'normal 653 28px/32px sans-serif') };
const labelStyle: CSSProperties = { color: token('color.text.subtle', '#505258') };
const subheadingStyle: CSSProperties = {
  margin: `${token('space.300', '24px')} 0 ${token('space.100', '8px')}`,
  font: token('font.heading.small', 'normal 653 16px/20px sans-serif'),
};
const plainList: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

/** The Overview section for loaded data. Stateless, so it renders the same in tests. */
export function OverviewView({
  overview,
  showMilestones = true,
}: {
  overview: ProjectOverview;
  /** False where the page shows the milestones elsewhere (the Overview's milestone table). */
  showMilestones?: boolean;
}) {
  const { formatCount, formatDay } = useI18n();
  const t = useT(OVERVIEW_MESSAGES);
  return (
    <>
      <h2 style={{ margin: `0 0 ${token('space.200', '16px')}`, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
        {overview.project.name}{' '}
        <span style={{ ...labelStyle, font: token('font.body', 'normal 400 14px/20px sans-serif') }}>({overview.project.key})</span>
      </h2>

      <ul aria-label={t('overview.byStatus')} style={{ ...plainList, display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
        <li style={tileStyle}>
          <span style={metricStyle} data-testid="overview-total">
            {formatCount(overview.total)}
          </span>
          <span style={labelStyle}>{t('overview.total')}</span>
        </li>
        {toStatusTiles(overview.counts).map(({ category, count }) => (
          <li key={category} style={tileStyle}>
            <span style={metricStyle} data-testid={`count-${category}`}>
              {formatCount(count)}
            </span>
            <span style={labelStyle}>{t(`statusCategory.${category}`)}</span>
          </li>
        ))}
      </ul>

      {showMilestones && (
        <h3 id="cf-milestones-heading" style={subheadingStyle}>
          {t('overview.milestones')}
        </h3>
      )}
      {!showMilestones ? null : overview.milestones.length === 0 ? (
        <p data-testid="milestone-list-empty" style={{ ...labelStyle, margin: 0 }}>
          {t('overview.noMilestones')}
        </p>
      ) : (
        <ul aria-labelledby="cf-milestones-heading" data-testid="milestone-list" style={plainList}>
          {overview.milestones.map((milestone) => (
            <li
              key={milestone.id}
              data-testid="milestone"
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                gap: token('space.100', '8px'),
                padding: `${token('space.100', '8px')} 0`,
                borderBottom: `1px solid ${token('color.border', '#0B120E24')}`,
              }}
            >
              <span style={{ fontWeight: token('font.weight.medium', '500') }}>{milestone.name}</span>
              <span style={labelStyle}>
                {milestone.releaseDate === null ? (
                  t('milestone.noReleaseDate')
                ) : (
                  <time dateTime={milestone.releaseDate}>{formatDay(milestone.releaseDate)}</time>
                )}
              </span>
              {milestone.overdue && <TokenLozenge appearance="removed">{t('milestone.overdue')}</TokenLozenge>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
