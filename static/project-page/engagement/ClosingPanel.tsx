import { token } from '@atlaskit/tokens';
import { useId, useMemo, useState } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import { retroSchema, type RetroJson, type RetroView } from '../../../contract/closing';
import type { EngagementPhase } from '../../../contract/engagement';
import type { PublishedReportHead } from '../../../contract/reports';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { ENGAGEMENT_MESSAGES } from '../../../contract/i18n/engagement-messages';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import { AudienceToggle } from '../AudienceToggle';
import type { Audience } from '../report-payload';
import { ClosingReportView } from './ClosingReportView';
import { nextRowId } from './engagement-form';

/** The phases in which the Closing part shows: the project is near its end, or closed. */
export const CLOSING_PHASES: readonly EngagementPhase[] = ['acceptance', 'support', 'closed'];

function useClosingT() {
  return useT(CLOSING_MESSAGES, ENGAGEMENT_MESSAGES, COMMON_MESSAGES);
}

const CSS = `
.cf-closing-list { display: grid; gap: ${token('space.100', '8px')}; margin: 0 0 ${token('space.100', '8px')}; padding: 0; list-style: none; }
.cf-closing-row { display: flex; flex-wrap: wrap; align-items: flex-start; gap: ${token('space.100', '8px')}; min-width: 0; }
.cf-closing-row > .cf-field { flex: 1 1 12rem; }
.cf-closing-row > .cf-button { flex: none; align-self: end; }
.cf-closing-preview { display: grid; gap: ${token('space.150', '12px')}; }
`;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'conflict' } | { kind: 'failed'; error: AppErrorJson };
type ListKey = 'wentWell' | 'toChange';
type Errors = ReadonlyMap<string, string>;

/** Zod's issues as `path → message key`, shown beside each field. */
function toErrors(retro: RetroJson): Errors {
  const parsed = retroSchema.safeParse(retro);
  if (parsed.success) return new Map();
  return new Map(parsed.error.issues.map((issue) => [issue.path.join('.'), 'closing.retro.required']));
}

function Field({
  id,
  label,
  value,
  onChange,
  error,
  readOnly,
  type = 'text',
  testId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  readOnly: boolean;
  type?: 'text' | 'date';
  testId: string;
}) {
  return (
    <div className="cf-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        className="cf-input"
        value={value}
        readOnly={readOnly}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {error !== undefined && (
        <p id={`${id}-error`} className="cf-error-text">
          {error}
        </p>
      )}
    </div>
  );
}

function RetroForm({ view, onSaved, onReload }: { view: RetroView; onSaved: (view: RetroView) => void; onReload: () => void }) {
  const t = useClosingT();
  const backend = useBackend();
  const base = useId();
  const [retro, setRetro] = useState<RetroJson>(view.retro);
  const [errors, setErrors] = useState<Errors>(new Map());
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [issueError, setIssueError] = useState<AppErrorJson | null>(null);
  const readOnly = !view.canEdit;
  const error = (path: string) => {
    const key = errors.get(path);
    return key === undefined ? undefined : t('closing.retro.required');
  };
  const edit = (next: RetroJson) => {
    setRetro(next);
    setState({ kind: 'idle' });
    if (errors.size > 0) setErrors(toErrors(next));
  };

  const save = async () => {
    const found = toErrors(retro);
    setErrors(found);
    if (found.size > 0) return;
    setState({ kind: 'saving' });
    const answer = await backend.call('closing/retro-save', { retro, revision: view.revision });
    if (answer.ok) {
      setState({ kind: 'saved' });
      setRetro(answer.data.retro);
      onSaved(answer.data);
    } else setState(answer.error.code === 'CONFLICT' ? { kind: 'conflict' } : { kind: 'failed', error: answer.error });
  };

  const createIssue = async (actionId: string) => {
    setIssueError(null);
    const answer = await backend.call('closing/retro-issue', { actionId });
    if (answer.ok) {
      setRetro(answer.data.view.retro);
      onSaved(answer.data.view);
    } else setIssueError(answer.error);
  };

  const textList = (key: ListKey, prefix: string) => (
    <fieldset className="cf-group" data-testid={`closing-retro-${key}`}>
      <legend>{t(key === 'wentWell' ? 'closing.retro.wentWell' : 'closing.retro.toChange')}</legend>
      <ul className="cf-closing-list">
        {retro[key].map((item, index) => (
          <li key={item.id} className="cf-closing-row">
            <Field
              id={`${base}-${key}-${item.id}`}
              label={`${t(key === 'wentWell' ? 'closing.retro.wentWell' : 'closing.retro.toChange')} ${String(index + 1)}`}
              value={item.text}
              readOnly={readOnly}
              error={error(`${key}.${String(index)}.text`)}
              testId={`closing-${key}-${String(index)}`}
              onChange={(text) => {
                edit({ ...retro, [key]: retro[key].map((i) => (i.id === item.id ? { ...i, text } : i)) });
              }}
            />
            {!readOnly && (
              <button
                type="button"
                className="cf-button cf-button-subtle"
                aria-label={t('closing.retro.remove', { item: item.text === '' ? String(index + 1) : item.text })}
                onClick={() => {
                  edit({ ...retro, [key]: retro[key].filter((i) => i.id !== item.id) });
                }}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <button
          type="button"
          className="cf-button"
          data-testid={`closing-add-${key}`}
          onClick={() => {
            edit({ ...retro, [key]: [...retro[key], { id: nextRowId(prefix, retro[key]), text: '' }] });
          }}
        >
          {t('closing.retro.add')}
        </button>
      )}
    </fieldset>
  );

  return (
    // Not a landmark: the preview below has a "Lessons learned" section of its own.
    <div className="cf-group" data-testid="closing-retro-form">
      <h4 id={`${base}-heading`}>{t('closing.retro.heading')}</h4>
      {readOnly && <p className="cf-hint">{t('closing.retro.readOnly')}</p>}
      <div className="cf-fields">
        <Field
          id={`${base}-held`}
          type="date"
          label={t('closing.retro.heldOn')}
          value={retro.heldOn ?? ''}
          readOnly={readOnly}
          error={error('heldOn')}
          testId="closing-held-on"
          onChange={(value) => {
            edit({ ...retro, heldOn: value === '' ? null : value });
          }}
        />
        <fieldset className="cf-group" data-testid="closing-retro-participants-form">
          <legend>{t('closing.retro.participants')}</legend>
          <ul className="cf-closing-list">
            {retro.participants.map((p, index) => (
              <li key={p.id} className="cf-closing-row">
                <Field
                  id={`${base}-p-${p.id}`}
                  label={`${t('closing.retro.participantName')} ${String(index + 1)}`}
                  value={p.name}
                  readOnly={readOnly}
                  error={error(`participants.${String(index)}.name`)}
                  testId={`closing-participant-${String(index)}`}
                  onChange={(name) => {
                    edit({ ...retro, participants: retro.participants.map((q) => (q.id === p.id ? { ...q, name } : q)) });
                  }}
                />
                <div className="cf-field">
                  <label htmlFor={`${base}-ps-${p.id}`}>{t('closing.retro.participantSide')}</label>
                  <select
                    id={`${base}-ps-${p.id}`}
                    className="cf-select"
                    value={p.side}
                    disabled={readOnly}
                    onChange={(event) => {
                      const side = event.target.value === 'client' ? 'client' : 'internal';
                      edit({ ...retro, participants: retro.participants.map((q) => (q.id === p.id ? { ...q, side } : q)) });
                    }}
                  >
                    <option value="internal">{t('closing.retro.side.internal')}</option>
                    <option value="client">{t('closing.retro.side.client')}</option>
                  </select>
                </div>
                {!readOnly && (
                  <button
                    type="button"
                    className="cf-button cf-button-subtle"
                    aria-label={t('closing.retro.remove', { item: p.name === '' ? String(index + 1) : p.name })}
                    onClick={() => {
                      edit({ ...retro, participants: retro.participants.filter((q) => q.id !== p.id) });
                    }}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button
              type="button"
              className="cf-button"
              data-testid="closing-add-participant"
              onClick={() => {
                edit({
                  ...retro,
                  participants: [...retro.participants, { id: nextRowId('p', retro.participants), name: '', side: 'internal' }],
                });
              }}
            >
              {t('closing.retro.add')}
            </button>
          )}
        </fieldset>
        {textList('wentWell', 'w')}
        {textList('toChange', 'c')}
        <fieldset className="cf-group" data-testid="closing-retro-actions-form">
          <legend>{t('closing.retro.actions')}</legend>
          <ul className="cf-closing-list">
            {retro.actions.map((a, index) => (
              <li key={a.id} className="cf-closing-row">
                <Field
                  id={`${base}-a-${a.id}`}
                  label={`${t('closing.retro.actions')} ${String(index + 1)}`}
                  value={a.text}
                  readOnly={readOnly}
                  error={error(`actions.${String(index)}.text`)}
                  testId={`closing-action-${String(index)}`}
                  onChange={(text) => {
                    edit({ ...retro, actions: retro.actions.map((b) => (b.id === a.id ? { ...b, text } : b)) });
                  }}
                />
                <Field
                  id={`${base}-ao-${a.id}`}
                  label={t('closing.retro.owner')}
                  value={a.owner}
                  readOnly={readOnly}
                  error={error(`actions.${String(index)}.owner`)}
                  testId={`closing-action-owner-${String(index)}`}
                  onChange={(owner) => {
                    edit({ ...retro, actions: retro.actions.map((b) => (b.id === a.id ? { ...b, owner } : b)) });
                  }}
                />
                <Field
                  id={`${base}-ad-${a.id}`}
                  type="date"
                  label={t('closing.retro.due')}
                  value={a.due ?? ''}
                  readOnly={readOnly}
                  error={error(`actions.${String(index)}.due`)}
                  testId={`closing-action-due-${String(index)}`}
                  onChange={(due) => {
                    edit({ ...retro, actions: retro.actions.map((b) => (b.id === a.id ? { ...b, due: due === '' ? null : due } : b)) });
                  }}
                />
                {a.jiraIssueKey !== null ? (
                  <span data-testid={`closing-action-issue-${String(index)}`}>
                    {t('closing.retro.issueCreated', { key: a.jiraIssueKey })}
                  </span>
                ) : (
                  !readOnly &&
                  view.retro.actions.some((saved) => saved.id === a.id) && (
                    <button
                      type="button"
                      className="cf-button"
                      data-testid={`closing-action-create-issue-${String(index)}`}
                      onClick={() => {
                        void createIssue(a.id);
                      }}
                    >
                      {t('closing.retro.createIssue')}
                    </button>
                  )
                )}
                {!readOnly && (
                  <button
                    type="button"
                    className="cf-button cf-button-subtle"
                    aria-label={t('closing.retro.remove', { item: a.text === '' ? String(index + 1) : a.text })}
                    onClick={() => {
                      edit({ ...retro, actions: retro.actions.filter((b) => b.id !== a.id) });
                    }}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <button
              type="button"
              className="cf-button"
              data-testid="closing-add-action"
              onClick={() => {
                edit({
                  ...retro,
                  actions: [...retro.actions, { id: nextRowId('a', retro.actions), text: '', owner: '', due: null, jiraIssueKey: null }],
                });
              }}
            >
              {t('closing.retro.add')}
            </button>
          )}
          {issueError !== null && (
            <p className="cf-error-text" role="alert">
              {t('closing.retro.failed', { reason: t(`error.${issueError.code}`) })}
            </p>
          )}
        </fieldset>
        <div className="cf-field">
          <label htmlFor={`${base}-note`}>{t('closing.retro.internalNote')}</label>
          <textarea
            id={`${base}-note`}
            className="cf-input"
            rows={3}
            value={retro.internalNote}
            readOnly={readOnly}
            data-testid="closing-internal-note"
            onChange={(event) => {
              edit({ ...retro, internalNote: event.target.value });
            }}
          />
        </div>
      </div>
      {!readOnly && (
        <div className="cf-message-actions">
          <button
            type="button"
            className="cf-button cf-button-primary"
            disabled={state.kind === 'saving'}
            data-testid="closing-retro-save"
            onClick={() => {
              void save();
            }}
          >
            {t('closing.retro.save')}
          </button>
        </div>
      )}
      {state.kind === 'saved' && (
        <p role="status" className="cf-hint" data-testid="closing-retro-saved">
          {t('closing.retro.saved')}
        </p>
      )}
      {state.kind === 'conflict' && (
        <div className="cf-message" data-appearance="warning" role="alert" data-testid="closing-retro-conflict">
          <p>{t('closing.retro.conflict')}</p>
          <div className="cf-message-actions">
            <button type="button" className="cf-button cf-button-primary" onClick={onReload}>
              {t('closing.retro.reload')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'failed' && (
        <p className="cf-error-text" role="alert">
          {t('closing.retro.failed', { reason: t(`error.${state.error.code}`) })}
        </p>
      )}
    </div>
  );
}

type PublishState =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'publishing' }
  | { kind: 'done'; version: number }
  | { kind: 'failed'; error: AppErrorJson };

/** The closing report as it would publish now, for one audience, and the publish button. */
function ClosingPreview({ refreshKey, onClosed }: { refreshKey: number; onClosed: (head: PublishedReportHead) => void }) {
  const t = useClosingT();
  const backend = useBackend();
  const headingId = useId();
  const [audience, setAudience] = useState<Audience>('internal');
  // A new payload object reads the preview again (after a retro save, or another audience).
  const payload = useMemo<PayloadOf<'closing/preview'>>(() => ({ audience }), [audience, refreshKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state, retry } = useResolver('closing/preview', payload);
  const [publish, setPublish] = useState<PublishState>({ kind: 'idle' });

  const doPublish = async (draftRevision: string) => {
    setPublish({ kind: 'publishing' });
    const answer = await backend.call('closing/publish', { draftRevision });
    if (answer.ok) {
      setPublish({ kind: 'done', version: answer.data.version });
      onClosed(answer.data);
    } else setPublish({ kind: 'failed', error: answer.error });
  };

  return (
    <section className="cf-group cf-closing-preview" aria-labelledby={headingId} data-testid="closing-preview">
      <h4 id={headingId}>{t('closing.preview.heading')}</h4>
      <AudienceToggle audience={audience} onChange={setAudience} />
      {state.status === 'loading' && <LoadingState label={t('closing.preview.heading')} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          <ClosingReportView report={state.data.report} />
          {state.data.phase !== 'closed' &&
            publish.kind !== 'done' &&
            (state.data.canPublish && state.data.draftRevision !== null ? (
              <div className="cf-message-actions">
                <button
                  type="button"
                  className="cf-button cf-button-primary"
                  data-testid="closing-publish"
                  disabled={publish.kind === 'publishing'}
                  onClick={() => {
                    setPublish({ kind: 'confirm' });
                  }}
                >
                  {t('closing.publish.button')}
                </button>
              </div>
            ) : (
              <p className="cf-hint" data-testid="closing-publish-unavailable">
                {state.data.canPublish ? t('closing.publish.conflict') : t('closing.publish.readOnly')}
              </p>
            ))}
          {publish.kind === 'confirm' && state.data.draftRevision !== null && (
            <div className="cf-message cf-confirm" data-appearance="warning" role="alert" data-testid="closing-publish-confirm">
              <p>{t('closing.publish.confirm')}</p>
              <div className="cf-message-actions">
                <button
                  type="button"
                  className="cf-button cf-button-primary"
                  data-testid="closing-publish-yes"
                  onClick={() => {
                    void doPublish(state.data.draftRevision ?? '');
                  }}
                >
                  {t('closing.publish.yes')}
                </button>
                <button
                  type="button"
                  className="cf-button cf-button-subtle"
                  onClick={() => {
                    setPublish({ kind: 'idle' });
                  }}
                >
                  {t('closing.publish.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      {publish.kind === 'done' && (
        <p role="status" className="cf-message" data-appearance="success" data-testid="closing-published">
          {t('closing.publish.done', { version: String(publish.version) })}
        </p>
      )}
      {publish.kind === 'failed' && (
        <p className="cf-error-text" role="alert" data-testid="closing-publish-failed">
          {publish.error.code === 'CONFLICT'
            ? t('closing.publish.conflict')
            : publish.error.code === 'INVALID_PAYLOAD'
              ? t('closing.publish.phase', { phase: state.status === 'ready' ? t(`engagement.phase.${state.data.phase}`) : '' })
              : t('closing.publish.failed', { reason: t(`error.${publish.error.code}`) })}
        </p>
      )}
    </section>
  );
}

const NO_PAYLOAD = {};

/**
 * The Engagement section's Closing part (issue 13): the lessons learned, the closing report's
 * preview for either audience, and publishing it, which closes the project.
 */
export function ClosingPanel({ onClosed }: { onClosed: () => void }) {
  const t = useClosingT();
  const { state, retry } = useResolver('closing/retro-get', NO_PAYLOAD);
  const [saved, setSaved] = useState<RetroView | null>(null);
  const [generation, setGeneration] = useState(0);
  const [saves, setSaves] = useState(0);
  const view = saved ?? (state.status === 'ready' ? state.data : null);
  return (
    <section className="cf-group" aria-labelledby="cf-closing-heading" data-testid="closing-panel">
      <style>{CSS}</style>
      <h3 id="cf-closing-heading">{t('closing.heading')}</h3>
      <p>{t('closing.intro')}</p>
      {state.status === 'failed' ? (
        <ErrorState error={state.error} onRetry={retry} />
      ) : view === null ? (
        <LoadingState label={t('closing.retro.heading')} />
      ) : (
        <RetroForm
          key={generation}
          view={view}
          onSaved={(next) => {
            setSaved(next);
            setSaves((n) => n + 1);
          }}
          onReload={() => {
            setSaved(null);
            retry();
            setGeneration((g) => g + 1);
          }}
        />
      )}
      <ClosingPreview refreshKey={saves} onClosed={onClosed} />
    </section>
  );
}
