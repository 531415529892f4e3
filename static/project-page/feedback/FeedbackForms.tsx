import { useState, type SyntheticEvent } from 'react';
import type { AppErrorJson } from '../../../contract';
import type { StakeholderJson } from '../../../contract/comms';
import type { ImportResultJson } from '../../../contract/feedback';
import { useBackend } from '../../shared/BackendProvider';
import { SelectInput, TextArea, TextInput } from './FeedbackFields';
import {
  newFeedbackDraft,
  parseFeedbackDraft,
  toServerFieldErrors,
  type FeedbackDraft,
  type FeedbackField,
  type FieldErrors,
} from './feedback-drafts';
import { useFeedbackT } from './use-feedback-messages';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** The PM's entry of feedback heard in an interview or a meeting. */
export function FeedbackForm({
  stakeholders,
  onSaved,
  onCancel,
}: {
  stakeholders: readonly StakeholderJson[];
  onSaved: (complaint: boolean) => void;
  onCancel: () => void;
}) {
  const t = useFeedbackT();
  const backend = useBackend();
  const [draft, setDraft] = useState<FeedbackDraft>(() => newFeedbackDraft(globalThis.crypto.randomUUID()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<FeedbackField>>({});
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const checked = parseFeedbackDraft(draft);
  const errors = { ...(tried && !checked.ok ? checked.errors : {}), ...serverErrors };
  const set = (key: keyof FeedbackDraft) => (value: string) => {
    setServerErrors({});
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (!checked.ok) return;
    setBusy(true);
    setFailure(null);
    void backend.call('feedback/add', checked.payload).then((answer) => {
      setBusy(false);
      if (answer.ok) {
        onSaved(answer.data.entry.complaint !== null);
        return;
      }
      const fieldErrors = toServerFieldErrors(answer.error, ['rating', 'nps', 'comment', 'stakeholderId'] as const);
      if (Object.keys(fieldErrors).length > 0) setServerErrors(fieldErrors);
      else setFailure(answer.error);
    });
  };
  return (
    <form className="cf-feedback-editor" noValidate onSubmit={submit} data-testid="feedback-form" aria-label={t('feedback.form.heading')}>
      <div className="cf-feedback-grid">
        <SelectInput
          id="rating"
          label={t('feedback.form.rating')}
          value={draft.rating}
          error={errors.rating}
          options={[{ value: '', label: '—' }, ...RATINGS.map((r) => ({ value: r, label: r }))]}
          onChange={set('rating')}
        />
        <TextInput id="nps" label={t('feedback.form.nps')} value={draft.nps} inputMode="numeric" error={errors.nps} onChange={set('nps')} />
        <SelectInput
          id="source"
          label={t('feedback.form.source')}
          value={draft.source}
          options={(['meeting', 'pm'] as const).map((s) => ({ value: s, label: t(`feedback.source.${s}`) }))}
          onChange={set('source')}
        />
        <SelectInput
          id="stakeholder"
          label={t('feedback.form.stakeholder')}
          value={draft.stakeholderId}
          error={errors.stakeholderId}
          options={[{ value: '', label: t('feedback.form.noStakeholder') }, ...stakeholders.map((s) => ({ value: s.id, label: s.name }))]}
          onChange={set('stakeholderId')}
        />
      </div>
      <TextArea id="comment" label={t('feedback.form.comment')} value={draft.comment} error={errors.comment} onChange={set('comment')} />
      {failure && (
        <p className="cf-error-text" role="alert" data-testid="feedback-form-failed">
          {t('feedback.form.failed', { reason: t(`error.${failure.code}`) })}
        </p>
      )}
      <div className="cf-actions">
        <button type="submit" className="cf-button cf-button-primary" disabled={busy} data-testid="feedback-save">
          {t('feedback.form.save')}
        </button>
        <button type="button" className="cf-button cf-button-subtle" onClick={onCancel}>
          {t('feedback.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A survey CSV, read in the browser and sent whole: the server checks every row before writing any. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const t = useFeedbackT();
  const backend = useBackend();
  const [csv, setCsv] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResultJson | null>(null);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const run = () => {
    if (csv === null) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    void backend.call('feedback/import', { csv }).then((answer) => {
      setBusy(false);
      if (!answer.ok) {
        setFailure(answer.error);
        return;
      }
      setResult(answer.data);
      if (answer.data.status === 'imported') onImported();
    });
  };
  return (
    <section className="cf-group" aria-labelledby="cf-fb-import">
      <h3 id="cf-fb-import">{t('feedback.import.heading')}</h3>
      <p className="cf-hint">{t('feedback.import.hint')}</p>
      <div className="cf-field">
        <label className="cf-label" htmlFor="cf-fb-import-file">
          {t('feedback.import.file')}
        </label>
        <input
          id="cf-fb-import-file"
          type="file"
          accept=".csv,text/csv"
          data-testid="feedback-import-file"
          onChange={(event) => {
            setResult(null);
            const file = event.target.files?.[0];
            if (!file) {
              setCsv(null);
              return;
            }
            void file.text().then(setCsv);
          }}
        />
      </div>
      <div className="cf-actions">
        <button type="button" className="cf-button" disabled={csv === null || busy} onClick={run} data-testid="feedback-import-run">
          {t('feedback.import.run')}
        </button>
      </div>
      {failure && (
        <p className="cf-error-text" role="alert">
          {t(`error.${failure.code}`)}
        </p>
      )}
      <div role="status">
        {result?.status === 'imported' && (
          <p className="cf-feedback-notice" data-testid="feedback-import-done">
            {t('feedback.import.done', { created: result.created, existing: result.existing, complaints: result.complaints })}
          </p>
        )}
      </div>
      {result?.status === 'rejected' && (
        <div data-testid="feedback-import-errors">
          <p className="cf-error-text" role="alert">
            {t('feedback.import.rejected')}
          </p>
          <div className="cf-feedback-scroll">
            <table className="cf-table">
              <thead>
                <tr>
                  <th scope="col">{t('feedback.import.row')}</th>
                  <th scope="col">{t('feedback.import.column')}</th>
                  <th scope="col">{t('feedback.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={`${String(e.row)}-${e.field ?? ''}-${e.code}`} data-testid={`feedback-import-error-${String(e.row)}`}>
                    <td>{e.row === 0 ? t('feedback.import.wholeFile') : e.row}</td>
                    <td>{e.field ?? '—'}</td>
                    <td>{t(`feedback.import.err.${e.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
