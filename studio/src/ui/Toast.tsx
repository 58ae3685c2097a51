/** Short confirmations ("Saved") and failures, announced politely to screen readers; optionally with a link ("View run"). */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type ToastKind = 'success' | 'error' | 'info';
export interface ToastLink {
  label: string;
  /** A hash link, e.g. `#/studio/runs/<id>`. */
  href: string;
}
interface ToastItem {
  id: number;
  message: string;
  kind: ToastKind;
  link?: ToastLink;
}

const ToastContext = createContext<(message: string, kind?: ToastKind, link?: ToastLink) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (message: string, kind: ToastKind = 'success', link?: ToastLink) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { id, message, kind, link }]);
      // A toast with a link stays long enough to be clicked.
      window.setTimeout(() => dismiss(id), kind === 'error' || link ? 8000 : 3500);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`}>
            <span>{t.message}</span>
            {t.link && (
              <a className="toast-link" href={t.link.href} onClick={() => dismiss(t.id)}>
                {t.link.label}
              </a>
            )}
            <button type="button" className="toast-close" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
