import type { MetadataDocument } from '@trellis/metadata';
import { formatSeedCsv, parseSeedCsv } from './seed-csv.js';
import { seedDocument } from './testing/pack-fixtures.js';

const file = 'seed/03-opportunity.csv';
const read = (text: string, entity = 'opportunity', document: MetadataDocument = seedDocument()) => parseSeedCsv(text, { file, entity, document });

describe('parseSeedCsv', () => {
  it('reads each cell by its field type; empty cells leave the field out', () => {
    const { records, problems } = read(
      'name,amount,stage,probability,closeDate,channels,strategic,nextCallAt,effort,extra,weight,fit\n' +
        'Deal A,12000.5 EUR,won,75,2026-03-31,web|a\\|b,yes,2026-03-01T09:30:00Z,1h 30m,"{""k"": [1]}",-0.25,4\n' +
        'Deal B,300,,,,,false,,5400,,,\n',
    );
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        name: 'Deal A', amount: { amount: 12000.5, currency: 'EUR' }, stage: 'won', probability: 75, closeDate: '2026-03-31', channels: ['web', 'a|b'],
        strategic: true, nextCallAt: '2026-03-01T09:30:00Z', effort: 5400, extra: { k: [1] }, weight: -0.25, fit: 4,
      },
      { name: 'Deal B', amount: { amount: 300 }, strategic: false, effort: 5400 },
    ]);
  });

  it("looks relations up by the target's display field, or by the key field the header names", () => {
    expect(read('name,company,tags\nDeal,Acme,urgent|big\n').records).toEqual([
      { name: 'Deal', company: { $lookup: { name: 'Acme' } }, tags: [{ $lookup: { name: 'urgent' } }, { $lookup: { name: 'big' } }] },
    ]);
    expect(read('lastName,company.website\nNg,https://acme.example\n', 'contact').records).toEqual([
      { lastName: 'Ng', company: { $lookup: { website: 'https://acme.example' } } },
    ]);
  });

  it('skips blank lines and counts lines of multi-line cells', () => {
    const { records, problems } = read('name,probability\n"Two\nlines",1\n\nDeal,x\n');
    expect(records[0]).toEqual({ name: 'Two\nlines', probability: 1 });
    expect(problems).toEqual([{ file, line: 5, column: 2, message: expect.stringMatching(/^probability: "x" is not a number; write digits/) }]);
  });

  it.each([
    ['name,colour\nA,red\n', 1, 2, '"colour" is not a field of opportunity; use its field names: name, amount'],
    ['name,name\nA,B\n', 1, 2, 'column "name" appears twice; keep one'],
    ['name,stage\nA,done\n', 2, 2, 'stage: "done" is not an option; use one of the option values: new'],
    ['name,channels\nA,web|fax\n', 2, 2, 'channels: "fax" is not an option; separate values with "|"'],
    ['name,amount\nA,12 dollars\n', 2, 2, 'amount: "12 dollars" is not an amount of money; write "12000.50 USD"'],
    ['name,closeDate\nA,31/03/2026\n', 2, 2, 'closeDate: "31/03/2026" is not a date; write YYYY-MM-DD'],
    ['name,nextCallAt\nA,2026-03-01 09:00\n', 2, 2, 'nextCallAt: "2026-03-01 09:00" is not a date and time; write ISO 8601'],
    ['name,strategic\nA,maybe\n', 2, 2, 'strategic: "maybe" is not a yes/no value; write true or false'],
    ['name,effort\nA,soon\n', 2, 2, 'effort: "soon" is not a duration; write seconds (5400) or parts like "1h 30m"'],
    ['name,fit\nA,4.5\n', 2, 2, 'fit: "4.5" is not a whole number'],
    ['name,extra\nA,{oops}\n', 2, 2, 'extra: "{oops}" is not JSON'],
    ['name,probability\nA,"1,000"\n', 2, 2, 'probability: "1,000" is not a number; write digits with an optional "." for decimals, e.g. 1200.5 (no thousands separators)'],
    ['name,company.colour\nA,x\n', 1, 2, '"company.colour": company has no field "colour"; name a key field of company: name'],
    ['name,stage.value\nA,x\n', 1, 2, '"stage.value": only relation columns name a key field after a "."; use "stage"'],
    ['name,company.a.b\nA,x\n', 1, 2, '"company.a.b": name one key field, e.g. "company.name"'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    expect(read(text).problems).toEqual([{ file, line, column, message: expect.stringContaining(message) }]);
  });

  it('refuses oneToMany and computed columns, saying where to set the value instead', () => {
    expect(read('name,contacts\nA,x\n', 'company').problems[0]!.message).toBe(
      '"contacts" lists contact records pointing here; set the relation on the contact side (its "company" column) and remove this one',
    );
    const doc = seedDocument();
    doc.entities.opportunity!.fields.weighted = { type: 'formula', label: 'Weighted', resultType: 'decimal', expression: { '*': [1, 2] } };
    expect(read('name,weighted\nA,1\n', 'opportunity', doc).problems[0]!.message).toBe('"weighted" is a formula field, set by the system; remove the column');
  });

  it('needs a key field in the header for a relation to an entity outside the pack', () => {
    const doc = seedDocument();
    delete doc.entities.company;
    expect(read('name,company\nA,Acme\n', 'opportunity', doc).problems[0]!.message).toBe(
      '"company" points at company, which is not in this pack; name its key field in the header, e.g. "company.name"',
    );
    expect(read('name,company.name\nA,Acme\n', 'opportunity', doc).records).toEqual([{ name: 'A', company: { $lookup: { name: 'Acme' } } }]);
  });

  it('reports rows with a wrong number of cells, unclosed quotes, empty files and unknown entities', () => {
    expect(read('name,stage\nA\n').problems).toEqual([{ file, line: 2, message: expect.stringContaining('has 1 cells but the header names 2 columns') }]);
    expect(read('name\n"A\n').problems).toEqual([{ file, line: 2, message: expect.stringMatching(/^is not valid CSV \(Quote Not Closed/) }]);
    expect(read('').problems).toEqual([{ file, line: 1, message: expect.stringContaining('is empty; the first line must name the fields') }]);
    expect(read('name\n', 'deal').problems[0]!.message).toMatch(/^entity "deal" is not in the pack's metadata; name the file <NN>-<entity>.csv after one of: company, contact/);
  });

  it('reports a bad key value with the key field type, for typed keys', () => {
    expect(read('name,company.employees\nA,many\n').problems[0]!.message).toBe('company: key employees "many" is not a whole number; write digits only, e.g. 42');
  });
});

describe('formatSeedCsv', () => {
  const doc = seedDocument();

  it('writes records that read back identically, in field order, quoting where needed', () => {
    const records = [
      { name: 'Deal, "big"', amount: { amount: 1200.5, currency: 'EUR' }, channels: ['web', 'a|b'], strategic: false, extra: { k: 1 }, company: { $lookup: { name: 'Acme' } }, tags: [{ $lookup: { name: 'x' } }] },
      { name: ' padded ', amount: { amount: 3 } },
    ];
    const text = formatSeedCsv(doc, 'opportunity', records)!;
    expect(text.split('\n')[0]).toBe('name,amount,company,tags,channels,strategic,extra');
    expect(read(text)).toEqual({ records, problems: [] });
  });

  it('names the key field in the header when it is not the display field', () => {
    const records = [{ lastName: 'Ng', company: { $lookup: { website: 'https://a.example' } } }];
    const text = formatSeedCsv(doc, 'contact', records)!;
    expect(text).toBe('lastName,company.website\nNg,https://a.example\n');
  });

  it.each([
    ['a null', [{ name: null }]],
    ['an empty string', [{ name: '' }]],
    ['an unknown field', [{ colour: 'red' }]],
    ['lookups by different keys in one column', [{ company: { $lookup: { name: 'A' } } }, { company: { $lookup: { website: 'b' } } }]],
    ['a lookup by two keys', [{ company: { $lookup: { name: 'A', website: 'b' } } }]],
    ['a relation given by id', [{ company: '3f2b8c1e-9a4d-4f6b-8e2a-5c7d9e0f1a2b' }]],
    ['a value of the wrong type', [{ probability: '10' }]],
    ['an option that does not exist', [{ stage: 'done' }]],
  ])('gives null (write JSON instead) for %s', (_what, records) => {
    expect(formatSeedCsv(doc, 'opportunity', records as never)).toBeNull();
  });
});
