import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { AppErrorJson } from '../../../contract';
import { PHASE_TRANSITIONS, type EngagementJson, type EngagementPhase, type EngagementView } from '../../../contract/engagement';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { ENGAGEMENT_MESSAGES } from '../../../contract/i18n/engagement-messages';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { createFieldKit } from '../../shared/form-fields';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';
import { CommsStyles } from '../comms/CommsStyles';
import { SettingsStyles } from '../settings/SettingsStyles';
import { CLOSING_PHASES, ClosingPanel } from './ClosingPanel';
import { AcceptancePart } from './AcceptancePart';
import { CommitmentsPart } from './CommitmentsPart';
import { ContactsPart } from './ContactsPart';
import {
  nextRowId,
  toEngagement,
  toEngagementFieldErrors,
  toEngagementForm,
  type EngagementErrorKey,
  type EngagementFieldErrors,
  type EngagementForm,
  type StandardForm,
} from './engagement-form';

function useEngagementT() {
  return useT(ENGAGEMENT_MESSAGES, COMMON_MESSAGES);
}

const { TextInput, TextArea, SelectInput, Checkbox } = createFieldKit<EngagementErrorKey>({
  inputPrefix: 'cf-engagement',
  testPrefix: 'engagement',
  useErrorText: () => {
    const t = useEngagementT();
    return (key) => t(key);
  },
});

const PHASE_APPEARANCE = {
  'kick-off': 'new',
  delivery: 'inprogress',
  acceptance: 'moved',
  support: 'default',
  closed: 'success',
} as const satisfies Record<EngagementPhase, string>;

const CSS = `
.cf-engagement-checklist { display: grid; gap: ${token('space.100', '8px')}; margin: 0; padding: 0; list-style: none; }
.cf-engagement-checklist li { display: flex; gap: ${token('space.100', '8px')}; align-items: baseline; overflow-wrap: anywhere; }
.cf-engagement-checklist [data-done="true"] .cf-engagement-mark { color: ${token('color.text.success', '#4C6B1F')}; }
.cf-engagement-checklist [data-done="false"] .cf-engagement-mark { color: ${token('color.text.warning', '#9E4C00')}; }
.cf-engagement-phase { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')}; margin: 0 0 ${token('space.150', '12px')}; }
.cf-engagement-milestones { display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')} ${token('space.200', '16px')}; }
`;

const NO_PAYLOAD = {};

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; error: AppErrorJson };

function Checklist({ refreshKey }: { refreshKey: number }) {
  const t = useEngagementT();
  const { formatCount } = useI18n();
  const { state, retry } = useResolver('engagement/checklist', NO_PAYLOAD);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    retry();
  }, [refreshKey, retry]);
  if (state.status === 'loading') return <LoadingState label={t('engagement.checklist.heading')} />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const items = state.data.items;
  return (
    <section className="cf-group" aria-labelledby="cf-engagement-checklist-heading" data-testid="engagement-checklist">
      <h3 id="cf-engagement-checklist-heading">{t('engagement.checklist.heading')}</h3>
      <p>
        {t('engagement.checklist.summary', { done: formatCount(items.filter((i) => i.done).length), total: formatCount(items.length) })}
      </p>
      <ul className="cf-engagement-checklist">
        {items.map(({ item, done }) => (
          <li key={item} data-done={done} data-testid={`engagement-checklist-${item}`}>
            <span className="cf-engagement-mark" aria-hidden="true">
              {done ? '✓' : '○'}
            </span>
            <span>
              {t(`engagement.checklist.${item}`)}
              <span className="cf-visually-hidden"> — {done ? t('engagement.checklist.done') : t('engagement.checklist.missing')}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PhasePanel({ view, onMove, busy }: { view: EngagementView; onMove: (phase: EngagementPhase) => void; busy: boolean }) {
  const t = useEngagementT();
  const [confirmClose, setConfirmClose] = useState(false);
  const phase = view.engagement.phase;
  const next = PHASE_TRANSITIONS[phase];
  return (
    <section className="cf-group" aria-labelledby="cf-engagement-phase-heading" data-testid="engagement-phase">
      <h3 id="cf-engagement-phase-heading">{t('engagement.phase.heading')}</h3>
      <p className="cf-engagement-phase">
        <TokenLozenge appearance={PHASE_APPEARANCE[phase]}>{t(`engagement.phase.${phase}`)}</TokenLozenge>
        <span data-testid="engagement-phase-current" data-phase={phase}>
          {t('engagement.phase.current', { phase: t(`engagement.phase.${phase}`) })}
        </span>
      </p>
      {next.length === 0 && <p>{t('engagement.phase.none')}</p>}
      {view.canEdit && next.length > 0 && (
        <div className="cf-message-actions">
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={`cf-button ${to === 'closed' ? 'cf-button-subtle' : ''}`}
              disabled={busy}
              data-testid={`engagement-move-${to}`}
              onClick={() => {
                if (to === 'closed') setConfirmClose(true);
                else onMove(to);
              }}
            >
              {t('engagement.phase.move', { phase: t(`engagement.phase.${to}`) })}
            </button>
          ))}
        </div>
      )}
      {confirmClose && (
        <div className="cf-message cf-confirm" data-appearance="warning" role="alert" data-testid="engagement-close-confirm">
          <p>{t('engagement.phase.closeConfirm')}</p>
          <div className="cf-message-actions">
            <button
              type="button"
              className="cf-button cf-button-primary"
              data-testid="engagement-close-yes"
              onClick={() => {
                setConfirmClose(false);
                onMove('closed');
              }}
            >
              {t('engagement.phase.closeYes')}
            </button>
            <button
              type="button"
              className="cf-button cf-button-subtle"
              onClick={() => {
                setConfirmClose(false);
              }}
            >
              {t('engagement.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function StandardRow({
  index,
  standard,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  standard: StandardForm;
  errors: EngagementFieldErrors;
  onChange: (next: StandardForm) => void;
  onRemove: () => void;
}) {
  const t = useEngagementT();
  const kinds = ['no-open-bugs-at-priority', 'max-open-bugs', 'text'] as const;
  return (
    <fieldset className="cf-comms-fieldset" data-testid={`engagement-standard-${String(index)}`}>
      <legend className="cf-legend">{t('engagement.standard.kind')}</legend>
      <SelectInput
        id={`standard-${String(index)}-kind`}
        label={t('engagement.standard.kind')}
        value={standard.kind}
        options={kinds.map((k) => ({ value: k, label: t(`engagement.standard.kind.${k}`) }))}
        onChange={(kind) => {
          onChange({ ...standard, kind: kinds.find((k) => k === kind) ?? standard.kind });
        }}
      />
      {standard.kind === 'no-open-bugs-at-priority' && (
        <TextInput
          id={`standard-${String(index)}-priorities`}
          label={t('engagement.standard.priorities')}
          value={standard.priorities}
          placeholder="Highest, High"
          error={errors[`standards.${String(index)}.priorities`]}
          onChange={(priorities) => {
            onChange({ ...standard, priorities });
          }}
        />
      )}
      {standard.kind === 'max-open-bugs' && (
        <TextInput
          id={`standard-${String(index)}-max`}
          label={t('engagement.standard.max')}
          value={standard.max}
          inputMode="numeric"
          error={errors[`standards.${String(index)}.max`]}
          onChange={(max) => {
            onChange({ ...standard, max });
          }}
        />
      )}
      {standard.kind === 'text' && (
        <TextInput
          id={`standard-${String(index)}-text`}
          label={t('engagement.standard.text')}
          value={standard.text}
          error={errors[`standards.${String(index)}.text`]}
          onChange={(text) => {
            onChange({ ...standard, text });
          }}
        />
      )}
      <div>
        <button
          type="button"
          className="cf-button cf-button-subtle"
          onClick={onRemove}
          data-testid={`engagement-standard-${String(index)}-remove`}
        >
          {t('engagement.standard.remove', { n: index + 1 })}
        </button>
      </div>
    </fieldset>
  );
}

function EngagementEditor({
  view,
  milestones,
  onSaved,
  onReload,
}: {
  view: EngagementView;
  milestones: readonly { id: string; name: string }[];
  onSaved: (view: EngagementView) => void;
  onReload: () => void;
}) {
  const t = useEngagementT();
  const { formatInstant } = useI18n();
  const backend = useBackend();
  const [form, setForm] = useState<EngagementForm>(() => toEngagementForm(view.engagement));
  const [errors, setErrors] = useState<EngagementFieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set =
    <K extends keyof EngagementForm>(key: K) =>
    (value: EngagementForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
    };

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = toEngagement(form, view.engagement);
    if (!checked.ok) {
      setErrors(checked.errors);
      setState({ kind: 'idle' });
      return;
    }
    setErrors({});
    setState({ kind: 'saving' });
    const answer = await backend.call('engagement/save', { engagement: checked.engagement, revision: view.revision });
    if (answer.ok) {
      setState({ kind: 'saved' });
      // The form shows what was stored (currency upper-cased, thousands read).
      setForm(toEngagementForm(answer.data.engagement));
      onSaved(answer.data);
      return;
    }
    if (answer.error.code === 'CONFLICT') setState({ kind: 'conflict' });
    else if (answer.error.code === 'INVALID_PAYLOAD' && answer.error.fields) {
      setErrors(toEngagementFieldErrors(answer.error.fields.map((f) => f.path)));
      setState({ kind: 'idle' });
    } else setState({ kind: 'failed', error: answer.error });
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="engagement-form">
      <fieldset className="cf-settings-fieldset" disabled={!view.canEdit}>
        <section className="cf-group" aria-labelledby="cf-engagement-client-heading">
          <h3 id="cf-engagement-client-heading">{t('engagement.client.heading')}</h3>
          <div className="cf-fields">
            <TextInput
              id="clientName"
              label={t('engagement.clientName')}
              value={form.clientName}
              error={errors.clientName}
              onChange={set('clientName')}
            />
            <TextArea id="scope" label={t('engagement.scope')} value={form.scope} error={errors.scope} onChange={set('scope')} />
            <Checkbox id="kpisAgreed" label={t('engagement.kpisAgreed')} checked={form.kpisAgreed} onChange={set('kpisAgreed')} />
            {form.kpisAgreed && view.engagement.kpisAgreedAt !== null && (
              <p className="cf-hint" data-testid="engagement-kpis-agreed-on">
                {t('engagement.kpisAgreedOn', { date: formatInstant(view.engagement.kpisAgreedAt) })}
              </p>
            )}
          </div>
        </section>

        <section className="cf-group" aria-labelledby="cf-engagement-budget-heading">
          <h3 id="cf-engagement-budget-heading">{t('engagement.budget.heading')}</h3>
          <p>{t('engagement.budget.hint')}</p>
          <div className="cf-comms-grid">
            <TextInput
              id="budgetHours"
              label={t('engagement.budgetHours')}
              value={form.budgetHours}
              inputMode="decimal"
              error={errors.budgetHours}
              onChange={set('budgetHours')}
            />
            <TextInput
              id="budgetAmount"
              label={t('engagement.budgetAmount')}
              value={form.budgetAmount}
              inputMode="decimal"
              error={errors.budgetAmount}
              onChange={set('budgetAmount')}
            />
            <TextInput
              id="currency"
              label={t('engagement.currency')}
              value={form.currency}
              placeholder="EUR"
              error={errors.currency}
              onChange={set('currency')}
            />
          </div>
        </section>

        <section className="cf-group" aria-labelledby="cf-engagement-deliverables-heading">
          <h3 id="cf-engagement-deliverables-heading">{t('engagement.deliverables.heading')}</h3>
          {form.deliverables.length === 0 && <p>{t('engagement.deliverables.empty')}</p>}
          <div className="cf-fields">
            {form.deliverables.map((d, index) => {
              const update = (next: Partial<typeof d>) => {
                setForm((f) => ({ ...f, deliverables: f.deliverables.map((x, i) => (i === index ? { ...x, ...next } : x)) }));
              };
              const at = `deliverables.${String(index)}`;
              return (
                <fieldset key={d.id} className="cf-comms-fieldset" data-testid={`engagement-deliverable-${String(index)}`}>
                  <legend className="cf-legend">{d.name || t('engagement.deliverable.name')}</legend>
                  <TextInput
                    id={`${at}-name`}
                    label={t('engagement.deliverable.name')}
                    value={d.name}
                    error={errors[`${at}.name`]}
                    onChange={(name) => {
                      update({ name });
                    }}
                  />
                  <TextArea
                    id={`${at}-description`}
                    label={t('engagement.deliverable.description')}
                    value={d.description}
                    error={errors[`${at}.description`]}
                    onChange={(description) => {
                      update({ description });
                    }}
                  />
                  {milestones.length > 0 && (
                    <fieldset className="cf-settings-fieldset">
                      <legend className="cf-legend">{t('engagement.deliverable.milestones')}</legend>
                      <div className="cf-engagement-milestones">
                        {milestones.map((m) => (
                          <Checkbox
                            key={m.id}
                            id={`${at}-milestone-${m.id}`}
                            label={m.name}
                            checked={d.milestoneIds.includes(m.id)}
                            onChange={(on) => {
                              update({ milestoneIds: on ? [...d.milestoneIds, m.id] : d.milestoneIds.filter((id) => id !== m.id) });
                            }}
                          />
                        ))}
                      </div>
                    </fieldset>
                  )}
                  <TextInput
                    id={`${at}-epics`}
                    label={t('engagement.deliverable.epics')}
                    value={d.epicKeys}
                    placeholder="ACME-1, ACME-2"
                    error={errors[`${at}.epicKeys`]}
                    onChange={(epicKeys) => {
                      update({ epicKeys });
                    }}
                  />
                  <div>
                    <button
                      type="button"
                      className="cf-button cf-button-subtle"
                      data-testid={`engagement-deliverable-${String(index)}-remove`}
                      onClick={() => {
                        setForm((f) => ({ ...f, deliverables: f.deliverables.filter((_, i) => i !== index) }));
                      }}
                    >
                      {t('engagement.deliverable.remove', { name: d.name || String(index + 1) })}
                    </button>
                  </div>
                </fieldset>
              );
            })}
          </div>
          <button
            type="button"
            className="cf-button"
            data-testid="engagement-deliverable-add"
            onClick={() => {
              setForm((f) => ({
                ...f,
                deliverables: [
                  ...f.deliverables,
                  { id: nextRowId('d', f.deliverables), name: '', description: '', milestoneIds: [], epicKeys: '' },
                ],
              }));
            }}
          >
            {t('engagement.deliverable.add')}
          </button>
        </section>

        <section className="cf-group" aria-labelledby="cf-engagement-standards-heading">
          <h3 id="cf-engagement-standards-heading">{t('engagement.standards.heading')}</h3>
          {form.standards.length === 0 && <p>{t('engagement.standards.empty')}</p>}
          <div className="cf-fields">
            {form.standards.map((s, index) => (
              <StandardRow
                key={s.id}
                index={index}
                standard={s}
                errors={errors}
                onChange={(next) => {
                  setForm((f) => ({ ...f, standards: f.standards.map((x, i) => (i === index ? next : x)) }));
                }}
                onRemove={() => {
                  setForm((f) => ({ ...f, standards: f.standards.filter((_, i) => i !== index) }));
                }}
              />
            ))}
          </div>
          <button
            type="button"
            className="cf-button"
            data-testid="engagement-standard-add"
            onClick={() => {
              setForm((f) => ({
                ...f,
                standards: [
                  ...f.standards,
                  { id: nextRowId('q', f.standards), kind: 'no-open-bugs-at-priority', priorities: '', max: '', text: '' },
                ],
              }));
            }}
          >
            {t('engagement.standard.add')}
          </button>
        </section>

        <section className="cf-group" aria-labelledby="cf-engagement-support-heading">
          <h3 id="cf-engagement-support-heading">{t('engagement.support.heading')}</h3>
          <div className="cf-fields">
            <Checkbox id="supportOn" label={t('engagement.support.on')} checked={form.supportOn} onChange={set('supportOn')} />
            {form.supportOn && (
              <div className="cf-comms-grid">
                <TextInput
                  id="responseHours"
                  label={t('engagement.support.responseHours')}
                  value={form.responseHours}
                  inputMode="numeric"
                  error={errors.responseHours}
                  onChange={set('responseHours')}
                />
                <TextInput
                  id="resolutionHours"
                  label={t('engagement.support.resolutionHours')}
                  value={form.resolutionHours}
                  inputMode="numeric"
                  error={errors.resolutionHours}
                  onChange={set('resolutionHours')}
                />
                <TextInput
                  id="clientLabel"
                  label={t('engagement.support.clientLabel')}
                  value={form.clientLabel}
                  error={errors.clientLabel}
                  onChange={set('clientLabel')}
                />
                <TextInput
                  id="clientTypeIds"
                  label={t('engagement.support.clientTypeIds')}
                  value={form.clientTypeIds}
                  error={errors.clientTypeIds}
                  onChange={set('clientTypeIds')}
                />
              </div>
            )}
          </div>
        </section>
      </fieldset>

      {view.canEdit && (
        <div className="cf-group">
          {state.kind === 'conflict' && (
            <div className="cf-message" data-appearance="warning" role="alert" data-testid="engagement-conflict">
              <p>{t('engagement.conflict')}</p>
              <div className="cf-message-actions">
                <button type="button" className="cf-button cf-button-primary" onClick={onReload} data-testid="engagement-reload">
                  {t('engagement.reload')}
                </button>
              </div>
            </div>
          )}
          {state.kind === 'failed' && (
            <p className="cf-error-text" role="alert" data-testid="engagement-failed">
              {t('engagement.saveFailed', { reason: t(`error.${state.error.code}`) })}
            </p>
          )}
          {Object.keys(errors).length > 0 && (
            <p className="cf-error-text" role="alert" data-testid="engagement-invalid">
              {t('engagement.error.invalid')}
            </p>
          )}
          <div className="cf-actions">
            <button type="submit" className="cf-button cf-button-primary" disabled={state.kind === 'saving'} data-testid="engagement-save">
              {state.kind === 'saving' ? t('engagement.saving') : t('engagement.save')}
            </button>
            <span role="status" className="cf-comms-notice" data-testid="engagement-saved">
              {state.kind === 'saved' ? t('engagement.saved') : ''}
            </span>
          </div>
        </div>
      )}
    </form>
  );
}

/** The Engagement section (issue 13): the phase, the kick-off checklist and what was agreed with the client. */
export function EngagementSection() {
  const t = useEngagementT();
  const backend = useBackend();
  const { state, retry } = useResolver('engagement/get', NO_PAYLOAD);
  const overview = useResolver('project/overview', NO_PAYLOAD);
  /** The engagement as last saved here; until then, as loaded. */
  const [saved, setView] = useState<EngagementView | null>(null);
  const view = saved ?? (state.status === 'ready' ? state.data : null);
  /** Bumped when the editor must start again from the server (Reload after a conflict). */
  const [generation, setGeneration] = useState(0);
  /** Bumped after every save, so the checklist reads again. */
  const [saves, setSaves] = useState(0);
  const [phaseState, setPhaseState] = useState<SaveState>({ kind: 'idle' });

  const reload = useCallback(() => {
    setView(null);
    retry();
    setGeneration((g) => g + 1);
  }, [retry]);

  const movePhase = async (current: EngagementView, phase: EngagementPhase) => {
    setPhaseState({ kind: 'saving' });
    const engagement: EngagementJson = { ...current.engagement, phase };
    const answer = await backend.call('engagement/save', { engagement, revision: current.revision });
    if (answer.ok) {
      setPhaseState({ kind: 'saved' });
      setView(answer.data);
      setSaves((n) => n + 1);
    } else setPhaseState(answer.error.code === 'CONFLICT' ? { kind: 'conflict' } : { kind: 'failed', error: answer.error });
  };

  const milestones = overview.state.status === 'ready' ? overview.state.data.milestones : [];
  // After the closing report is published, the phase is closed: read it again without unmounting the panel.
  const readAfterClose = () => {
    void backend.call('engagement/get', NO_PAYLOAD).then((answer) => {
      if (answer.ok) setView(answer.data);
    });
  };

  return (
    <div className="cf-settings cf-comms" data-testid="engagement-section">
      <SettingsStyles />
      <CommsStyles />
      <style>{CSS}</style>
      <h2>{t('engagement.heading')}</h2>
      <p className="cf-settings-intro">{t('engagement.intro')}</p>
      {state.status === 'failed' ? (
        <ErrorState error={state.error} onRetry={retry} />
      ) : view === null ? (
        <LoadingState label={t('engagement.heading')} />
      ) : (
        <>
          {!view.canEdit && (
            <p className="cf-message" data-appearance="information" data-testid="engagement-read-only">
              {t('engagement.readOnly')}
            </p>
          )}
          <PhasePanel
            view={view}
            busy={phaseState.kind === 'saving'}
            onMove={(phase) => {
              void movePhase(view, phase);
            }}
          />
          {phaseState.kind === 'conflict' && (
            <div className="cf-message" data-appearance="warning" role="alert">
              <p>{t('engagement.conflict')}</p>
              <div className="cf-message-actions">
                <button type="button" className="cf-button cf-button-primary" onClick={reload}>
                  {t('engagement.reload')}
                </button>
              </div>
            </div>
          )}
          {phaseState.kind === 'failed' && (
            <p className="cf-error-text" role="alert">
              {t('engagement.saveFailed', { reason: t(`error.${phaseState.error.code}`) })}
            </p>
          )}
          <Checklist refreshKey={saves} />
          <AcceptancePart />
          {CLOSING_PHASES.includes(view.engagement.phase) && <ClosingPanel onClosed={readAfterClose} />}
          <EngagementEditor
            key={generation}
            view={view}
            milestones={milestones}
            onSaved={(saved) => {
              setView(saved);
              setSaves((n) => n + 1);
            }}
            onReload={reload}
          />
          <ContactsPart />
          <CommitmentsPart engagement={view.engagement} />
        </>
      )}
    </div>
  );
}
