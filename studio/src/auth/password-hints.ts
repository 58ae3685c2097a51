/**
 * The password rules of the server (server/src/auth/password-policy.ts) as live hints for the forms that
 * set a password. The server stays the judge; these only tell the person early what it will refuse.
 */

export const MIN_PASSWORD_LENGTH = 12;

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
  const lower = password.toLowerCase();
  const local = email?.split('@')[0]?.trim().toLowerCase() ?? '';
  const hints: PasswordHint[] = [
    { id: 'length', label: `At least ${MIN_PASSWORD_LENGTH} characters`, met: password.length >= MIN_PASSWORD_LENGTH },
    { id: 'common', label: 'Not a common or predictable password', met: password.length > 0 && !isPredictable(lower) },
  ];
  if (email !== undefined) {
    hints.push({ id: 'email', label: 'Does not contain the name of the email address', met: password.length > 0 && !(local.length >= 3 && lower.includes(local)) });
  }
  return hints;
}

export function passwordAcceptable(password: string, email?: string): boolean {
  return passwordHints(password, email).every((h) => h.met);
}

/** Digits only, few distinct characters, a sequence, or a common password (with digits/symbols appended, or repeated). */
function isPredictable(lower: string): boolean {
  if (/^\d+$/.test(lower) || new Set(lower).size < 5 || isSequence(lower)) return true;
  if (COMMON_PASSWORDS.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/, '');
  if (stem.length > 0 && COMMON_PASSWORDS.has(stem)) return true;
  for (let size = 1; size <= stem.length / 2; size++) {
    const unit = stem.slice(0, size);
    if (stem.length % size === 0 && unit.repeat(stem.length / size) === stem && COMMON_PASSWORDS.has(unit)) return true;
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

/** The server's list of the most common passwords (lower-cased), copied: the studio cannot import the server. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567', 'dragon',
  '123123', 'baseball', 'abc123', 'football', 'monkey', 'letmein', '696969', 'shadow', 'master', '666666',
  'qwertyuiop', '123321', 'mustang', '1234567890', 'michael', '654321', 'pussy', 'superman', '1qaz2wsx', '7777777',
  'fuckyou', '121212', '000000', 'qazwsx', '123qwe', 'killer', 'trustno1', 'jordan', 'jennifer', 'zxcvbnm',
  'asdfgh', 'hunter', 'buster', 'soccer', 'harley', 'batman', 'andrew', 'tigger', 'sunshine', 'iloveyou',
  'fuckme', '2000', 'charlie', 'robert', 'thomas', 'hockey', 'ranger', 'daniel', 'starwars', 'klaster',
  '112233', 'george', 'asshole', 'computer', 'michelle', 'jessica', 'pepper', '1111', 'zxcvbn', '555555',
  '11111111', '131313', 'freedom', '777777', 'pass', 'fuck', 'maggie', '159753', 'aaaaaa', 'ginger',
  'princess', 'joshua', 'cheese', 'amanda', 'summer', 'love', 'ashley', '6969', 'nicole', 'chelsea',
  'biteme', 'matthew', 'access', 'yankees', '987654321', 'dallas', 'austin', 'thunder', 'taylor', 'matrix',
  'admin', 'welcome', 'login', 'passw0rd', 'password1', 'qwerty123', 'changeme', 'secret', 'trellis', 'administrator',
  'correcthorsebatterystaple', 'qwertyuiopasdfghjkl', 'iloveyouiloveyou', 'passwordpassword', 'letmeinletmein',
])
