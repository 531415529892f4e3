import { useId, useState, type ReactNode } from 'react';
import type { ErrorCode } from '../../../contract/errors';
import { REGISTER_RISK_STATUSES, RISK_RATINGS, toRiskLevel, type RegisterRiskJson } from '../../../contract/risks';
import { useBackend } from '../../shared/BackendProvider';
import { errorFor, toRiskField, toRiskInput, type RiskDraft, type RiskErrorKey, type RiskErrors, type RiskField } from './risk-drafts';
import { useRiskT } from './use-risk-messages';

const inputId = (field: string) => `cf-risk-${field}`;
const errorId = (field: string) => `cf-risk-${field}-error`;

function Field({
  field,
  label,
  error,
  hint,
  children,
}: {
  field: RiskField;
  label: string;
  error: RiskErrorKey | undefined;
  hint?: string;
  children: ReactNode;
}) {
  const t = useRiskT();
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={inputId(field)}>
        {label}
      </label>
      {children}
      {hint !== undefined && <p className="cf-hint">{hint}</p>}
      {error !== undefined && (
        <p id={errorId(field)} className="cf-error-text" data-testid={`risk-error-${field}`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

const fieldProps = (field: RiskField, error: RiskErrorKey | undefined) => ({
  id: inputId(field),
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? errorId(field) : undefined,
  'data-testid': `risk-${field}`,
});

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'failed'; code: ErrorCode };

/**
 * Creates or edits a risk. Fields are checked with the contract's schema before the call and
 * the server's field errors land beside their fields; a stale revision says so and offers to
 * reload the stored risk, so no edit is silently lost.
 */
export function RiskEditor({
  initial,
  revision,
  onSaved,
  onCancel,
  onReload,
}: {
  initial: RiskDraft;
  /** 0 for a new risk. */
  revision: number;
  onSaved: (risk: RegisterRiskJson) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useRiskT();
  const backend = useBackend();
  const headingId = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<RiskErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set = <F extends keyof RiskDraft>(field: F, value: RiskDraft[F]) => {
    setDraft((old) => ({ ...old, [field]: value }));
  };
  const score = Number(draft.probability) * Number(draft.impact);

  const submit = async () => {
    const checked = toRiskInput(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setState({ kind: 'saving' });
    const answer = await backend.call('risks/save', { risk: checked.input, revision });
    if (answer.ok) {
      setState({ kind: 'idle' });
      onSaved(answer.data.risk);
      return;
    }
    if (answer.error.code === 'CONFLICT') {
      setState({ kind: 'conflict' });
      return;
    }
    if (answer.error.code === 'INVALID_PAYLOAD' && answer.error.fields) {
      const next: RiskErrors = {};
      for (const f of answer.error.fields) {
        const field = toRiskField(f.path);
        if (field) next[field] = errorFor(field);
      }
      setErrors(next);
    }
    setState({ kind: 'failed', code: answer.error.code });
  };

  return (
    <form
      className="cf-risks-editor"
      aria-labelledby={headingId}
      data-testid="risk-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id={headingId}>{revision === 0 ? t('riskRegister.editor.newHeading') : t('riskRegister.editor.editHeading')}</h4>
      <Field field="title" label={t('riskRegister.editor.title')} error={errors.title}>
        <input
          className="cf-input"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          {...fieldProps('title', errors.title)}
        />
      </Field>
      <div className="cf-risks-grid">
        <Field field="probability" label={t('riskRegister.editor.probability')} error={errors.probability}>
          <select
            className="cf-select"
            value={draft.probability}
            onChange={(e) => set('probability', e.target.value)}
            {...fieldProps('probability', errors.probability)}
          >
            {RISK_RATINGS.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field field="impact" label={t('riskRegister.editor.impact')} error={errors.impact}>
          <select
            className="cf-select"
            value={draft.impact}
            onChange={(e) => set('impact', e.target.value)}
            {...fieldProps('impact', errors.impact)}
          >
            {RISK_RATINGS.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field field="status" label={t('riskRegister.editor.status')} error={errors.status}>
          <select
            className="cf-select"
            value={draft.status}
            onChange={(e) => {
              const status = REGISTER_RISK_STATUSES.find((s) => s === e.target.value);
              if (status) set('status', status);
            }}
            {...fieldProps('status', errors.status)}
          >
            {REGISTER_RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`riskRegister.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p className="cf-risks-meta" data-testid="risk-editor-score" aria-live="polite">
        {t('riskRegister.editor.score', { score, level: t(`riskRegister.level.${toRiskLevel(score)}`) })}
      </p>
      <div className="cf-risks-grid">
        <Field field="ownerName" label={t('riskRegister.editor.owner')} error={errors.ownerName}>
          <input
            className="cf-input"
            value={draft.ownerName}
            onChange={(e) => set('ownerName', e.target.value)}
            {...fieldProps('ownerName', errors.ownerName)}
          />
        </Field>
        <Field field="due" label={t('riskRegister.editor.due')} error={errors.due}>
          <input
            className="cf-input"
            type="date"
            value={draft.due}
            onChange={(e) => set('due', e.target.value)}
            {...fieldProps('due', errors.due)}
          />
        </Field>
        <Field field="linkedIssueKeys" label={t('riskRegister.editor.linked')} error={errors.linkedIssueKeys}>
          <input
            className="cf-input"
            value={draft.linkedIssueKeys}
            onChange={(e) => set('linkedIssueKeys', e.target.value)}
            {...fieldProps('linkedIssueKeys', errors.linkedIssueKeys)}
          />
        </Field>
      </div>
      <Field field="mitigation" label={t('riskRegister.editor.mitigation')} error={errors.mitigation}>
        <textarea
          className="cf-input cf-textarea"
          rows={2}
          value={draft.mitigation}
          onChange={(e) => set('mitigation', e.target.value)}
          {...fieldProps('mitigation', errors.mitigation)}
        />
      </Field>
      <Field field="trigger" label={t('riskRegister.editor.trigger')} error={errors.trigger}>
        <input
          className="cf-input"
          value={draft.trigger}
          onChange={(e) => set('trigger', e.target.value)}
          {...fieldProps('trigger', errors.trigger)}
        />
      </Field>
      <Field field="description" label={t('riskRegister.editor.description')} error={errors.description}>
        <textarea
          className="cf-input cf-textarea"
          rows={2}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          {...fieldProps('description', errors.description)}
        />
      </Field>
      <label className="cf-choice" htmlFor={inputId('clientVisible')}>
        <input
          id={inputId('clientVisible')}
          type="checkbox"
          checked={draft.clientVisible}
          data-testid="risk-clientVisible"
          onChange={(e) => set('clientVisible', e.target.checked)}
        />
        <span>{t('riskRegister.editor.clientVisible')}</span>
      </label>
      {(draft.clientVisible || draft.clientWording !== '') && (
        <Field
          field="clientWording"
          label={t('riskRegister.editor.clientWording')}
          error={errors.clientWording}
          hint={t('riskRegister.editor.clientWordingHint')}
        >
          <textarea
            className="cf-input cf-textarea"
            rows={2}
            value={draft.clientWording}
            onChange={(e) => set('clientWording', e.target.value)}
            {...fieldProps('clientWording', errors.clientWording)}
          />
        </Field>
      )}
      {state.kind === 'conflict' && (
        <div role="alert" className="cf-message" data-testid="risk-conflict">
          <p>{t('riskRegister.error.conflict')}</p>
          <button type="button" className="cf-button" onClick={onReload}>
            {t('riskRegister.reload')}
          </button>
        </div>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="cf-error-text" data-testid="risk-save-error">
          {Object.keys(errors).length > 0 ? t('riskRegister.error.invalid') : t(`error.${state.code}`)}
        </p>
      )}
      {Object.keys(errors).length > 0 && state.kind === 'idle' && (
        <p role="alert" className="cf-error-text">
          {t('riskRegister.error.invalid')}
        </p>
      )}
      <div className="cf-risks-actions">
        <button type="submit" className="cf-button cf-button-primary" disabled={state.kind === 'saving'} data-testid="risk-save">
          {state.kind === 'saving' ? t('riskRegister.editor.saving') : t('riskRegister.editor.save')}
        </button>
        <button type="button" className="cf-button" onClick={onCancel}>
          {t('riskRegister.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
