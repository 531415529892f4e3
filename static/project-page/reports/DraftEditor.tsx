import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { NARRATIVE_MESSAGES } from '../../../contract/i18n/narrative-messages';
import { CLIENT_WORDING_MAX_CHARS, NARRATIVE_MAX_CHARS, type ClientLineJson } from '../../../contract/report-narrative';
import type { ReportDraftJson } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';

const DRAFT: PayloadOf<'report/draft-get'> = {};
type Audience = 'internal' | 'client';

function useDraftT() {
  return useT(NARRATIVE_MESSAGES, COMMON_MESSAGES);
}

interface Drafted {
  internal: string;
  client: string;
  clientLines: ClientLineJson[];
}

/**
 * The PM's review of the live draft: both narratives (each the app's draft until the PM edits
 * it, and reset to it at will), client wording for any line of the client's version, and lines
 * hidden from it. Saving derives the draft again; `onSaved` reloads what shows it.
 */
export function DraftEditor({ onSaved }: { onSaved: () => void }) {
  const t = useDraftT();
  const { state, retry } = useResolver('report/draft-get', DRAFT);
  if (state.status === 'loading') return <LoadingState label={t('narrative.editor.heading')} />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  if (!state.data.canEdit) return null;
  const { drafted } = state.data;
  if (drafted === undefined) {
    return <p className="cf-hint">{t('narrative.editor.notYet')}</p>;
  }
  return (
    <DraftForm
      key={state.data.revision}
      draft={state.data.draft}
      revision={state.data.revision}
      drafted={drafted}
      onReload={retry}
      onSaved={onSaved}
    />
  );
}

/** A narrative: its text, and whether it is the PM's (else the app's draft). */
interface NarrativeState {
  text: string;
  edited: boolean;
}

function NarrativeField({
  audience,
  value,
  drafted,
  onChange,
}: {
  audience: Audience;
  value: NarrativeState;
  drafted: string;
  onChange: (next: NarrativeState) => void;
}) {
  const t = useDraftT();
  const id = useId();
  const tooLong = value.text.length > NARRATIVE_MAX_CHARS;
  return (
    <div className="cf-field" data-testid={`draft-narrative-${audience}-field`}>
      <label className="cf-label" htmlFor={id}>
        {t(audience === 'internal' ? 'narrative.editor.internal' : 'narrative.editor.client')}{' '}
        <span className="cf-draft-state" data-testid={`draft-narrative-${audience}-state`}>
          {t(value.edited ? 'narrative.editor.isEdited' : 'narrative.editor.isDrafted')}
        </span>
      </label>
      <textarea
        id={id}
        className="cf-input cf-textarea"
        rows={8}
        value={value.text}
        aria-invalid={tooLong ? true : undefined}
        aria-describedby={tooLong ? `${id}-error` : undefined}
        data-testid={`draft-narrative-${audience}`}
        onChange={(event) => onChange({ text: event.target.value, edited: true })}
      />
      {tooLong && (
        <p id={`${id}-error`} className="cf-error-text" data-testid={`draft-narrative-${audience}-error`}>
          {t('narrative.editor.narrativeTooLong')}
        </p>
      )}
      <button
        type="button"
        className="cf-button cf-button-subtle"
        disabled={!value.edited}
        onClick={() => onChange({ text: drafted, edited: false })}
        data-testid={`draft-narrative-${audience}-reset`}
      >
        {t('narrative.editor.reset')}
      </button>
    </div>
  );
}

function LineRow({
  line,
  index,
  wording,
  hidden,
  onWording,
  onHidden,
}: {
  line: ClientLineJson;
  index: number;
  wording: string;
  hidden: boolean;
  onWording: (text: string) => void;
  onHidden: (hidden: boolean) => void;
}) {
  const t = useDraftT();
  const id = useId();
  const tooLong = wording.trim().length > CLIENT_WORDING_MAX_CHARS;
  return (
    <li className="cf-draft-line" data-testid={`draft-line-${String(index)}`} data-line={line.id} data-hidden={hidden}>
      <p className="cf-draft-line-text">
        <span className="cf-draft-kind">{t(`narrative.editor.kind.${line.kind}`)}</span>{' '}
        {line.label !== '' && <strong>{line.label} </strong>}
        {line.text}
        {hidden && (
          <span className="cf-draft-hidden" data-testid={`draft-line-hidden-${String(index)}`}>
            {' '}
            · {t('narrative.editor.hidden')}
          </span>
        )}
      </p>
      <div className="cf-field">
        <label className="cf-label" htmlFor={id}>
          {t('narrative.editor.wording', { text: line.text })}
        </label>
        <input
          id={id}
          className="cf-input"
          autoComplete="off"
          value={wording}
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={tooLong ? `${id}-error` : `${id}-hint`}
          data-testid={`draft-line-wording-${String(index)}`}
          onChange={(event) => onWording(event.target.value)}
        />
        {tooLong ? (
          <p id={`${id}-error`} className="cf-error-text">
            {t('narrative.editor.wordingTooLong')}
          </p>
        ) : (
          <p id={`${id}-hint`} className="cf-hint">
            {t('narrative.editor.wordingHint')}
          </p>
        )}
      </div>
      <button
        type="button"
        className="cf-button"
        aria-pressed={hidden}
        onClick={() => onHidden(!hidden)}
        data-testid={`draft-line-hide-${String(index)}`}
      >
        {t('narrative.editor.hide')}
      </button>
    </li>
  );
}

function DraftForm({
  draft,
  revision,
  drafted,
  onReload,
  onSaved,
}: {
  draft: ReportDraftJson;
  revision: number;
  drafted: Drafted;
  onReload: () => void;
  onSaved: () => void;
}) {
  const t = useDraftT();
  const backend = useBackend();
  const headingId = useId();
  const initial = (audience: Audience): NarrativeState => {
    const own = draft.narrative?.[audience] ?? null;
    return own === null ? { text: drafted[audience], edited: false } : { text: own, edited: true };
  };
  const [internal, setInternal] = useState(initial('internal'));
  const [client, setClient] = useState(initial('client'));
  const [wording, setWording] = useState<Readonly<Record<string, string>>>(draft.clientWording ?? {});
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set(draft.hiddenLines ?? []));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);

  const invalid =
    internal.text.length > NARRATIVE_MAX_CHARS ||
    client.text.length > NARRATIVE_MAX_CHARS ||
    Object.values(wording).some((w) => w.trim().length > CLIENT_WORDING_MAX_CHARS);

  const save = () => {
    if (invalid) return;
    setBusy(true);
    setFailure(null);
    const clientWording = Object.fromEntries(
      Object.entries(wording)
        .map(([id, text]) => [id, text.trim()] as const)
        .filter(([, text]) => text !== ''),
    );
    const next: ReportDraftJson = {
      ...draft,
      narrative: { internal: internal.edited ? internal.text : null, client: client.edited ? client.text : null },
      clientWording,
      hiddenLines: [...hidden],
    };
    void backend.call('report/draft-save', { draft: next, revision }).then((answer) => {
      setBusy(false);
      if (answer.ok) onSaved();
      else setFailure(answer.error);
    });
  };

  return (
    <form
      className="cf-draft-editor"
      aria-labelledby={headingId}
      data-testid="draft-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h4 id={headingId}>{t('narrative.editor.heading')}</h4>
      <p className="cf-hint">{t('narrative.editor.intro')}</p>
      <NarrativeField audience="internal" value={internal} drafted={drafted.internal} onChange={setInternal} />
      <NarrativeField audience="client" value={client} drafted={drafted.client} onChange={setClient} />
      <details className="cf-draft-lines" data-testid="draft-lines">
        <summary>
          {t('narrative.editor.lines')} ({drafted.clientLines.length})
        </summary>
        {drafted.clientLines.length === 0 ? (
          <p className="cf-hint">{t('narrative.editor.linesEmpty')}</p>
        ) : (
          <ul>
            {drafted.clientLines.map((line, index) => (
              <LineRow
                key={line.id}
                line={line}
                index={index}
                wording={wording[line.id] ?? ''}
                hidden={hidden.has(line.id)}
                onWording={(text) => setWording((current) => ({ ...current, [line.id]: text }))}
                onHidden={(hide) =>
                  setHidden((current) => {
                    const nextSet = new Set(current);
                    if (hide) nextSet.add(line.id);
                    else nextSet.delete(line.id);
                    return nextSet;
                  })
                }
              />
            ))}
          </ul>
        )}
      </details>
      <div className="cf-actions">
        <button type="submit" className="cf-button cf-button-primary" disabled={busy || invalid} data-testid="draft-save">
          {t('narrative.editor.save')}
        </button>
      </div>
      {failure !== null && (
        <div role="alert" className="cf-error-text" data-testid="draft-failure">
          <p>{failure.code === 'CONFLICT' ? t('narrative.editor.conflict') : t(`error.${failure.code}`)}</p>
          {failure.code === 'CONFLICT' && (
            <button type="button" className="cf-button" onClick={onReload}>
              {t('narrative.editor.reload')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** The editor's and the side-by-side previews' styles (ADS tokens; stacked on a narrow screen). */
export function DraftEditorStyles() {
  return (
    <style>{`
.cf-draft-editor { display: grid; gap: ${token('space.150', '12px')}; padding-block-start: ${token('space.150', '12px')}; border-block-start: 1px solid ${token('color.border', '#0B120E24')}; }
.cf-draft-editor > h4, .cf-draft-editor > p { margin: 0; }
.cf-draft-editor .cf-field { display: grid; gap: ${token('space.050', '4px')}; }
.cf-draft-editor .cf-field > button { justify-self: start; }
.cf-draft-editor textarea.cf-input { height: auto; min-height: 10rem; max-width: 48rem; padding: ${token('space.100', '8px')}; resize: vertical; }
.cf-draft-state, .cf-draft-kind { font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; color: ${token('color.text.subtle', '#505258')}; }
.cf-draft-hidden { color: ${token('color.text.warning', '#A54800')}; font-weight: 600; }
.cf-draft-lines summary { cursor: pointer; font-weight: 600; }
.cf-draft-lines ul { list-style: none; margin: ${token('space.100', '8px')} 0 0; padding: 0; display: grid; gap: ${token('space.150', '12px')}; }
.cf-draft-line { display: grid; gap: ${token('space.075', '6px')}; padding: ${token('space.100', '8px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.small', '4px')}; overflow-wrap: anywhere; }
.cf-draft-line[data-hidden='true'] { background: ${token('color.background.neutral', '#0515240F')}; }
.cf-draft-line > button { justify-self: start; }
.cf-draft-line[data-hidden='true'] > button { background: ${token('color.background.selected', '#E9F2FE')}; color: ${token('color.text.selected', '#1868DB')}; }
.cf-draft-line-text { margin: 0; }
.cf-reports-side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: ${token('space.200', '16px')}; align-items: start; }
.cf-reports-side-by-side > section { min-width: 0; padding: ${token('space.150', '12px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; }
.cf-reports-side-by-side h4 { margin: 0 0 ${token('space.100', '8px')}; }
`}</style>
  );
}
