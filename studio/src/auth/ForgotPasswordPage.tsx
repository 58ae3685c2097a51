/** Asks for a password reset link. Always answers the same, so it cannot tell who has an account. */
import { useState, type FormEvent } from 'react';
import { href } from '../app/router.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { authApi } from './auth-api.js';
import { signInErrorMessage } from './auth-errors.js';
import { AuthField, AuthLayout } from './AuthLayout.js';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      setError(signInErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <a href={href('/sign-in')} className="auth-back">
      <Icon name="chevronLeft" size={14} /> Back to sign in
    </a>
  );

  if (sentTo) {
    return (
      <AuthLayout title="Check your email" footer={back}>
        <div className="auth-form">
          <div className="banner banner-success" role="status">
            <Icon name="check" />
            <div className="banner-text">
              If an account exists for <strong>{sentTo}</strong>, we sent a link to reset its password.
            </div>
          </div>
          <p className="auth-note">The link is valid for one hour and works once. No mail? Check the spam folder, or ask an administrator.</p>
        </div>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Reset your password" subtitle="Enter the email of your account and we send you a link to choose a new password." footer={back}>
      <form className="auth-form" onSubmit={submit} noValidate>
        {error && <ErrorBanner>{error}</ErrorBanner>}
        <AuthField label="Email" type="email" value={email} onChange={setEmail} autoComplete="username" autoFocus />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy || !email.trim()}>
          {busy ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
    </AuthLayout>
  );
}
