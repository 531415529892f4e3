import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { NARRATIVE_MESSAGES } from '../../../contract/i18n/narrative-messages';
import { LANGUAGES, type Language } from '../../../contract/language';
import {
  CLIENT_WORDING_MAX_CHARS,
  NARRATIVE_MAX_CHARS,
  pmTextIn,
  type ClientLineJson,
  type LocalizedPmText,
} from '../../../contract/report-narrative';
import type { ReportDraftJson } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';

const DRAFT: PayloadOf<'report/draft-get'> = {};
type Audience = 'internal' | 'client';

function useDraftT() {
  return useT(NARRATIVE_MESSAGES, COMMON_MESSAGES);
}

interface Drafted {
  clientLines: ClientLineJson[];
  byLanguage: Partial<Record<Language, { internal: string; client: string }>>;
  readers: Record<Audience, Language[]>;
}
type PerLanguage<T> = Record<Language, T>;

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

const writtenLanguages = (values: PerLanguage<NarrativeState>) => LANGUAGES.filter((lang) => values[lang].edited);

function NarrativeField({
  audience,
  lang,
  values,
  drafted,
  readers,
  onChange,
}: {
  audience: Audience;
  lang: Language;
  values: PerLanguage<NarrativeState>;
  drafted: string;
  readers: readonly Language[];
  onChange: (next: NarrativeState) => void;
}) {
  const t = useDraftT();
  const id = useId();
  const value = values[lang];
  const tooLong = value.text.length > NARRATIVE_MAX_CHARS;
  const written = writtenLanguages(values);
  const unwritten = readers.filter((l) => !written.includes(l));
  const langName = (l: Language) => t(`narrative.editor.lang.${l}`);
  return (
    <div className="cf-field" data-testid={`draft-narrative-${audience}-field`} data-lang={lang}>
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
      <p className="cf-hint" data-testid={`draft-narrative-${audience}-languages`} data-written={written.join(' ')}>
        {written.length === 0
          ? t('narrative.editor.writtenInNone')
          : t('narrative.editor.writtenIn', { languages: written.map(langName).join(' · ') })}
      </p>
      {written.length > 0 && unwritten.length > 0 && (
        <p className="cf-warning-text" role="status" data-testid={`draft-narrative-${audience}-one-language`}>
          {t('narrative.editor.oneLanguage', { written: written.map(langName).join(' · '), other: unwritten.map(langName).join(' · ') })}
        </p>
      )}
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
  lang,
  index,
  wording,
  hidden,
  onWording,
  onHidden,
}: {
  line: ClientLineJson;
  lang: Language;
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
        <label className="cf-label" htmlFor={id} lang={lang}>
          {t('narrative.editor.wording', { text: line.text })} ({t(`narrative.editor.lang.${lang}`)})
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
        {t(hidden ? 'narrative.editor.show' : 'narrative.editor.hide')}
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
  const { locale } = useI18n();
  const [lang, setLang] = useState<Language>(locale);
  const initial = (audience: Audience): PerLanguage<NarrativeState> => {
    const own: LocalizedPmText | null = draft.narrative?.[audience] ?? null;
    const state = (l: Language): NarrativeState => {
      const text = pmTextIn(own, l);
      return text === undefined ? { text: drafted.byLanguage[l]?.[audience] ?? '', edited: false } : { text, edited: true };
    };
    return { en: state('en'), 'zh-CN': state('zh-CN') };
  };
  const [internal, setInternal] = useState(initial('internal'));
  const [client, setClient] = useState(initial('client'));
  const [wording, setWording] = useState<Readonly<Record<string, PerLanguage<string>>>>(() =>
    Object.fromEntries(
      Object.entries(draft.clientWording ?? {}).map(([id, value]) => [
        id,
        { en: pmTextIn(value, 'en') ?? '', 'zh-CN': pmTextIn(value, 'zh-CN') ?? '' },
      ]),
    ),
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set(draft.hiddenLines ?? []));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);

  const invalid =
    LANGUAGES.some((l) => internal[l].text.length > NARRATIVE_MAX_CHARS || client[l].text.length > NARRATIVE_MAX_CHARS) ||
    Object.values(wording).some((w) => LANGUAGES.some((l) => w[l].trim().length > CLIENT_WORDING_MAX_CHARS));
  const langName = (l: Language) => t(`narrative.editor.lang.${l}`);
  // Client readers of a language some wording is missing in (while written in another).
  const wordingUnread = drafted.readers.client.filter((l) =>
    Object.values(wording).some((w) => w[l].trim() === '' && LANGUAGES.some((o) => w[o].trim() !== '')),
  );
  const wordingWritten = LANGUAGES.filter((l) => !wordingUnread.includes(l) && Object.values(wording).some((w) => w[l].trim() !== ''));

  const save = () => {
    if (invalid) return;
    setBusy(true);
    setFailure(null);
    const narrativeOf = (values: PerLanguage<NarrativeState>): LocalizedPmText | null =>
      writtenLanguages(values).length === 0
        ? null
        : { en: values.en.edited ? values.en.text : null, 'zh-CN': values['zh-CN'].edited ? values['zh-CN'].text : null };
    const clientWording = Object.fromEntries(
      Object.entries(wording)
        .map(([id, texts]) => {
          const written = Object.fromEntries(LANGUAGES.map((l) => [l, texts[l].trim()] as const).filter(([, text]) => text !== ''));
          return [id, written] as const;
        })
        .filter(([, written]) => Object.keys(written).length > 0),
    );
    const next: ReportDraftJson = {
      ...draft,
      narrative: { internal: narrativeOf(internal), client: narrativeOf(client) },
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
      <fieldset className="cf-draft-language" data-testid="draft-language">
        <legend className="cf-label">{t('narrative.editor.language')}</legend>
        <div className="cf-segmented">
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              className="cf-button"
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
              data-testid={`draft-language-${l}`}
            >
              {langName(l)}
            </button>
          ))}
        </div>
        <p className="cf-hint">{t('narrative.editor.languageHint')}</p>
      </fieldset>
      <NarrativeField
        audience="internal"
        lang={lang}
        values={internal}
        drafted={drafted.byLanguage[lang]?.internal ?? ''}
        readers={drafted.readers.internal}
        onChange={(next) => setInternal((current) => ({ ...current, [lang]: next }))}
      />
      <NarrativeField
        audience="client"
        lang={lang}
        values={client}
        drafted={drafted.byLanguage[lang]?.client ?? ''}
        readers={drafted.readers.client}
        onChange={(next) => setClient((current) => ({ ...current, [lang]: next }))}
      />
      <details className="cf-draft-lines" data-testid="draft-lines">
        <summary>
          {t('narrative.editor.lines')} ({drafted.clientLines.length})
        </summary>
        {wordingWritten.length > 0 && wordingUnread.length > 0 && (
          <p className="cf-warning-text" role="status" data-testid="draft-wording-one-language">
            {t('narrative.editor.wordingOneLanguage', {
              written: wordingWritten.map(langName).join(' · '),
              other: wordingUnread.map(langName).join(' · '),
            })}
          </p>
        )}
        {drafted.clientLines.length === 0 ? (
          <p className="cf-hint">{t('narrative.editor.linesEmpty')}</p>
        ) : (
          <ul>
            {drafted.clientLines.map((line, index) => (
              <LineRow
                key={line.id}
                line={line}
                lang={lang}
                index={index}
                wording={wording[line.id]?.[lang] ?? ''}
                hidden={hidden.has(line.id)}
                onWording={(text) =>
                  setWording((current) => ({ ...current, [line.id]: { ...(current[line.id] ?? { en: '', 'zh-CN': '' }), [lang]: text } }))
                }
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
.cf-draft-language { border: 0; margin: 0; padding: 0; display: grid; gap: ${token('space.050', '4px')}; }
.cf-draft-language .cf-segmented { display: flex; gap: ${token('space.050', '4px')}; flex-wrap: wrap; }
.cf-draft-language button[aria-pressed='true'] { background: ${token('color.background.selected', '#E9F2FE')}; color: ${token('color.text.selected', '#1868DB')}; }
.cf-warning-text { margin: 0; color: ${token('color.text.warning', '#A54800')}; }
.cf-reports-side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: ${token('space.200', '16px')}; align-items: start; }
.cf-reports-side-by-side > section { min-width: 0; padding: ${token('space.150', '12px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; }
.cf-reports-side-by-side h4 { margin: 0 0 ${token('space.100', '8px')}; }
`}</style>
  );
}
