import { camelName, labelFromName, pluralize, uniqueName } from './names.js';

describe('names from labels', () => {
  it('camel-cases labels into metadata names', () => {
    expect(camelName('Support ticket')).toBe('supportTicket');
    expect(camelName('  Café déjà vu! ')).toBe('cafeDejaVu');
    expect(camelName('2nd Contact')).toBe('ndContact');
    expect(camelName('VIP level')).toBe('vipLevel');
  });

  it('pluralizes English nouns', () => {
    expect(pluralize('company')).toBe('companies');
    expect(pluralize('Support ticket')).toBe('Support tickets');
    expect(pluralize('address')).toBe('addresses');
    expect(pluralize('Person')).toBe('People');
    expect(pluralize('day')).toBe('days');
    expect(pluralize('supportTicket')).toBe('supportTickets');
  });

  it('makes labels from names and free names', () => {
    expect(labelFromName('closeDate')).toBe('Close date');
    expect(uniqueName('name', ['name', 'name2'])).toBe('name3');
    expect(uniqueName('title', ['name'])).toBe('title');
  });
});
