import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** False for dialogs that must be answered (Escape and the close button then do nothing). */
  dismissible?: boolean;
  size?: 'small' | 'medium' | 'large';
  testId?: string;
}

const focusableInBody =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), select:not([disabled]), ' +
  'textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * A modal built on the native `<dialog>`: `showModal()` makes the page behind it inert (focus
 * stays inside) and gives Escape for free. On open, focus goes to the first field of the body
 * (or an element marked `data-autofocus`); on close it returns to what had it before.
 * Contents are mounted only while open, so a dialog's form starts fresh each time.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  dismissible = true,
  size = 'medium',
  testId,
}: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  const dismissibleRef = useRef(dismissible);
  useEffect(() => {
    onCloseRef.current = onClose;
    dismissibleRef.current = dismissible;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
      const body = bodyRef.current;
      const target =
        body?.querySelector<HTMLElement>('[data-autofocus]') ??
        body?.querySelector<HTMLElement>(focusableInBody);
      (target ?? dialog).focus();
    } else if (!open && dialog.open) {
      dialog.close();
      const previous = returnFocus.current;
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    const onCancel = (event: Event) => {
      // The dialog closes when the parent's state says so, never behind React's back.
      event.preventDefault();
      if (dismissibleRef.current) onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      tabIndex={-1}
    >
      {open && (
        <>
          <div className="dialog-header">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            {dismissible && (
              <button
                type="button"
                className="button button-icon"
                onClick={onClose}
                aria-label={t('common.close')}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </div>
          <div className="dialog-body" ref={bodyRef}>
            {children}
          </div>
        </>
      )}
    </dialog>
  );
}

/** A row of dialog actions, primary last in reading order (so it sits at the inline end). */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog-actions">{children}</div>;
}
