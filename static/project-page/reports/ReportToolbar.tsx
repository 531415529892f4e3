import { useId } from 'react';
import type { Language } from '../../../contract';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import { LANGUAGES } from '../../../contract/language';
import { useT } from '../../shared/i18n/I18nProvider';
import { AudienceToggle } from '../AudienceToggle';
import type { Audience } from '../report-payload';

/**
 * A published report's toolbar, for status and closing reports alike: the audience, the
 * language, and the downloads (Markdown, HTML, `.eml`); "Copy as e-mail" where the viewer offers it.
 */
export function ReportToolbar({
  audience,
  onAudience,
  lang,
  onLang,
  onExport,
  onEmail,
  onCopy,
}: {
  audience: Audience;
  onAudience: (audience: Audience) => void;
  lang: Language;
  onLang: (lang: Language) => void;
  onExport: (format: 'markdown' | 'html') => void;
  onEmail: () => void;
  onCopy?: () => void;
}) {
  const t = useT(REPORTS_MESSAGES);
  const languageId = useId();
  return (
    <div className="cf-reports-toolbar">
      <AudienceToggle audience={audience} onChange={onAudience} />
      <label htmlFor={languageId}>{t('reports.viewer.language')}</label>
      <select
        id={languageId}
        className="cf-select"
        value={lang}
        onChange={(event) => {
          onLang(event.target.value === 'zh-CN' ? 'zh-CN' : 'en');
        }}
        data-testid="reports-lang"
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option}>
            {t(`reports.lang.${option}`)}
          </option>
        ))}
      </select>
      <button type="button" className="cf-button" onClick={() => onExport('markdown')} data-testid="reports-export-markdown">
        {t('reports.viewer.markdown')}
      </button>
      <button type="button" className="cf-button" onClick={() => onExport('html')} data-testid="reports-export-html">
        {t('reports.viewer.html')}
      </button>
      <button type="button" className="cf-button" onClick={onEmail} data-testid="reports-export-email">
        {t('reports.viewer.email')}
      </button>
      {onCopy !== undefined && (
        <button type="button" className="cf-button" onClick={onCopy} data-testid="reports-copy-email">
          {t('reports.viewer.copyEmail')}
        </button>
      )}
    </div>
  );
}
