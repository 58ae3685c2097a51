/**
 * The password policy, isomorphic: the server enforces it (auth.service.ts), the studio shows it as live hints
 * while a password is typed (studio/src/auth/password-hints.ts). What a password must be: long (≥ 12 characters), not trivial (one repeated or sequential run, digits
 * only, too few distinct characters), not a common password, and not containing the email's local part.
 * Answers the problem as a sentence the sign-up form can show, or null when the password is acceptable.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" is only a way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (/^\d+$/.test(password)) return 'The password must not be digits only: use words, letters and symbols.';
  if (new Set(lower).size < 5 || isSequence(lower)) return 'The password is too predictable (repeated or sequential characters).';
  if (isCommon(lower)) return 'The password is one of the most commonly used passwords: choose another.';
  if (email !== undefined && containsEmailName(password, email)) return 'The password must not contain your email address.';
  return null;
}

/** Digits only, few distinct characters, a sequence, or a common password (also with digits/symbols appended, or repeated). */
export function isPredictablePassword(password: string): boolean {
  const lower = password.toLowerCase();
  return /^\d+$/.test(lower) || new Set(lower).size < 5 || isSequence(lower) || isCommon(lower);
}

/** Whether the password contains the name part of the email (at least 3 characters of it). */
export function containsEmailName(password: string, email: string): boolean {
  const local = email.split('@')[0]?.trim().toLowerCase() ?? '';
  return local.length >= 3 && password.toLowerCase().includes(local);
}

/** Common passwords, also with digits and symbols appended or the whole repeated ("monkeymonkey1"). */
function isCommon(lower: string): boolean {
  if (COMMON_PASSWORDS.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/, '');
  if (stem.length > 0 && COMMON_PASSWORDS.has(stem)) return true;
  for (let size = 1; size <= stem.length / 2; size++) {
    if (stem.length % size === 0 && stem.slice(0, size).repeat(stem.length / size) === stem && COMMON_PASSWORDS.has(stem.slice(0, size))) return true;
  }
  return false;
}

/** Each character one more (or one less) than the previous: "abcdefghijkl", "987654321098". */
function isSequence(lower: string): boolean {
  for (const step of [1, -1]) {
    let run = true;
    for (let i = 1; i < lower.length && run; i++) {
      const diff = lower.charCodeAt(i) - lower.charCodeAt(i - 1);
      run = diff === step || (step === 1 && lower[i - 1] === '9' && lower[i] === '0') || (step === -1 && lower[i - 1] === '0' && lower[i] === '9');
    }
    if (run) return true;
  }
  return false;
}
