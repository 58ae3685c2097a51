import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { buildDocumentSchema } from './document-schema.js';
import { salesDocument } from './testing/fixtures.js';

const compile = () => new Ajv({ allErrors: true, strict: true }).compile(buildDocumentSchema());

describe('buildDocumentSchema', () => {
  it('equals the checked-in schema/metadata.json (run `npm run build` in metadata/ to refresh it)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../schema/metadata.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(buildDocumentSchema());
  });

  it('compiles under ajv strict mode and accepts a valid document', () => {
    const validate = compile();
    expect(validate(salesDocument())).toBe(true);
    expect(validate({ $schema: './metadata.json', entities: {}, workflows: {}, roles: {} })).toBe(true);
  });

  it('lists the registered field types in the type enum', () => {
    const field = (buildDocumentSchema().definitions as Record<string, { properties: { type: { enum: string[] } } }>).field;
    expect(field.properties.type.enum).toContain('currency');
    expect(field.properties.type.enum).toEqual(expect.arrayContaining(['autoNumber', 'rating', 'richText', 'duration']));
  });

  it('rejects properties a field type does not accept, at the property path', () => {
    const validate = compile();
    const doc = salesDocument();
    Object.assign(doc.entities.company!.fields.name!, { options: [{ value: 'a', label: 'A' }] });
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/entities/company/fields/name/options');
  });

  it('rejects unknown properties, unknown types and a relation without a target', () => {
    const validate = compile();
    const doc = salesDocument();
    Object.assign(doc.entities.company!, { colour: 'red' });
    doc.entities.company!.fields.name!.type = 'mood';
    delete doc.entities.contact!.fields.company!.target;
    expect(validate(doc)).toBe(false);
    const errors = validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(errors).toEqual(expect.arrayContaining([
      '/entities/company additionalProperties',
      '/entities/company/fields/name/type enum',
      '/entities/contact/fields/company required',
    ]));
  });

  it('gives every entity and field property a description for editors', () => {
    const defs = buildDocumentSchema().definitions as Record<string, { properties: Record<string, { description?: string }> }>;
    for (const def of [defs.entity!, defs.field!]) {
      for (const [name, prop] of Object.entries(def.properties)) expect([name, typeof prop.description]).toEqual([name, 'string']);
    }
  });
});
