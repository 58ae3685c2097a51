import { Ajv } from 'ajv';
import { addFormats, isValidDate, isValidDateTime } from './formats.js';

describe('formats', () => {
  it('accepts real calendar days only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-1-01')).toBe(false);
  });

  it('accepts ISO 8601 date-times with a zone', () => {
    expect(isValidDateTime('2024-02-03T04:05:06Z')).toBe(true);
    expect(isValidDateTime('2024-02-03T04:05:06.123+02:00')).toBe(true);
    expect(isValidDateTime('2024-02-03T04:05:06')).toBe(false);
    expect(isValidDateTime('2024-02-03T24:05:06Z')).toBe(false);
  });

  it('registers email, uri, date, date-time and uuid on ajv', () => {
    const ajv = addFormats(new Ajv());
    const check = (format: string, value: string) => ajv.validate({ type: 'string', format }, value);
    expect([check('email', 'a@b.co'), check('email', 'a@b')]).toEqual([true, false]);
    expect([check('uri', 'https://x.y/z'), check('uri', 'not a uri')]).toEqual([true, false]);
    expect([check('uuid', '0b8f7c1e-8d7a-4f4e-9d5b-2f1c3a4b5c6d'), check('uuid', '123')]).toEqual([true, false]);
  });
});
