import { RESERVED_WORDS, isReservedWord, nameError } from './names.js';

describe('names', () => {
  it('accepts camelCase names up to 40 characters', () => {
    expect(nameError('closeDate')).toBeUndefined();
    expect(nameError('a'.repeat(40))).toBeUndefined();
    expect(nameError('vat2')).toBeUndefined();
  });

  it('rejects empty, long and non-camelCase names with the reason', () => {
    expect(nameError('')).toBe('is empty');
    expect(nameError('a'.repeat(41))).toMatch(/41 characters long; the limit is 40/);
    for (const bad of ['CloseDate', 'close_date', '1st', 'close date', 'é']) expect(nameError(bad)).toMatch(/camelCase/);
  });

  it('rejects SQL, GraphQL, JavaScript and system-field words whatever their case', () => {
    for (const word of ['select', 'table', 'user', 'order', 'group', '__typename', 'constructor', 'prototype', 'id', 'createdAt', 'updatedBy']) {
      expect(RESERVED_WORDS.has(word.toLowerCase())).toBe(true);
    }
    expect(isReservedWord('Order')).toBe(true);
    expect(nameError('order')).toMatch(/reserved word/);
    expect(nameError('createdAt')).toMatch(/reserved word/);
    expect(isReservedWord('orders')).toBe(false);
  });
});
