import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('violet-harbour-climbs-42', 'ann@example.com')).toBeNull();
    expect(passwordProblem('correct horse battery', 'ann@example.com')).toBeNull();
  });

  it.each([
    ['short1!', 'at least 12 characters'],
    ['123456789012', 'digits only'],
    ['aaaaaaaaaaaaaaaa', 'too predictable'],
    ['abababababab', 'too predictable'],
    ['abcdefghijklmn', 'too predictable'],
    ['password1234', 'commonly used'],
    ['Password123!!', 'commonly used'],
    ['monkeymonkeymonkey', 'commonly used'],
    ['qwertyuiop1234', 'commonly used'],
  ])('refuses %s (%s)', (password, reason) => {
    expect(passwordProblem(password, 'ann@example.com')).toContain(reason);
  });

  it('refuses a password containing the local part of the email', () => {
    expect(passwordProblem('my-Annabelle-secret-9', 'annabelle@example.com')).toContain('email');
    expect(passwordProblem('my-Annabelle-secret-9', 'bob@example.com')).toBeNull();
  });

  it('refuses absurdly long passwords (hashing them would only burn CPU)', () => {
    expect(passwordProblem('x7-'.repeat(100), 'a@b.c')).toContain('at most 256');
  });
});
