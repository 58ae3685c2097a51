/** The very first start: no user exists yet, so whoever opens the studio creates the administrator. */
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../ui/Feedback.js';
import { authApi, type SessionUser } from './auth-api.js';
import { fieldError } from './auth-errors.js';
import { AuthField, AuthLayout } from './AuthLayout.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordAcceptable } from './password-hints.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function FirstRunPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const emailProblem = tried && !EMAIL.test(email.trim()) ? 'Enter an email address like name@company.com.' : fieldError(error, 'email');
  const nameProblem = tried && !name.trim() ? 'Enter your name.' : fieldError(error, 'name');
  const passwordProblem = fieldError(error, 'password') ?? (tried && !passwordAcceptable(password, email) ? 'The password does not meet the requirements below.' : null);
  const generalError = error != null && !fieldError(error, 'email') && !fieldError(error, 'name') && !fieldError(error, 'password') ? (error as Error).message : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!name.trim() || !EMAIL.test(email.trim()) || !passwordAcceptable(password, email) || password !== confirmation) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.firstRun({ email: email.trim(), name: name.trim(), password }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout
      title="Create the first administrator"
      subtitle="Trellis has no users yet. This account can manage the metadata, users, roles and API keys of the workspace."
    >
      <form className="auth-form" onSubmit={submit} noValidate>
        {generalError && <ErrorBanner>{generalError}</ErrorBanner>}
        <AuthField label="Name" value={name} onChange={setName} autoComplete="name" autoFocus error={nameProblem} />
        <AuthField label="Email" type="email" value={email} onChange={setEmail} autoComplete="username" error={emailProblem} />
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          email={email}
          serverError={passwordProblem}
          showMismatch={tried || (confirmation.length >= password.length && confirmation.length > 0)}
        />
        <button type="submit" className="btn btn-primary auth-submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create administrator and sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
