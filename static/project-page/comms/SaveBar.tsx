import type { AppErrorJson } from '../../../contract';
import { useCommsT } from './use-comms-messages';

/** What an editor's save came to, short of success (which closes the editor). */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'failed'; error: AppErrorJson };

/** Save and Cancel for an editor, with the conflict notice and its way out. */
export function SaveBar({
  id,
  state,
  onCancel,
  onReapply,
  conflictMessage = 'comms.conflict',
}: {
  id: string;
  state: SaveState;
  onCancel: () => void;
  onReapply: () => void;
  /** What was changed meanwhile: the plan unless said. */
  conflictMessage?: 'comms.conflict' | 'comms.conflict.agenda' | 'comms.conflict.touchpoint';
}) {
  const t = useCommsT();
  return (
    <>
      {state.kind === 'conflict' && (
        <div className="cf-message" data-appearance="warning" role="alert" data-testid={`comms-${id}-conflict`}>
          <p>{t(conflictMessage)}</p>
          <div className="cf-message-actions">
            <button type="button" className="cf-button cf-button-primary" data-testid={`comms-${id}-reapply`} onClick={onReapply}>
              {t('comms.conflict.reapply')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'failed' && (
        <p className="cf-error-text" role="alert" data-testid={`comms-${id}-failed`}>
          {t('comms.saveFailed', { reason: t(`error.${state.error.code}`) })}
        </p>
      )}
      <div className="cf-actions">
        <button type="submit" className="cf-button cf-button-primary" disabled={state.kind === 'saving'} data-testid={`comms-${id}-save`}>
          {state.kind === 'saving' ? t('comms.saving') : t('comms.save')}
        </button>
        <button type="button" className="cf-button cf-button-subtle" onClick={onCancel}>
          {t('comms.cancel')}
        </button>
      </div>
    </>
  );
}
