import { useState, type SyntheticEvent } from 'react';
import type { AgendaLineJson, TouchpointSeriesJson } from '../../../contract/comms';
import { useBackend } from '../../shared/BackendProvider';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { TextInput } from './CommsFields';
import { newId } from './comms-drafts';
import { moveLine, parseAgendaLines } from './agenda-lines';
import { SaveBar, type SaveState } from './SaveBar';
import { useCommsT } from './use-comms-messages';

export interface SavedAgenda {
  day: string;
  lines: AgendaLineJson[];
  revision: number;
}

/**
 * The agenda of one upcoming occurrence, to rewrite, add to, remove from and reorder before the
 * meeting. Saved at the revision it was opened at: a stale save offers to reload and re-apply
 * (this version replaces the newer one, which the PM has then seen).
 */
export function AgendaEditor({
  series,
  day,
  initial,
  revision,
  onSaved,
  onCancel,
}: {
  series: TouchpointSeriesJson;
  day: string;
  initial: AgendaLineJson[];
  revision: number;
  onSaved: (saved: SavedAgenda) => void;
  onCancel: () => void;
}) {
  const t = useCommsT();
  const { formatDay } = useI18n();
  const backend = useBackend();
  const [lines, setLines] = useState(initial);
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const checked = parseAgendaLines(lines);
  const errors = tried && !checked.ok ? checked.errors : {};
  const save = async (atRevision: number) => {
    if (!checked.ok) return;
    setState({ kind: 'saving' });
    const answer = await backend.call('comms/agenda-save', { seriesId: series.id, day, lines: checked.value, revision: atRevision });
    if (answer.ok) onSaved(answer.data.saved);
    else setState(answer.error.code === 'CONFLICT' ? { kind: 'conflict' } : { kind: 'failed', error: answer.error });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    void save(revision);
  };
  const reapply = () => {
    setTried(true);
    if (!checked.ok) return;
    setState({ kind: 'saving' });
    void backend.call('comms/agenda', { seriesId: series.id }).then((latest) => {
      if (!latest.ok) {
        setState({ kind: 'failed', error: latest.error });
        return;
      }
      void save(latest.data.saved?.day === day ? latest.data.saved.revision : 0);
    });
  };
  return (
    <form
      className="cf-comms-editor"
      noValidate
      onSubmit={submit}
      data-testid="comms-agenda-editor"
      aria-label={t('comms.agenda.editHeading', { day: formatDay(day) })}
    >
      <h4>{t('comms.agenda.editHeading', { day: formatDay(day) })}</h4>
      <ol className="cf-comms-agenda-lines">
        {lines.map((line, n) => {
          const label = String(n + 1);
          return (
            <li key={line.id} data-testid={`comms-agenda-item-${label}`}>
              <TextInput
                id={`agenda-line-${label}`}
                label={t('comms.agenda.line', { n: label })}
                value={line.text}
                onChange={(text) => {
                  setLines((all) => all.map((l) => (l.id === line.id ? { ...l, text } : l)));
                }}
                error={errors[`lines.${String(n)}`]}
              />
              <div className="cf-actions">
                <button
                  type="button"
                  className="cf-button cf-button-subtle"
                  disabled={n === 0}
                  data-testid={`comms-agenda-up-${label}`}
                  onClick={() => {
                    setLines((all) => moveLine(all, n, -1));
                  }}
                >
                  {t('comms.agenda.moveUp', { n: label })}
                </button>
                <button
                  type="button"
                  className="cf-button cf-button-subtle"
                  disabled={n === lines.length - 1}
                  data-testid={`comms-agenda-down-${label}`}
                  onClick={() => {
                    setLines((all) => moveLine(all, n, 1));
                  }}
                >
                  {t('comms.agenda.moveDown', { n: label })}
                </button>
                <button
                  type="button"
                  className="cf-button cf-button-subtle"
                  data-testid={`comms-agenda-remove-${label}`}
                  onClick={() => {
                    setLines((all) => all.filter((l) => l.id !== line.id));
                  }}
                >
                  {t('comms.agenda.removeLine', { n: label })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className="cf-button"
          data-testid="comms-agenda-add"
          onClick={() => {
            setLines((all) => [...all, { id: newId(), text: '' }]);
          }}
        >
          {t('comms.agenda.addLine')}
        </button>
      </div>
      <SaveBar id="agenda" state={state} onCancel={onCancel} onReapply={reapply} conflictMessage="comms.conflict.agenda" />
    </form>
  );
}
