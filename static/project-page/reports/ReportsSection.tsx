import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { AppErrorJson, Language, PayloadOf } from '../../../contract';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import type { PublishedReportHead } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { downloadText } from '../../shared/download';
import { copyEmail, type CopyOutcome } from './copy-email';
import { ErrorState } from '../../shared/ErrorState';
import { I18nProvider, useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { RagLozenge } from '../../shared/RagLozenge';
import { useResolver } from '../../shared/use-resolver';
import { DeliveryPanel, MailSettingsPanel } from './Delivery';
import { OverrideEditor } from './OverrideEditor';
import { ReportToolbar } from './ReportToolbar';
import { DraftEditor, DraftEditorStyles } from './DraftEditor';
import { NARRATIVE_MESSAGES } from '../../../contract/i18n/narrative-messages';
import { ReportPrintStyles } from './ReportPrintStyles';
import { ReportSchedule } from './ReportSchedule';
import { SettingsStyles } from '../settings/SettingsStyles';
import type { Audience } from '../report-payload';
import { ReportView } from '../ReportView';
import { ReportScopeContext } from '../report-scope';
import { ClosingReportLabel, ClosingReportViewer } from './ClosingReportViewer';

const DRAFT: PayloadOf<'project/report'> = { audience: 'internal' };
const PAGE_SIZE = 20;

function useReportsT() {
  return useT(REPORTS_MESSAGES, RAG_MESSAGES, COMMON_MESSAGES);
}

/** The live draft and the Publish button, with a confirmation that says what publishing keeps. */
function PublishCard({ canPublish, onPublished }: { canPublish: boolean; onPublished: (head: PublishedReportHead) => void }) {
  const t = useReportsT();
  const { formatInstant } = useI18n();
  const backend = useBackend();
  const { state, retry } = useResolver('project/report', DRAFT);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; version: number } | { kind: 'conflict' } | { kind: 'failed'; error: AppErrorJson } | null
  >(null);
  const [draftSaved, setDraftSaved] = useState(false);
  const tn = useT(NARRATIVE_MESSAGES);
  const titleId = useId();

  if (state.status === 'loading') return <LoadingState label={t('reports.publish.heading')} />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const draft = state.data;
  if (draft.audience !== 'internal') return null;
  const revision = draft.draftRevision;

  const publish = () => {
    if (revision === undefined) return;
    setBusy(true);
    void backend.call('report/publish', { draftRevision: revision }).then((answer) => {
      setBusy(false);
      setConfirming(false);
      if (answer.ok) {
        setOutcome({ kind: 'done', version: answer.data.version });
        onPublished(answer.data);
      } else if (answer.error.code === 'CONFLICT') {
        setOutcome({ kind: 'conflict' });
      } else {
        setOutcome({ kind: 'failed', error: answer.error });
      }
    });
  };
  const { computed, reported } = draft.overall;
  return (
    <section className="cf-reports-card" aria-labelledby={titleId} data-testid="reports-draft">
      <h3 id={titleId}>{t('reports.publish.heading')}</h3>
      <p className="cf-hint">{t('reports.publish.asOf', { time: formatInstant(draft.generatedAt) })}</p>
      <p data-testid="reports-draft-headline">{draft.overall.headline}</p>
      <p>
        <RagLozenge rag={reported} testId="reports-draft-rag" />{' '}
        {reported !== computed && (
          <span data-testid="reports-draft-override">
            {t('reports.publish.reportedVsComputed', { reported: t(`ragInline.${reported}`), computed: t(`ragInline.${computed}`) })}
            {draft.overall.overrideReason !== null && (
              <> · {t('reports.publish.overrideReason', { reason: draft.overall.overrideReason })}</>
            )}
          </span>
        )}
      </p>
      {outcome?.kind === 'done' && (
        <p role="status" className="cf-message" data-testid="reports-published">
          {t('reports.publish.done', { version: String(outcome.version) })}
        </p>
      )}
      {outcome?.kind === 'conflict' && (
        <div role="alert" className="cf-message" data-testid="reports-conflict">
          <p>{t('reports.publish.conflict')}</p>
          <button
            type="button"
            className="cf-button"
            onClick={() => {
              setOutcome(null);
              retry();
            }}
          >
            {t('reports.publish.reload')}
          </button>
        </div>
      )}
      {outcome?.kind === 'failed' && <ErrorState error={outcome.error} onRetry={publish} />}
      {canPublish && (
        <OverrideEditor
          computed={computed}
          onApplied={() => {
            setOutcome(null);
            retry();
          }}
        />
      )}
      {canPublish && (
        <DraftEditor
          onSaved={() => {
            setOutcome(null);
            setDraftSaved(true);
            retry();
          }}
        />
      )}
      {draftSaved && (
        <p role="status" className="cf-message" data-testid="draft-saved">
          {tn('narrative.editor.saved')}
        </p>
      )}
      <details className="cf-reports-review" data-testid="reports-review">
        <summary>{t('reports.publish.review')}</summary>
        <DraftPreview />
      </details>
      {!canPublish ? (
        <p className="cf-hint" data-testid="reports-read-only">
          {t('reports.publish.readOnly')}
        </p>
      ) : confirming ? (
        <div
          role="dialog"
          aria-modal="false"
          aria-labelledby={`${titleId}-confirm`}
          className="cf-reports-confirm"
          data-testid="reports-confirm"
        >
          <h4 id={`${titleId}-confirm`}>{t('reports.publish.confirmTitle')}</h4>
          <p>{t('reports.publish.confirmBody')}</p>
          <div className="cf-actions">
            <button
              type="button"
              className="cf-button cf-button-primary"
              disabled={busy}
              onClick={publish}
              data-testid="reports-confirm-publish"
            >
              {t('reports.publish.confirm')}
            </button>
            <button type="button" className="cf-button cf-button-subtle" disabled={busy} onClick={() => setConfirming(false)}>
              {t('reports.publish.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="cf-button cf-button-primary"
          disabled={revision === undefined}
          onClick={() => {
            setOutcome(null);
            setConfirming(true);
          }}
          data-testid="reports-publish"
        >
          {t('reports.publish.button')}
        </button>
      )}
    </section>
  );
}

/** The draft as each audience will read it, side by side (stacked on a narrow screen), to review before publishing. */
function DraftPreview() {
  const tn = useT(NARRATIVE_MESSAGES);
  return (
    <div className="cf-reports-preview cf-reports-side-by-side" data-testid="reports-previews">
      <AudiencePreview audience="internal" title={tn('narrative.preview.internal')} />
      <AudiencePreview audience="client" title={tn('narrative.preview.client')} />
    </div>
  );
}

function AudiencePreview({ audience, title }: { audience: Audience; title: string }) {
  const t = useReportsT();
  const id = useId();
  const payload = useMemo<PayloadOf<'project/report'>>(() => ({ audience }), [audience]);
  const { state, retry } = useResolver('project/report', payload);
  return (
    <section aria-labelledby={id} data-testid={`reports-preview-${audience}`}>
      <h4 id={id}>{title}</h4>
      {state.status === 'loading' && <LoadingState label={t('reports.publish.heading')} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <ReportScopeContext.Provider value={id}>
          <ReportView report={state.data} />
        </ReportScopeContext.Provider>
      )}
    </section>
  );
}

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; error: AppErrorJson }
  | { status: 'ready'; items: PublishedReportHead[]; cursor: string | null; canPublish: boolean };

/** Published reports, newest first, a page at a time. */
function useReportList(): { state: ListState; more: () => void; reload: () => void } {
  const backend = useBackend();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const load = useCallback(
    (cursor: string | null, keep: PublishedReportHead[]) => {
      void backend.call('report/list', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }).then((answer) => {
        setState(
          answer.ok
            ? { status: 'ready', items: [...keep, ...answer.data.items], cursor: answer.data.cursor, canPublish: answer.data.canPublish }
            : { status: 'failed', error: answer.error },
        );
      });
    },
    [backend],
  );
  useEffect(() => {
    load(null, []);
  }, [load]);
  return {
    state,
    more: () => {
      if (state.status === 'ready' && state.cursor) load(state.cursor, state.items);
    },
    // The list shown stays until the new one arrives, so the Publish card keeps its message.
    reload: () => {
      load(null, []);
    },
  };
}

function HistoryTable({ items, onOpen }: { items: readonly PublishedReportHead[]; onOpen: (head: PublishedReportHead) => void }) {
  const t = useReportsT();
  const { formatInstant, formatPeriod } = useI18n();
  return (
    <div className="cf-table-scroll">
      <table className="cf-table cf-table-stack" data-testid="reports-history">
        <thead>
          <tr>
            <th scope="col">{t('reports.history.version')}</th>
            <th scope="col">{t('reports.history.published')}</th>
            <th scope="col">{t('reports.history.period')}</th>
            <th scope="col">{t('reports.history.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((head) => (
            <tr key={head.id} data-testid={`reports-row-${String(head.version)}`}>
              <th scope="row" data-label={t('reports.history.version')}>
                <button type="button" className="cf-link-button" onClick={() => onOpen(head)}>
                  {t('reports.history.open', { version: String(head.version) })}
                </button>
                {head.kind === 'closing' && (
                  <>
                    {' '}
                    <ClosingReportLabel />
                  </>
                )}
              </th>
              <td data-label={t('reports.history.published')}>{formatInstant(head.publishedAt)}</td>
              <td data-label={t('reports.history.period')}>{formatPeriod(head.period.start, head.period.end)}</td>
              <td data-label={t('reports.history.status')}>
                <RagLozenge rag={head.overall.reported} />{' '}
                {head.overall.reported !== head.overall.computed &&
                  t('reports.publish.reportedVsComputed', {
                    reported: t(`rag.${head.overall.reported}`),
                    computed: t(`rag.${head.overall.computed}`),
                  })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One published report exactly as published, in either audience and language, with its exports. */
function ReportViewer({ head, canSend, onClose }: { head: PublishedReportHead; canSend: boolean; onClose: () => void }) {
  const t = useReportsT();
  const { locale, formatInstant } = useI18n();
  const backend = useBackend();
  const [audience, setAudience] = useState<Audience>('internal');
  const [lang, setLang] = useState<Language>(locale);
  const [exportFailed, setExportFailed] = useState(false);
  const payload = useMemo<PayloadOf<'report/get'>>(() => ({ id: head.id, audience, lang }), [head.id, audience, lang]);
  const { state, retry } = useResolver('report/get', payload);

  const [emailNote, setEmailNote] = useState<string | null>(null);
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

  const [copyNote, setCopyNote] = useState<{ outcome: CopyOutcome; subject: string } | null>(null);
  const copyIt = () => {
    setExportFailed(false);
    setCopyNote(null);
    void backend.call('report/email', { id: head.id, audience, lang }).then(async (answer) => {
      if (!answer.ok) {
        setExportFailed(true);
        return;
      }
      const { parts } = answer.data;
      setCopyNote({ outcome: await copyEmail(parts), subject: parts.subject });
    });
  };

  const exportAs = (format: 'markdown' | 'html') => {
    setExportFailed(false);
    void backend.call('report/export', { id: head.id, audience, lang, format }).then((answer) => {
      if (!answer.ok) {
        setExportFailed(true);
        return;
      }
      downloadText(answer.data.filename, answer.data.text, answer.data.mediaType);
    });
  };

  return (
    <section
      data-testid="reports-viewer"
      aria-label={t('reports.viewer.heading', { version: String(head.version), time: formatInstant(head.publishedAt) })}
    >
      <button type="button" className="cf-button cf-button-subtle" onClick={onClose}>
        {t('reports.viewer.close')}
      </button>
      <h3>{t('reports.viewer.heading', { version: String(head.version), time: formatInstant(head.publishedAt) })}</h3>
      <ReportToolbar
        audience={audience}
        onAudience={setAudience}
        lang={lang}
        onLang={setLang}
        onExport={exportAs}
        onEmail={emailIt}
        onCopy={copyIt}
      />
      {copyNote !== null && (
        <div role="status" className="cf-hint" data-testid="reports-copy-note" data-outcome={copyNote.outcome}>
          {copyNote.outcome === 'denied' ? (
            <>
              <p>{t('reports.viewer.copyDenied')}</p>
              <button type="button" className="cf-button" onClick={emailIt} data-testid="reports-copy-eml">
                {t('reports.viewer.email')}
              </button>
            </>
          ) : (
            <p>
              {t(copyNote.outcome === 'copied' ? 'reports.viewer.copied' : 'reports.viewer.copiedPlain', { subject: copyNote.subject })}
            </p>
          )}
        </div>
      )}
      <DeliveryPanel head={head} canSend={canSend} />
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
      {state.status === 'loading' && <LoadingState label={t('reports.viewer.heading', { version: String(head.version), time: '' })} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        // The report in the language chosen, labels and dates included, as its export reads.
        <I18nProvider forgeLocale={lang === 'zh-CN' ? 'zh_CN' : 'en_US'}>
          <div lang={lang} data-testid="reports-viewer-body">
            <ReportView report={state.data.report} publishedAt={state.data.head.publishedAt} />
          </div>
        </I18nProvider>
      )}
    </section>
  );
}

/** The Reports section (issue 11): publish the reviewed draft, the published history, a past report and its exports. */
export function ReportsSection() {
  const t = useReportsT();
  const list = useReportList();
  const [open, setOpen] = useState<PublishedReportHead | null>(null);
  const headingId = useId();
  if (open) {
    return (
      <div className="cf-reports">
        <SettingsStyles />
        <ReportsStyles />
        <ReportPrintStyles />
        {open.kind === 'closing' ? (
          <ClosingReportViewer head={open} onClose={() => setOpen(null)} />
        ) : (
          <ReportViewer head={open} canSend={list.state.status === 'ready' && list.state.canPublish} onClose={() => setOpen(null)} />
        )}
      </div>
    );
  }
  return (
    <div className="cf-reports" data-testid="reports-section">
      <SettingsStyles />
      <ReportsStyles />
      <DraftEditorStyles />
      <h2>{t('reports.heading')}</h2>
      <p className="cf-hint">{t('reports.intro')}</p>
      {list.state.status === 'ready' && <PublishCard canPublish={list.state.canPublish} onPublished={list.reload} />}
      <ReportSchedule />
      <MailSettingsPanel />
      <section aria-labelledby={headingId}>
        <h3 id={headingId}>{t('reports.history.heading')}</h3>
        {list.state.status === 'loading' && <LoadingState label={t('reports.history.heading')} />}
        {list.state.status === 'failed' && <ErrorState error={list.state.error} onRetry={list.reload} />}
        {list.state.status === 'ready' &&
          (list.state.items.length === 0 ? (
            <p className="cf-hint" data-testid="reports-empty">
              {t('reports.history.empty')}
            </p>
          ) : (
            <>
              <HistoryTable items={list.state.items} onOpen={setOpen} />
              {list.state.cursor !== null && (
                <button type="button" className="cf-button" onClick={list.more}>
                  {t('reports.history.more')}
                </button>
              )}
            </>
          ))}
      </section>
    </div>
  );
}

function ReportsStyles() {
  return (
    <style>{`
.cf-reports { display: grid; gap: ${token('space.200', '16px')}; }
.cf-reports > h2, .cf-reports > p { margin: 0; }
.cf-reports-card { display: grid; gap: ${token('space.100', '8px')}; padding: ${token('space.200', '16px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; }
.cf-reports-card > * { margin: 0; }
.cf-reports-card > button, .cf-reports-confirm .cf-actions { justify-self: start; }
.cf-reports-confirm { display: grid; gap: ${token('space.100', '8px')}; padding: ${token('space.150', '12px')}; border-inline-start: 4px solid ${token('color.border.warning', '#E06C00')}; background: ${token('color.background.warning', '#FFF5DB')}; color: ${token('color.text', '#292A2E')}; }
.cf-reports-confirm > * { margin: 0; }
.cf-reports-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')}; margin: ${token('space.100', '8px')} 0 ${token('space.200', '16px')}; }
.cf-reports-review summary { cursor: pointer; font-weight: 600; }
.cf-reports-preview { display: grid; gap: ${token('space.150', '12px')}; margin-top: ${token('space.150', '12px')}; }
.cf-reports-mail-form { display: grid; gap: ${token('space.100', '8px')}; max-width: 32rem; }
.cf-reports-deliveries { margin: 0; padding-inline-start: ${token('space.250', '20px')}; }
.cf-reports-deliveries li[data-state='rejected'], .cf-reports-deliveries li[data-state='failed'] { color: ${token('color.text.danger', '#AE2E24')}; }
.cf-reports-delivery { display: grid; gap: ${token('space.100', '8px')}; justify-items: start; margin: 0 0 ${token('space.300', '24px')}; }
.cf-reports-delivery > h4 { margin: 0; }
.cf-reports-toolbar select { width: auto; }
.cf-link-button { background: none; border: 0; padding: 0; font: inherit; color: ${token('color.link', '#1868DB')}; text-decoration: underline; cursor: pointer; }
`}</style>
  );
}
