/** The centered card the signed-out pages (sign in, first run, password reset) share. */
import type { ReactNode } from 'react';

export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="auth-screen" id="main">
      <div className="auth-column">
        <div className="auth-brand" aria-hidden="true">
          <span className="brand-mark">T</span>
          <span className="brand-name">Trellis</span>
        </div>
        <section className="auth-card" aria-labelledby="auth-title">
          <header className="auth-header">
            <h1 id="auth-title">{title}</h1>
            {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          </header>
          {children}
        </section>
        {footer && <div className="auth-footer">{footer}</div>}
      </div>
    </main>
  );
}

/** A labelled input of the signed-out forms, with an inline error wired with aria. */
export function AuthField({
  label,
  type = 'text',
  value,
  onChange,
  autoComplete,
  autoFocus,
  error,
  describedBy,
  action,
}: {
  label: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
  autoFocus?: boolean;
  error?: string | null;
  describedBy?: string;
  /** A link on the right of the label ("Forgot password?"). */
  action?: ReactNode;
}) {
  const id = `auth-${autoComplete.replace(/\s+/g, '-')}-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <div className="auth-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {action}
      </div>
      <input
        id={id}
        className="input auth-input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? `${id}-error` : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
