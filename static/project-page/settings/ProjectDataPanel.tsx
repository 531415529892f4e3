import { useRef, useState } from 'react';
import type { AppErrorJson, ErrorCode } from '../../../contract';
import { useBackend } from '../../shared/BackendProvider';
import { toExportFileName } from './export-file-name';
import { InlineConfirm } from './InlineConfirm';
import { useSettingsHost } from './SettingsHostProvider';
import { useSettingsMessages } from './use-settings-messages';

type ExportState =
  { status: 'idle' } | { status: 'exporting' } | { status: 'done'; fileName: string } | { status: 'failed'; error: AppErrorJson };
type DeleteState =
  | { status: 'idle' }
  | { status: 'confirming'; typed: string }
  | { status: 'deleting'; typed: string }
  | { status: 'done'; deleted: number }
  | { status: 'failed'; error: AppErrorJson; partial: boolean };

const MIME_JSON = 'application/json';

/**
 * Failures that can happen once deleting has begun (the permission and the typed key are checked
 * first): some records may be gone and others not. Any other failure refused the request whole.
 */
const MAY_STOP_PART_WAY: readonly ErrorCode[] = ['STORAGE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'];

/**
 * The project's app data, for project admins: export it as one JSON file, or delete all of
 * it after typing the project key. Jira's own data is never touched. `onDeleted` runs after a
 * delete, or one that stopped part way (the settings may have gone with it, so the form reloads
 * what is stored). A delete that stops part way is never called "nothing deleted".
 */
export function ProjectDataPanel({ projectKey, onDeleted }: { projectKey: string | null; onDeleted: () => void }) {
  const { t, formatNumber } = useSettingsMessages();
  const backend = useBackend();
  const host = useSettingsHost();
  const [exporting, setExporting] = useState<ExportState>({ status: 'idle' });
  const [deleting, setDeleting] = useState<DeleteState>({ status: 'idle' });
  const deleteButton = useRef<HTMLButtonElement>(null);

  const exportData = async () => {
    setExporting({ status: 'exporting' });
    const answer = await backend.call('project/export', {});
    if (!answer.ok) {
      setExporting({ status: 'failed', error: answer.error });
      return;
    }
    const fileName = toExportFileName(answer.data.project.key, answer.data.exportedAt);
    host.download(fileName, `${JSON.stringify(answer.data, null, 2)}\n`, MIME_JSON);
    setExporting({ status: 'done', fileName });
  };

  const closeConfirm = () => {
    setDeleting({ status: 'idle' });
    deleteButton.current?.focus();
  };

  const deleteData = async (typed: string) => {
    setDeleting({ status: 'deleting', typed });
    const answer = await backend.call('project/delete-data', { confirmProjectKey: typed.trim() });
    if (!answer.ok) {
      const partial = MAY_STOP_PART_WAY.includes(answer.error.code);
      setDeleting({ status: 'failed', error: answer.error, partial });
      deleteButton.current?.focus();
      // The settings may be among what went: show what is stored now.
      if (partial) onDeleted();
      return;
    }
    setDeleting({ status: 'done', deleted: answer.data.deleted });
    deleteButton.current?.focus();
    onDeleted();
  };

  const confirming = deleting.status === 'confirming' || deleting.status === 'deleting' ? deleting : null;
  const matches = (typed: string) => (projectKey === null ? typed.trim() !== '' : typed.trim() === projectKey);

  return (
    <section className="cf-group" aria-labelledby="cf-settings-data" data-testid="project-data">
      <h3 id="cf-settings-data">{t('settings.data.heading')}</h3>
      <p>{t('settings.data.intro')}</p>
      <div className="cf-data-actions">
        <div className="cf-field">
          <div>
            <button
              type="button"
              className="cf-button"
              aria-describedby="cf-data-export-hint"
              disabled={exporting.status === 'exporting'}
              data-testid="export-data"
              onClick={() => {
                void exportData();
              }}
            >
              {exporting.status === 'exporting' ? t('settings.data.exporting') : t('settings.data.export')}
            </button>
          </div>
          <p id="cf-data-export-hint" className="cf-hint">
            {t('settings.data.exportHint')}
          </p>
          <div role="status" data-testid="export-status">
            {exporting.status === 'done' && <p className="cf-hint">{t('settings.data.exported', { file: exporting.fileName })}</p>}
          </div>
          {exporting.status === 'failed' && (
            <p className="cf-error-text" role="alert" data-testid="export-error" data-error-code={exporting.error.code}>
              {t('settings.data.exportFailed')} {t(`error.${exporting.error.code}`)}
            </p>
          )}
        </div>

        <div className="cf-field">
          <div>
            <button
              ref={deleteButton}
              type="button"
              className="cf-button cf-button-danger"
              aria-describedby="cf-data-delete-hint"
              aria-expanded={confirming !== null}
              data-testid="delete-data"
              onClick={() => {
                if (confirming === null) setDeleting({ status: 'confirming', typed: '' });
              }}
            >
              {t('settings.data.delete')}
            </button>
          </div>
          <p id="cf-data-delete-hint" className="cf-hint">
            {t('settings.data.deleteHint')}
          </p>
          {confirming !== null && (
            <InlineConfirm
              testId="delete-confirm"
              danger
              title={projectKey === null ? t('settings.data.confirmTitleNoKey') : t('settings.data.confirmTitle', { key: projectKey })}
              body={t('settings.data.confirmBody')}
              confirmLabel={confirming.status === 'deleting' ? t('settings.data.deleting') : t('settings.data.delete')}
              cancelLabel={t('settings.cancel')}
              confirmDisabled={confirming.status === 'deleting' || !matches(confirming.typed)}
              onCancel={closeConfirm}
              onConfirm={() => {
                void deleteData(confirming.typed);
              }}
            >
              <div className="cf-field">
                <label className="cf-label" htmlFor="cf-delete-confirm-key">
                  {projectKey === null ? t('settings.data.confirmLabelNoKey') : t('settings.data.confirmLabel', { key: projectKey })}
                </label>
                <input
                  id="cf-delete-confirm-key"
                  className="cf-input"
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  value={confirming.typed}
                  readOnly={confirming.status === 'deleting'}
                  data-testid="delete-confirm-key"
                  onChange={(event) => {
                    setDeleting({ status: 'confirming', typed: event.target.value });
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && confirming.status === 'confirming' && matches(confirming.typed)) {
                      event.preventDefault();
                      void deleteData(confirming.typed);
                    }
                  }}
                />
              </div>
            </InlineConfirm>
          )}
          <div role="status" data-testid="delete-status">
            {deleting.status === 'done' && (
              <p className="cf-hint">
                {deleting.deleted === 1
                  ? t('settings.data.deletedOne')
                  : t('settings.data.deletedOther', { count: formatNumber(deleting.deleted) })}
              </p>
            )}
          </div>
          {deleting.status === 'failed' && (
            <p className="cf-error-text" role="alert" data-testid="delete-error" data-error-code={deleting.error.code}>
              {deleting.partial
                ? t('settings.data.deleteStopped')
                : `${t('settings.data.deleteFailed')} ${t(`error.${deleting.error.code}`)}`}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
