import { findOperationSignature } from '@trellis/metadata';
import { registerContributions } from '@trellis/plugin-sdk';
import { evaluateRule } from '@trellis/runtime';
import plugin, { formatPhone, slugify } from './index.js';

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['  Crème Brûlée & Co.  ', 'creme-brulee-co'],
    ['Straße über Ærø', 'strasse-uber-aero'],
    ['already-a-slug', 'already-a-slug'],
    ['---', ''],
    ['Q3 2026: Renewal!!', 'q3-2026-renewal'],
  ])('%p → %p', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('takes a separator, a number, and gives null for what is not text', () => {
    expect(slugify('Big Deal Inc', '_')).toBe('big_deal_inc');
    expect(slugify('Big Deal', 'bad sep')).toBe('big-deal');
    expect(slugify(2026)).toBe('2026');
    expect(slugify(null)).toBeNull();
    expect(slugify({})).toBeNull();
  });
});

describe('formatPhone', () => {
  it.each([
    ['+1 (415) 555-0132', undefined, '+14155550132'],
    ['0044 20 7946 0018', undefined, '+442079460018'],
    ['020 7946 0018', '44', '+442079460018'],
    ['(415) 555-0132', '1', '+14155550132'],
    ['06 12 34 56 78', '+33', '+33612345678'],
    ['+1 415 555 0132 ext. 12', undefined, '+14155550132'],
  ])('%p (country %p) → %p', (input, cc, e164) => {
    expect(formatPhone(input, cc)).toBe(e164);
  });

  it.each([
    ['415 555 0132', undefined],
    ['+12', undefined],
    ['call me', '1'],
    ['+1234567890123456', undefined],
    [null, '1'],
    ['555 0132', 'abc'],
  ])('gives null for %p (country %p)', (input, cc) => {
    expect(formatPhone(input, cc)).toBeNull();
  });
});

describe('the text-tools plugin', () => {
  it('is a valid plugin whose operations work in JSON Logic, with signatures for the rule checks', () => {
    expect(plugin.name).toBe('text-tools');
    const undo = registerContributions(plugin);
    try {
      expect(evaluateRule({ slugify: [{ var: 'name' }] }, { name: 'Acme Corp' })).toBe('acme-corp');
      expect(evaluateRule({ formatPhone: [{ var: 'phone' }, '44'] }, { phone: '020 7946 0018' })).toBe('+442079460018');
      expect(findOperationSignature('slugify')).toMatchObject({ minArgs: 1, maxArgs: 2, result: 'string', origin: 'plugin' });
    } finally {
      undo();
    }
  });
});
