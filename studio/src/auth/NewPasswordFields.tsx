/** "New password" + "Confirm" with the server's rules as live hints, ticked as they are met. */
import { useId } from 'react';
import { Icon } from '../ui/Icon.js';
import { AuthField } from './AuthLayout.js';
import { passwordHints } from './password-hints.js';

export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  email,
  serverError,
  showMismatch,
  label = 'Password',
}: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** The account's email: the password must not contain its name (unknown on a reset link). */
  email?: string;
  serverError?: string | null;
  /** Show "do not match" (after a submit attempt, or once the confirmation is as long as the password). */
  showMismatch: boolean;
  label?: string;
}) {
  const hintsId = useId();
  const hints = passwordHints(password, email);
  const mismatch = showMismatch && confirmation !== password ? 'The two passwords do not match.' : null;
  return (
    <>
      <AuthField label={label} type="password" value={password} onChange={onPassword} autoComplete="new-password" error={serverError} describedBy={hintsId} />
      <ul className="password-hints" id={hintsId} aria-label="Password requirements">
        {hints.map((h) => (
          <li key={h.id} className={h.met ? 'met' : undefined}>
            <span className="password-hint-mark" aria-hidden="true">
              {h.met ? <Icon name="check" size={12} /> : null}
            </span>
            {h.label}
            <span className="visually-hidden">{h.met ? ' (met)' : ' (not met yet)'}</span>
          </li>
        ))}
      </ul>
      <AuthField label="Confirm password" type="password" value={confirmation} onChange={onConfirmation} autoComplete="new-password" error={mismatch} />
    </>
  );
}
