import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

type ToastKind = 'success' | 'error' | 'info';

interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

interface ToastApi {
  show: (kind: ToastKind, message: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

// Long enough to read a sentence in any of the six languages; errors stay until dismissed.
const toastLifetimeMs = 7000;

/**
 * Toasts in two live regions: successes are announced politely, errors assertively. The
 * regions exist from the start (a live region added together with its text is often not
 * announced by screen readers).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  // A message keeps the language it was written in: drop them all when the language changes.
  const [toastLanguage, setToastLanguage] = useState(i18n.language);
  if (toastLanguage !== i18n.language) {
    setToastLanguage(i18n.language);
    setToasts([]);
  }

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (kind: ToastKind, message: string) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-4), { id, kind, message }]);
      if (kind !== 'error')
        window.setTimeout(() => {
          dismiss(id);
        }, toastLifetimeMs);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);
  const render = (items: Toast[]) =>
    items.map((toast) => (
      <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast">
        <p className="toast-message">{toast.message}</p>
        <button
          type="button"
          className="button button-icon"
          onClick={() => {
            dismiss(toast.id);
          }}
          aria-label={t('common.dismiss')}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    ));

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div role="status" aria-live="polite" className="toast-region">
          {render(toasts.filter((toast) => toast.kind !== 'error'))}
        </div>
        <div role="alert" aria-live="assertive" className="toast-region">
          {render(toasts.filter((toast) => toast.kind === 'error'))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast: `toast.show('success', t('users.created'))`. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (api === null) throw new Error('useToast outside ToastProvider');
  return api;
}
