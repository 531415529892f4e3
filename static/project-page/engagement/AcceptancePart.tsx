import { token } from '@atlaskit/tokens';
import { useState, type SyntheticEvent } from 'react';
import type { AppErrorJson } from '../../../contract';
import {
  MAX_RELEASE_NOTES_LENGTH,
  releaseNotesSchema,
  type AcceptancePreviewJson,
  type AcceptanceState,
  type AcceptanceSubmissionJson,
  type AcceptanceViewJson,
  type StandardResultJson,
} from '../../../contract/acceptance';
import { ACCEPTANCE_MESSAGES } from '../../../contract/i18n/acceptance-messages';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import * as z from 'zod/mini';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { IssueKeyLink, JiraLink } from '../../shared/JiraLink';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';

function useAcceptanceT() {
  return useT(ACCEPTANCE_MESSAGES, COMMON_MESSAGES);
}
type AcceptanceT = ReturnType<typeof useAcceptanceT>;

const STATE_APPEARANCE = { submitted: 'moved', accepted: 'success', rejected: 'removed' } as const satisfies Record<
  AcceptanceState,
  string
>;

const CSS = `
.cf-acceptance-list { display: grid; gap: ${token('space.150', '12px')}; margin: 0; padding: 0; list-style: none; }
.cf-acceptance-card { border: 1px solid ${token('color.border', '#091E4224')}; border-radius: ${token('radius.medium', '6px')}; padding: ${token('space.150', '12px')}; overflow-wrap: anywhere; }
.cf-acceptance-card h4 { margin: 0 0 ${token('space.050', '4px')}; display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')}; align-items: center; }
.cf-acceptance-checks { margin: ${token('space.050', '4px')} 0; padding-left: ${token('space.250', '20px')}; }
.cf-acceptance-checks li { margin: ${token('space.050', '4px')} 0; }
.cf-acceptance-notes { white-space: pre-wrap; margin: ${token('space.050', '4px')} 0; }
.cf-acceptance-fix { display: flex; flex-wrap: wrap; gap: ${token('space.100', '8px')}; align-items: baseline; }
.cf-acceptance-muted { color: ${token('color.text.subtle', '#44546F')}; }
.cf-acceptance-met { color: ${token('color.text.success', '#216E4E')}; }
.cf-acceptance-failing { color: ${token('color.text.danger', '#AE2E24')}; }
.cf-acceptance-textarea { width: 100%; min-height: 8rem; box-sizing: border-box; font: inherit; }
`;

const NO_PAYLOAD = {};

function Keys({ keys, count, t }: { keys: readonly string[]; count: number; t: AcceptanceT }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 ? ', ' : ''}
          <IssueKeyLink issueKey={key} />
        </span>
      ))}
      {count > keys.length ? ` ${t('acceptance.more', { count: count - keys.length })}` : ''}
    </>
  );
}

function describeStandard(result: StandardResultJson, t: AcceptanceT): string {
  const { standard } = result;
  switch (standard.kind) {
    case 'no-open-bugs-at-priority':
      return t('acceptance.standard.no-open-bugs-at-priority', { priorities: standard.priorities.join(', ') });
    case 'max-open-bugs':
      return t('acceptance.standard.max-open-bugs', { max: standard.max });
    case 'text':
      return standard.text;
  }
}

/** The checklist: issues done, each standard met or failing with the failing issues linked. */
export function ChecklistView({ checklist, testId }: { checklist: AcceptancePreviewJson['checklist']; testId: string }) {
  const t = useAcceptanceT();
  const { formatCount } = useI18n();
  const open = checklist.issuesTotal - checklist.issuesDone;
  return (
    <ul className="cf-acceptance-checks" data-testid={testId} data-ready={checklist.ready}>
      <li data-testid={`${testId}-issues`}>
        <span className={open === 0 ? 'cf-acceptance-met' : 'cf-acceptance-failing'} aria-hidden="true">
          {open === 0 ? '✓ ' : '✗ '}
        </span>
        {t('acceptance.issuesDone', { done: formatCount(checklist.issuesDone), total: formatCount(checklist.issuesTotal) })}
        {checklist.openIssues.length > 0 && (
          <div className="cf-acceptance-muted">
            {t('acceptance.openIssues')}
            <Keys keys={checklist.openIssues} count={open} t={t} />
          </div>
        )}
      </li>
      {checklist.standards.length === 0 && <li className="cf-acceptance-muted">{t('acceptance.noStandards')}</li>}
      {checklist.standards.map((result) => (
        <li key={result.standard.id} data-testid={`${testId}-standard`} data-met={String(result.met)}>
          <span
            className={result.met === false ? 'cf-acceptance-failing' : result.met === true ? 'cf-acceptance-met' : 'cf-acceptance-muted'}
            aria-hidden="true"
          >
            {result.met === false ? '✗ ' : result.met === true ? '✓ ' : '○ '}
          </span>
          {describeStandard(result, t)} —{' '}
          <strong>{result.met === null ? t('acceptance.toConfirm') : result.met ? t('acceptance.met') : t('acceptance.failing')}</strong>
          {result.failing.length > 0 && (
            <div className="cf-acceptance-muted">
              {t('acceptance.failingIssues')}
              <Keys keys={result.failing} count={result.failingCount} t={t} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

type SubmitState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'conflict' }
  | { kind: 'not-ready' }
  | { kind: 'failed'; error: AppErrorJson };

function SubmitPanel({
  view,
  onSubmitted,
  onReload,
}: {
  view: AcceptanceViewJson;
  onSubmitted: (view: AcceptanceViewJson) => void;
  onReload: () => void;
}) {
  const t = useAcceptanceT();
  const { formatInstant } = useI18n();
  const backend = useBackend();
  const [milestoneId, setMilestoneId] = useState('');
  const [preview, setPreview] = useState<AcceptancePreviewJson | 'loading' | AppErrorJson | null>(null);
  const [notes, setNotes] = useState('');
  const [override, setOverride] = useState(false);
  const [state, setState] = useState<SubmitState>({ kind: 'idle' });
  const notesInvalid = !z.safeParse(releaseNotesSchema, notes).success;

  const choose = async (id: string) => {
    setMilestoneId(id);
    setOverride(false);
    setState({ kind: 'idle' });
    if (id === '') {
      setPreview(null);
      return;
    }
    setPreview('loading');
    const answer = await backend.call('acceptance/preview', { milestoneId: id });
    if (answer.ok) {
      setPreview(answer.data);
      setNotes(answer.data.releaseNotes);
    } else setPreview(answer.error);
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (notesInvalid || milestoneId === '') return;
    setState({ kind: 'busy' });
    const answer = await backend.call('acceptance/submit', { milestoneId, releaseNotes: notes, override, revision: view.revision });
    if (answer.ok) {
      setState({ kind: 'done' });
      setPreview(null);
      setMilestoneId('');
      onSubmitted(answer.data);
    } else if (answer.error.code === 'CONFLICT') setState({ kind: 'conflict' });
    else if (answer.error.code === 'INVALID_PAYLOAD' && answer.error.fields?.some((f) => f.path === 'override'))
      setState({ kind: 'not-ready' });
    else setState({ kind: 'failed', error: answer.error });
  };

  if (view.milestones.length === 0) return <p data-testid="acceptance-no-milestones">{t('acceptance.noMilestones')}</p>;
  const ready = typeof preview === 'object' && preview !== null && 'checklist' in preview ? preview : null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="acceptance-form">
      <div className="cf-field">
        <label className="cf-label" htmlFor="cf-acceptance-milestone">
          {t('acceptance.milestone')}
        </label>
        <select
          id="cf-acceptance-milestone"
          className="cf-input"
          value={milestoneId}
          data-testid="acceptance-milestone"
          onChange={(event) => void choose(event.target.value)}
        >
          <option value="">{t('acceptance.choose')}</option>
          {view.milestones.map((m) => (
            <option key={m.id} value={m.id}>
              {m.released ? t('acceptance.released', { name: m.name }) : m.name}
            </option>
          ))}
        </select>
      </div>
      {preview === 'loading' && <LoadingState label={t('acceptance.loading')} />}
      {preview !== null && preview !== 'loading' && !('checklist' in preview) && (
        <p className="cf-error-text" role="alert" data-testid="acceptance-preview-failed">
          {preview.code === 'NOT_READY' ? t('acceptance.notSynced') : t('acceptance.failed', { reason: t(`error.${preview.code}`) })}
        </p>
      )}
      {ready !== null && (
        <>
          <h4>{t('acceptance.checklist')}</h4>
          <ChecklistView checklist={ready.checklist} testId="acceptance-preview" />
          <p className="cf-acceptance-muted">{t('acceptance.asOf', { time: formatInstant(ready.asOf) })}</p>
          <p data-testid="acceptance-readiness" role="status">
            {ready.checklist.ready ? t('acceptance.ready') : t('acceptance.notReady')}
          </p>
          <div className="cf-field">
            <label className="cf-label" htmlFor="cf-acceptance-notes">
              {t('acceptance.releaseNotes')}
            </label>
            <p className="cf-acceptance-muted" id="cf-acceptance-notes-hint">
              {t('acceptance.releaseNotesHint')}
            </p>
            <textarea
              id="cf-acceptance-notes"
              className="cf-input cf-acceptance-textarea"
              value={notes}
              maxLength={MAX_RELEASE_NOTES_LENGTH + 100}
              aria-invalid={notesInvalid ? true : undefined}
              aria-describedby={notesInvalid ? 'cf-acceptance-notes-hint cf-acceptance-notes-error' : 'cf-acceptance-notes-hint'}
              data-testid="acceptance-notes"
              onChange={(event) => {
                setNotes(event.target.value);
              }}
            />
            {notesInvalid && (
              <p id="cf-acceptance-notes-error" className="cf-error-text" data-testid="acceptance-error-notes">
                {t('acceptance.error.releaseNotes')}
              </p>
            )}
          </div>
          {!ready.checklist.ready && (
            <div className="cf-field">
              <label className="cf-choice">
                <input
                  type="checkbox"
                  checked={override}
                  aria-invalid={state.kind === 'not-ready' ? true : undefined}
                  aria-describedby={state.kind === 'not-ready' ? 'cf-acceptance-override-error' : undefined}
                  data-testid="acceptance-override"
                  onChange={(event) => {
                    setOverride(event.target.checked);
                  }}
                />
                <span>{t('acceptance.override')}</span>
              </label>
              {state.kind === 'not-ready' && (
                <p id="cf-acceptance-override-error" className="cf-error-text" data-testid="acceptance-error-override">
                  {t('acceptance.notReadyError')}
                </p>
              )}
            </div>
          )}
          <div className="cf-message-actions">
            <button type="submit" className="cf-button cf-button-primary" disabled={state.kind === 'busy'} data-testid="acceptance-submit">
              {state.kind === 'busy' ? t('acceptance.submitting') : t('acceptance.submit')}
            </button>
          </div>
        </>
      )}
      {state.kind === 'done' && (
        <p role="status" data-testid="acceptance-submitted">
          {t('acceptance.submitted')}
        </p>
      )}
      {state.kind === 'conflict' && (
        <div className="cf-message" data-appearance="warning" role="alert" data-testid="acceptance-conflict">
          <p>{t('acceptance.conflict')}</p>
          <div className="cf-message-actions">
            <button type="button" className="cf-button cf-button-primary" onClick={onReload}>
              {t('acceptance.reload')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'failed' && (
        <p className="cf-error-text" role="alert">
          {t('acceptance.failed', { reason: t(`error.${state.error.code}`) })}
        </p>
      )}
    </form>
  );
}

function SubmissionCard({
  submission,
  canEdit,
  onChanged,
}: {
  submission: AcceptanceSubmissionJson;
  canEdit: boolean;
  onChanged: (view: AcceptanceViewJson) => void;
}) {
  const t = useAcceptanceT();
  const { formatInstant, locale } = useI18n();
  const backend = useBackend();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorJson | null>(null);
  const { decision } = submission;
  const createIssue = async (fixItemId: string) => {
    setBusy(fixItemId);
    setError(null);
    const answer = await backend.call('acceptance/issue', { submissionId: submission.id, fixItemId, lang: locale });
    setBusy(null);
    if (answer.ok) onChanged(answer.data.view);
    else setError(answer.error);
  };
  return (
    <li
      className="cf-acceptance-card"
      data-testid="acceptance-submission"
      data-state={submission.state}
      data-milestone={submission.milestone.id}
    >
      <h4>
        <span>{submission.milestone.name}</span>
        <TokenLozenge appearance={STATE_APPEARANCE[submission.state]}>{t(`acceptance.state.${submission.state}`)}</TokenLozenge>
        {submission.override && <TokenLozenge appearance="moved">{t('acceptance.withOpenItems')}</TokenLozenge>}
      </h4>
      <p className="cf-acceptance-muted">{t('acceptance.submittedOn', { time: formatInstant(submission.submittedAt) })}</p>
      {decision !== null && (
        <div data-testid="acceptance-decision">
          <p>
            <strong>{t('acceptance.decidedBy', { name: decision.by, time: formatInstant(decision.at) })}</strong>
          </p>
          {decision.comment !== '' && <p>{t('acceptance.comment', { comment: decision.comment })}</p>}
          {decision.fixItems.length > 0 && (
            <>
              <p>{t('acceptance.fixItems')}</p>
              <ul className="cf-acceptance-checks">
                {decision.fixItems.map((item) => (
                  <li key={item.id} className="cf-acceptance-fix" data-testid="acceptance-fix-item">
                    <span>{item.text}</span>
                    {item.jiraIssueKey !== null ? (
                      <JiraLink issueKeys={[item.jiraIssueKey]}>{item.jiraIssueKey}</JiraLink>
                    ) : (
                      canEdit && (
                        <button
                          type="button"
                          className="cf-button cf-button-subtle"
                          disabled={busy !== null}
                          data-testid="acceptance-create-issue"
                          onClick={() => void createIssue(item.id)}
                        >
                          {busy === item.id ? t('acceptance.creatingIssue') : t('acceptance.createIssue')}
                        </button>
                      )
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <details>
        <summary>{t('acceptance.checklist')}</summary>
        <ChecklistView checklist={submission.checklist} testId={`acceptance-checklist-${submission.id}`} />
      </details>
      <details>
        <summary>{t('acceptance.releaseNotes')}</summary>
        <p className="cf-acceptance-notes">{submission.releaseNotes}</p>
      </details>
      {error !== null && (
        <p className="cf-error-text" role="alert">
          {t('acceptance.failed', { reason: t(`error.${error.code}`) })}
        </p>
      )}
    </li>
  );
}

/** The Engagement section's Acceptance part (issue 13): submit a milestone, follow the client's decisions. */
export function AcceptancePart() {
  const t = useAcceptanceT();
  const { state, retry } = useResolver('acceptance/list', NO_PAYLOAD);
  const [latest, setLatest] = useState<AcceptanceViewJson | null>(null);
  const [generation, setGeneration] = useState(0);
  const view = latest ?? (state.status === 'ready' ? state.data : null);
  const reload = () => {
    setLatest(null);
    retry();
    setGeneration((g) => g + 1);
  };
  return (
    <section className="cf-group" aria-labelledby="cf-acceptance-heading" data-testid="acceptance-part">
      <style>{CSS}</style>
      <h3 id="cf-acceptance-heading">{t('acceptance.heading')}</h3>
      <p className="cf-settings-intro">{t('acceptance.intro')}</p>
      {state.status === 'failed' ? (
        <ErrorState error={state.error} onRetry={retry} />
      ) : view === null ? (
        <LoadingState label={t('acceptance.heading')} />
      ) : (
        <>
          {view.canEdit ? (
            <SubmitPanel key={generation} view={view} onSubmitted={setLatest} onReload={reload} />
          ) : (
            <p className="cf-message" data-appearance="information" data-testid="acceptance-read-only">
              {t('acceptance.readOnly')}
            </p>
          )}
          <h4>{t('acceptance.history')}</h4>
          {view.submissions.length === 0 ? (
            <p data-testid="acceptance-none">{t('acceptance.none')}</p>
          ) : (
            <ul className="cf-acceptance-list">
              {view.submissions.map((s) => (
                <SubmissionCard key={s.id} submission={s} canEdit={view.canEdit} onChanged={setLatest} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
