import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface InlineConfirmProps {
  title: string;
  body: string;
  /** Extra content between the body and the buttons (the "type the key" input). */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  confirmDisabled?: boolean;
  danger?: boolean;
  testId: string;
}

/**
 * A confirmation shown in place, under the button that asked for it: a non-modal dialog that
 * takes focus when it opens (its first input, else its Cancel button, the safe choice) and
 * closes on Escape. In place rather than modal because a Custom UI frame grows with its
 * content: a modal centred in the frame could open far from where the PM is looking.
 * The caller returns focus to the button that opened it.
 */
export function InlineConfirm({
  title,
  body,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmDisabled = false,
  danger = false,
  testId,
}: InlineConfirmProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const first = dialog.current?.querySelector('input');
    (first ?? cancel.current)?.focus();
  }, []);

  // A non-modal dialog gets no `cancel` event from Escape, so it listens for the key itself.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onCancel();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [onCancel]);

  return (
    <dialog ref={dialog} open className="cf-confirm" aria-labelledby={titleId} aria-describedby={bodyId} data-testid={testId}>
      <h4 id={titleId}>{title}</h4>
      <p id={bodyId}>{body}</p>
      {children}
      <div className="cf-message-actions">
        <button
          type="button"
          className={danger ? 'cf-button cf-button-danger' : 'cf-button cf-button-primary'}
          disabled={confirmDisabled}
          data-testid={`${testId}-confirm`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="cf-button cf-button-subtle" data-testid={`${testId}-cancel`} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
