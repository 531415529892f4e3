import { useI18n } from '../../shared/i18n/I18nProvider';
import { browserTimeZone, formatInZone } from './comms-drafts';
import type { SeriesPreview as Preview } from './series-preview';
import { useCommsT } from './use-comms-messages';

/**
 * The series editor's live preview: the next five dates as the PM types, in the series' zone
 * and the PM's. While a date field does not validate, its error shows beside it and this says so.
 */
export function SeriesPreview({ preview, timeZone }: { preview: Preview; timeZone: string }) {
  const t = useCommsT();
  const { intlLocale } = useI18n();
  const mine = browserTimeZone();
  if (!preview.ok) {
    return (
      <p className="cf-hint" role="status" data-testid="comms-series-preview-invalid">
        {t('comms.series.previewInvalid')}
      </p>
    );
  }
  if (preview.occurrences.length === 0) {
    return (
      <p className="cf-hint" role="status" data-testid="comms-series-preview-none">
        {t('comms.series.previewNone')}
      </p>
    );
  }
  return (
    <div className="cf-comms-next" data-testid="comms-series-preview" aria-live="polite">
      <table>
        <caption>{t('comms.series.preview')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comms.series.inZone', { zone: timeZone })}</th>
            <th scope="col">{t('comms.series.inYourZone', { zone: mine })}</th>
          </tr>
        </thead>
        <tbody>
          {preview.occurrences.map((o) => (
            <tr key={o.at} data-at={o.at}>
              <td>{formatInZone(o.at, timeZone, intlLocale)}</td>
              <td>{formatInZone(o.at, mine, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
