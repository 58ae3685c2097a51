import { unsafeRegexReason } from './regex-safety.js';

describe('unsafeRegexReason', () => {
  it.each(['^[A-Z]{2}[0-9]{4}$', '^\\d+(\\.\\d{1,2})?$', '(ab?)+', '^(?:[a-z]+\\.)?example\\.com$', '[(+*]+', 'a{2}', '^\\(\\d+\\)+$'])(
    'accepts the safe pattern %s',
    (pattern) => expect(unsafeRegexReason(pattern)).toBeUndefined(),
  );

  it.each(['(a+)+', '(a*)*', '(a+)*b', '(\\w+\\s?)*$', '((a+))+', '(?:x|y+){2,}', '([a-z]+){3}'])('refuses the nested quantifier in %s', (pattern) => {
    expect(unsafeRegexReason(pattern)).toMatch(/nested quantifier.*exponential time/);
  });

  it('refuses backreferences and says why', () => {
    expect(unsafeRegexReason('(a)\\1')).toMatch(/backreference \("\\1"\).*exponential/);
    expect(unsafeRegexReason('(?<x>a)\\k<x>')).toMatch(/backreference/);
  });

  it('refuses patterns that are too long or do not compile', () => {
    expect(unsafeRegexReason('a'.repeat(201))).toMatch(/201 characters; at most 200/);
    expect(unsafeRegexReason('a'.repeat(200))).toBeUndefined();
    expect(unsafeRegexReason('(abc')).toMatch(/not a valid regular expression/);
  });
});
