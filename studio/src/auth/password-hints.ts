/**
 * The password policy (runtime's, the one the server enforces) as live hints for the forms that set a
 * password. The server stays the judge; these only tell the person early what it will refuse.
 */
import { MIN_PASSWORD_LENGTH, containsEmailName, isPredictablePassword } from '@trellis/runtime';

export { MIN_PASSWORD_LENGTH };

export interface PasswordHint {
  id: 'length' | 'common' | 'email';
  label: string;
  met: boolean;
}

/**
 * Each rule the server applies, and whether `password` meets it (an empty password meets none). Without an
 * `email` (a reset link does not say whose it is) the email rule is left out: the server checks it on submit.
 */
export function passwordHints(password: string, email?: string): PasswordHint[] {
  const hints: PasswordHint[] = [
    { id: 'length', label: `At least ${MIN_PASSWORD_LENGTH} characters`, met: password.length >= MIN_PASSWORD_LENGTH },
    { id: 'common', label: 'Not a common or predictable password', met: password.length > 0 && !isPredictablePassword(password) },
  ];
  if (email !== undefined) {
    hints.push({ id: 'email', label: 'Does not contain the name of the email address', met: password.length > 0 && !containsEmailName(password, email) });
  }
  return hints;
}

export function passwordAcceptable(password: string, email?: string): boolean {
  return passwordHints(password, email).every((h) => h.met);
}
