import { formatFieldLabel } from './field-label.js';

describe('formatFieldLabel', () => {
  it('uses the field label from the metadata when there is one', () => {
    expect(formatFieldLabel('closeDate', { label: 'Expected close' })).toBe('Expected close');
  });

  it.each([
    ['closeDate', 'Close date'],
    ['annualRevenue', 'Annual revenue'],
    ['name', 'Name'],
    ['createdAt', 'Created at'],
    ['id', 'ID'],
    ['vatID', 'Vat id'],
    ['snake_name', 'Snake name'],
  ])('turns the name %s into %s when there is no label', (name, label) => {
    expect(formatFieldLabel(name)).toBe(label);
  });
});
