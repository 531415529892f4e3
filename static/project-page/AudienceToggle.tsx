import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { useT } from '../shared/i18n/I18nProvider';
import type { Audience } from './report-payload';

const AUDIENCES: readonly Audience[] = ['internal', 'client'];

/**
 * A two-option segmented control: a labelled group of toggle buttons, the current one
 * `aria-pressed`. Buttons keep the usual Tab order and Enter/Space activation.
 */
export function AudienceToggle({ audience, onChange }: { audience: Audience; onChange: (audience: Audience) => void }) {
  const t = useT(REPORT_MESSAGES);
  return (
    <div role="group" aria-label={t('report.audience')} className="cf-segmented" data-testid="audience-toggle">
      {AUDIENCES.map((option) => (
        <button
          key={option}
          type="button"
          className="cf-segment"
          aria-pressed={option === audience}
          data-testid={`audience-${option}`}
          onClick={() => {
            onChange(option);
          }}
        >
          {t(`report.audience.${option}`)}
        </button>
      ))}
    </div>
  );
}
