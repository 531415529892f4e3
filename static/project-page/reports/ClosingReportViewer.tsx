import { useMemo, useState } from 'react';
import type { Language, PayloadOf } from '../../../contract';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import type { PublishedReportHead } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { downloadText } from '../../shared/download';
import { ErrorState } from '../../shared/ErrorState';
import { I18nProvider, useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';
import { ClosingReportView } from '../engagement/ClosingReportView';
import { ReportToolbar } from './ReportToolbar';
import type { Audience } from '../report-payload';

/** The "Closing report" label the history shows beside the closing report's row. */
export function ClosingReportLabel() {
  const t = useT(CLOSING_MESSAGES);
  return <TokenLozenge appearance="success">{t('closing.report.label')}</TokenLozenge>;
}

/** The published closing report in either audience and language, with the same exports as a status report. */
export function ClosingReportViewer({ head, onClose }: { head: PublishedReportHead; onClose: () => void }) {
  const t = useT(REPORTS_MESSAGES, CLOSING_MESSAGES);
  const { locale, formatInstant } = useI18n();
  const backend = useBackend();
  const [audience, setAudience] = useState<Audience>('internal');
  const [lang, setLang] = useState<Language>(locale);
  const [exportFailed, setExportFailed] = useState(false);
  const [emailNote, setEmailNote] = useState<string | null>(null);
  const payload = useMemo<PayloadOf<'closing/get'>>(() => ({ audience }), [audience]);
  const { state, retry } = useResolver('closing/get', payload);
  const heading = `${t('closing.report.label')} — ${t('reports.viewer.heading', { version: String(head.version), time: formatInstant(head.publishedAt) })}`;

  const exportAs = (format: 'markdown' | 'html') => {
    setExportFailed(false);
    void backend.call('report/export', { id: head.id, audience, lang, format }).then((answer) => {
      if (answer.ok) downloadText(answer.data.filename, answer.data.text, answer.data.mediaType);
      else setExportFailed(true);
    });
  };
  const emailIt = () => {
    setExportFailed(false);
    void backend.call('report/email', { id: head.id, audience, lang }).then((answer) => {
      if (!answer.ok) {
        setExportFailed(true);
        return;
      }
      const count = answer.data.recipients.length;
      setEmailNote(count === 0 ? t('reports.viewer.emailNobody') : t('reports.viewer.emailTo', { count: String(count) }));
      downloadText(answer.data.filename, answer.data.text, 'message/rfc822');
    });
  };

  return (
    <section data-testid="reports-viewer" data-kind="closing" aria-label={heading}>
      <button type="button" className="cf-button cf-button-subtle" onClick={onClose}>
        {t('reports.viewer.close')}
      </button>
      <h2>{heading}</h2>
      <ReportToolbar audience={audience} onAudience={setAudience} lang={lang} onLang={setLang} onExport={exportAs} onEmail={emailIt} />
      {emailNote !== null && (
        <p role="status" className="cf-hint" data-testid="reports-email-note">
          {emailNote}
        </p>
      )}
      {exportFailed && (
        <p role="alert" className="cf-error-text">
          {t('reports.viewer.exportFailed')}
        </p>
      )}
      {state.status === 'loading' && <LoadingState label={heading} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <I18nProvider forgeLocale={lang === 'zh-CN' ? 'zh_CN' : 'en_US'}>
          <div lang={lang} data-testid="reports-viewer-body">
            <ClosingReportView report={state.data.report} />
          </div>
        </I18nProvider>
      )}
    </section>
  );
}
