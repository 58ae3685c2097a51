import type { MetadataDocument } from '@trellis/metadata';
import { compileRecordValidator } from '../validate-record.js';
import { getValueNormalizer, normalizeRecordValues, registerValueNormalizer } from './normalize-values.js';

const doc: MetadataDocument = {
  entities: {
    note: {
      label: 'Note',
      pluralLabel: 'Notes',
      plural: 'notes',
      fields: {
        title: { type: 'text', label: 'Title' },
        body: { type: 'richText', label: 'Body', required: true, maxLength: 10 },
        stars: { type: 'rating', label: 'Stars', max: 3 },
        spent: { type: 'duration', label: 'Time spent', max: 3600 },
        number: { type: 'autoNumber', label: 'Number', prefix: 'N-' },
      },
    },
  },
};

describe('normalizeRecordValues', () => {
  it('sanitizes rich text and leaves other fields alone', () => {
    const values = { title: '<b>x</b>', body: '<p onclick="x">Hi<script>alert(1)</script></p>' };
    expect(normalizeRecordValues(doc, 'note', values)).toEqual({ title: '<b>x</b>', body: '<p>Hi</p>' });
    expect(values.body).toContain('<script>');
  });

  it('returns the same object when nothing changes', () => {
    const values = { title: 'x', body: '<p>Hi</p>', stars: 2 };
    expect(normalizeRecordValues(doc, 'note', values)).toBe(values);
    expect(normalizeRecordValues(doc, 'note', { body: null })).toEqual({ body: null });
  });

  it('refuses to use a normalizer nobody registered, and lets plugins add theirs', () => {
    expect(() => getValueNormalizer('nope')).toThrow(/No value normalizer "nope"/);
    registerValueNormalizer('upper', (v) => (typeof v === 'string' ? v.toUpperCase() : v));
    expect(getValueNormalizer('upper')('a')).toBe('A');
  });
});

describe('record validation of the new field types', () => {
  const check = compileRecordValidator(doc, 'note');

  it('counts a rich text maxLength in text characters, not markup', () => {
    expect(check({ body: '<p><strong>0123456789</strong></p>' }, { mode: 'create' })).toEqual([]);
    expect(check({ body: '<p>0123456789A</p>' }, { mode: 'create' })).toEqual([{ field: 'body', message: 'Body must be at most 10 characters (it has 11)' }]);
  });

  it('treats rich text without text as missing once normalized', () => {
    expect(check(normalizeRecordValues(doc, 'note', { body: '<p><br></p>' }), { mode: 'create' })).toEqual([{ field: 'body', message: 'Body is required' }]);
  });

  it('limits a rating to 1..max and a duration to its range in seconds', () => {
    expect(check({ body: '<p>x</p>', stars: 3, spent: 3600 }, { mode: 'create' })).toEqual([]);
    expect(check({ body: '<p>x</p>', stars: 4, spent: 3601 }, { mode: 'create' })).toEqual([
      { field: 'stars', message: 'Stars must be at most 3' },
      { field: 'spent', message: 'Time spent must be at most 3600' },
    ]);
    expect(check({ stars: 0 }, { mode: 'update' })).toEqual([{ field: 'stars', message: 'Stars must be at least 1' }]);
  });

  it('refuses a value for an auto-number: the system sets it', () => {
    expect(check({ body: '<p>x</p>', number: 'N-1' }, { mode: 'create' })).toEqual([{ field: 'number', message: 'Number is read-only' }]);
  });
});
