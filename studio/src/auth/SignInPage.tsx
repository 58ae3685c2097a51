/** Sign in with email and password; says why the person is here (session ended, signed out, password set). */
import { useState, type FormEvent } from 'react';
import { href } from '../app/router.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { authApi, type SessionUser } from './auth-api.js';
import { signInErrorMessage } from './auth-errors.js';
import { AuthField, AuthLayout } from './AuthLayout.js';
import type { SessionPhase } from './session-state.js';

type Reason = Extract<SessionPhase, { kind: 'signedOut' }>['reason'];

const NOTICES: Record<Reason, { kind: 'info' | 'success'; text: string } | null> = {
  none: null,
  expired: { kind: 'info', text: 'Your session ended. Sign in again to continue where you left off.' },
  signedOut: { kind: 'success', text: 'You are signed out.' },
  passwordReset: { kind: 'success', text: 'Your password is set. Sign in with it.' },
};

export function SignInPage({ reason, onSignedIn }: { reason: Reason; onSignedIn: (user: SessionUser) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = error ? null : NOTICES[reason];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.signIn({ email: email.trim(), password }));
    } catch (err) {
      setError(signInErrorMessage(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Sign in to Trellis" subtitle="Welcome back. Sign in with your work email.">
      <form className="auth-form" onSubmit={submit} noValidate>
        {notice && (
          <div className={notice.kind === 'success' ? 'banner banner-success' : 'banner banner-info'} role="status">
            <Icon name={notice.kind === 'success' ? 'check' : 'info'} />
            <div className="banner-text">{notice.text}</div>
          </div>
        )}
        {error && <ErrorBanner>{error}</ErrorBanner>}
        <AuthField label="Email" type="email" value={email} onChange={setEmail} autoComplete="username" autoFocus />
        <AuthField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          action={
            <a className="auth-aside-link" href={href('/forgot-password')}>
              Forgot password?
            </a>
          }
        />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy || !email.trim() || !password}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
