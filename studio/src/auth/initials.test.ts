import { initials } from './initials.js';

describe('initials', () => {
  it('takes the first letters of the first and last names, else of the email', () => {
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('ada')).toBe('AD');
    expect(initials('', 'zoe@x.io')).toBe('Z');
  });
});
