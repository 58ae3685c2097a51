import { withDefaultValues } from './default-values.js';
import { compileRecordValidator } from './validate-record.js';
import { salesDocument } from './sales.fixture.js';

describe('withDefaultValues', () => {
  const doc = salesDocument();

  it('fills absent fields from their defaultValue, so a required field with a default may be omitted', () => {
    const values = withDefaultValues(doc, 'opportunity', { name: 'Renewal' });
    expect(values).toEqual({ name: 'Renewal', stage: 'new' });
    expect(compileRecordValidator(doc, 'opportunity')(values, { mode: 'create' })).toEqual([]);
  });

  it('keeps values that were given, including null, and does not change its input', () => {
    const input = { name: 'Renewal', stage: null };
    expect(withDefaultValues(doc, 'opportunity', input)).toEqual({ name: 'Renewal', stage: null });
    expect(input).toEqual({ name: 'Renewal', stage: null });
  });
});
