import { useReducer, useState } from 'react';
import type { SettingsView } from '../../../contract';
import { useBackend } from '../../shared/BackendProvider';
import { ProjectDataPanel } from './ProjectDataPanel';
import { initialFormState, settingsFormReducer, toFormStatus } from './settings-form';
import type { ProjectRef } from './settings-host';
import { SettingsForm } from './SettingsForm';
import { useSettingsHost } from './SettingsHostProvider';
import { useJiraLists } from './use-jira-lists';
import { useSettingsMessages } from './use-settings-messages';

const GET_PAYLOAD = {};

/**
 * The Settings form with its behaviour: saves with the revision it read (a stale one answers
 * `CONFLICT`, and the newer version is read to say what changed), reloads on request, keeping
 * the PM's edits on top or not, confirms a save with a flag, and for project admins offers
 * the project's data. Starts from a loaded view.
 */
export function SettingsEditor({ view, project }: { view: SettingsView; project: ProjectRef | null }) {
  const { t } = useSettingsMessages();
  const backend = useBackend();
  const host = useSettingsHost();
  const [state, dispatch] = useReducer(settingsFormReducer, view, initialFormState);
  const lists = useJiraLists(host, project);
  const [now] = useState(() => Date.now());

  const save = async () => {
    const status = toFormStatus(state);
    if (!status.canSave || !status.validation.ok) return;
    dispatch({ type: 'saveStarted' });
    const answer = await backend.call('settings/save', { settings: status.validation.settings, revision: state.saved.revision });
    if (!answer.ok) {
      dispatch({ type: 'saveFailed', error: answer.error });
      // Read what the other person saved, to say which fields they changed.
      if (answer.error.code === 'CONFLICT') {
        const latest = await backend.call('settings/get', GET_PAYLOAD);
        if (latest.ok) dispatch({ type: 'conflictRead', view: latest.data });
      }
      return;
    }
    dispatch({ type: 'saveSucceeded', view: answer.data });
    host.showFlag({ type: 'success', title: t('settings.flag.saved'), description: t('settings.flag.savedBody') });
  };

  /** Reads the stored settings afresh, then either puts the PM's edits back on them or drops the edits. */
  const reload = async (then: 'reapplied' | 'reloaded') => {
    dispatch({ type: 'reloadStarted' });
    const answer = await backend.call('settings/get', GET_PAYLOAD);
    dispatch(answer.ok ? { type: then, view: answer.data } : { type: 'reloadFailed', error: answer.error });
  };

  return (
    <>
      <SettingsForm
        state={state}
        lists={lists}
        now={now}
        onEdit={(change) => {
          dispatch({ type: 'edit', change });
        }}
        onSave={() => {
          void save();
        }}
        onReapply={() => {
          void reload('reapplied');
        }}
        onReload={() => {
          void reload('reloaded');
        }}
        onResetToDefaults={() => {
          dispatch({ type: 'resetToDefaults' });
        }}
        onDiscard={() => {
          dispatch({ type: 'discard' });
        }}
      />
      {state.saved.canEdit && (
        <ProjectDataPanel
          projectKey={project?.key ?? null}
          onDeleted={() => {
            void reload('reloaded');
          }}
        />
      )}
    </>
  );
}
