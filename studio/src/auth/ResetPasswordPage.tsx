/** `#/reset-password?token=…`: sets a new password from the link of a reset or invitation mail. */
import { useState, type FormEvent } from 'react';
import { href } from '../app/router.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { AuthRequestError, authApi } from './auth-api.js';
import { fieldError } from './auth-errors.js';
import { AuthLayout } from './AuthLayout.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordAcceptable } from './password-hints.js';

export function ResetPasswordPage({ token, onDone }: { token: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const back = (
    <a href={href('/sign-in')} className="auth-back">
      <Icon name="chevronLeft" size={14} /> Back to sign in
    </a>
  );

  if (!token) {
    return (
      <AuthLayout title="This link is incomplete" footer={back}>
        <p className="auth-note">
          The link has no token. Open the link from the mail again, or <a href={href('/forgot-password')}>request a new one</a>.
        </p>
      </AuthLayout>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    // Whose the token is stays on the server: it checks the email rule on submit.
    if (!passwordAcceptable(password) || password !== confirmation) return;
    setBusy(true);
    setError(null);
    try {
      await authApi.completePasswordReset({ token, password });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const expired = error instanceof AuthRequestError && error.code === 'INVALID_TOKEN';
  const passwordError = fieldError(error, 'password');
  return (
    <AuthLayout title="Set your password" subtitle="Choose the password you will sign in with." footer={back}>
      <form className="auth-form" onSubmit={submit} noValidate>
        {expired ? (
          <ErrorBanner title="This link has expired or was already used">
            Links work once: a reset link for one hour, an invitation for 7 days. <a href={href('/forgot-password')}>Request a new link</a>.
          </ErrorBanner>
        ) : (
          error != null && !passwordError && <ErrorBanner>{(error as Error).message}</ErrorBanner>
        )}
        <NewPasswordFields
          label="New password"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          serverError={passwordError ?? (tried && !passwordAcceptable(password) ? 'The password does not meet the requirements below.' : null)}
          showMismatch={tried || (confirmation.length >= password.length && confirmation.length > 0)}
        />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
          {busy ? 'Saving…' : 'Set password'}
        </button>
      </form>
    </AuthLayout>
  );
}
