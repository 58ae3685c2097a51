import { passwordAcceptable, passwordHints } from './password-hints.js';

const met = (password: string, email?: string) => Object.fromEntries(passwordHints(password, email).map((h) => [h.id, h.met]));

describe('password hints', () => {
  it('meets nothing while the password is empty', () => {
    expect(met('', '')).toEqual({ length: false, common: false, email: false });
  });

  it('leaves the email rule to the server when the email is unknown (a reset link)', () => {
    expect(met('violet-harbor-42')).toEqual({ length: true, common: true });
  });

  it('needs at least 12 characters', () => {
    expect(met('Tr0mbone!xy').length).toBe(false);
    expect(met('Tr0mbone!xyz').length).toBe(true);
  });

  it('refuses common passwords, also with digits and symbols added or repeated, like the server', () => {
    expect(met('password1234').common).toBe(false);
    expect(met('Password123!').common).toBe(false);
    expect(met('monkeymonkey1').common).toBe(false);
    expect(met('iloveyouiloveyou').common).toBe(false);
    expect(met('violet-harbor-42').common).toBe(true);
  });

  it('refuses predictable passwords: digits only, few distinct characters, sequences', () => {
    expect(met('847261937465').common).toBe(false);
    expect(met('aaaabbbbaaaa').common).toBe(false);
    expect(met('abcdefghijklm').common).toBe(false);
  });

  it('refuses a password containing the name of the email address', () => {
    expect(met('ada.lovelace-rocks', 'ada.lovelace@x.io').email).toBe(false);
    expect(met('violet-harbor-42', 'ada.lovelace@x.io').email).toBe(true);
    // Two-letter names are too short to matter (the server agrees).
    expect(met('violet-harbor-jo', 'jo@x.io').email).toBe(true);
  });

  it('accepts a password only when every rule is met', () => {
    expect(passwordAcceptable('violet-harbor-42', 'ada@x.io')).toBe(true);
    expect(passwordAcceptable('short', 'ada@x.io')).toBe(false);
  });
});
