/** Changes the signed-in user's own password (needs the current one). */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { ErrorBanner } from '../ui/Feedback.js';
import { useToast } from '../ui/Toast.js';
import { AuthRequestError, authApi } from './auth-api.js';
import { fieldError, signInErrorMessage } from './auth-errors.js';
import { AuthField } from './AuthLayout.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordAcceptable } from './password-hints.js';
import { useSession } from './session-context.js';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Change password" onClose={onClose}>
      {open && <ChangePasswordForm onClose={onClose} />}
    </Dialog>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!current || !passwordAcceptable(password, user.email) || password !== confirmation) return;
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword({ currentPassword: current, newPassword: password });
      toast('Your password is changed');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const wrongCurrent =
    (error instanceof AuthRequestError && error.code === 'INVALID_CREDENTIALS') || fieldError(error, 'currentPassword') ? 'The current password is wrong.' : null;
  const newProblem = fieldError(error, 'newPassword') ?? (tried && !passwordAcceptable(password, user.email) ? 'The password does not meet the requirements below.' : null);
  const general = error != null && !wrongCurrent && !fieldError(error, 'newPassword') ? signInErrorMessage(error) : null;
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      {general && <ErrorBanner>{general}</ErrorBanner>}
      <AuthField label="Current password" type="password" value={current} onChange={setCurrent} autoComplete="current-password" autoFocus error={wrongCurrent ?? (tried && !current ? 'Enter your current password.' : null)} />
      <NewPasswordFields
        label="New password"
        password={password}
        confirmation={confirmation}
        onPassword={setPassword}
        onConfirmation={setConfirmation}
        email={user.email}
        serverError={newProblem}
        showMismatch={tried || (confirmation.length >= password.length && confirmation.length > 0)}
      />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
