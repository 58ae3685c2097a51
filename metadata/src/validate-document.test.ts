import { getFieldType, registerFieldType, unregisterFieldType } from './field-types/registry.js';
import { salesDocument } from './testing/fixtures.js';
import type { FieldDefinition, MetadataDocument } from './types.js';
import { validateDocument } from './validate-document.js';

type Mutate = (doc: MetadataDocument) => void;
const problemsAfter = (mutate: Mutate) => {
  const doc = salesDocument();
  mutate(doc);
  return validateDocument(doc);
};
const found = (mutate: Mutate) => problemsAfter(mutate).map((p) => [p.path, p.code]);
const entity = (doc: MetadataDocument, name: string) => doc.entities[name]!;
const field = (doc: MetadataDocument, e: string, f: string): FieldDefinition => doc.entities[e]!.fields[f]!;

describe('validateDocument', () => {
  it('returns [] for a valid document, and for the empty document', () => {
    expect(validateDocument(salesDocument())).toEqual([]);
    expect(validateDocument({ entities: {} })).toEqual([]);
  });

  describe('structure', () => {
    it('reports a document that is not an object', () => {
      expect(validateDocument(null)).toEqual([{ path: '', code: 'invalid-value', message: 'The document: must be object.' }]);
    });

    it('reports missing and unknown properties with the path to the property', () => {
      const problems = problemsAfter((d) => {
        delete (entity(d, 'tag') as Partial<MetadataDocument['entities'][string]>).pluralLabel;
        Object.assign(entity(d, 'tag'), { colour: 'red' });
      });
      expect(problems).toEqual([
        { path: '/entities/tag/colour', code: 'unknown-property', message: expect.stringMatching(/^Entity tag has an unknown property "colour"; remove it or use one of "label", "pluralLabel"/) },
        { path: '/entities/tag/pluralLabel', code: 'required', message: 'Entity tag is missing "pluralLabel". Plural name shown to people, e.g. "Opportunities".' },
      ]);
    });

    it('reports wrong value types', () => {
      expect(found((d) => Object.assign(field(d, 'company', 'employees'), { min: 'zero' }))).toEqual([
        ['/entities/company/fields/employees/min', 'invalid-value'],
      ]);
    });

    it('reports an unknown field type and lists the known ones', () => {
      const [problem] = problemsAfter((d) => (field(d, 'tag', 'name').type = 'mood'));
      expect(problem).toMatchObject({ path: '/entities/tag/fields/name/type', code: 'unknown-field-type' });
      expect(problem!.message).toMatch(/Field tag\.name has unknown type "mood"; use one of "text", "longText"/);
    });

    it('reports properties the field type does not accept', () => {
      const [problem] = problemsAfter((d) => Object.assign(field(d, 'tag', 'name'), { min: 1 }));
      expect(problem).toEqual({
        path: '/entities/tag/fields/name/min',
        code: 'property-not-allowed',
        message: 'Field tag.name: "min" does not apply to fields of type "text"; remove it (it accepts "minLength", "maxLength").',
      });
    });
  });

  describe('names', () => {
    it.each([
      ['an invalid entity name', (d: MetadataDocument) => (d.entities.Bad_Name = { ...entity(d, 'tag'), plural: 'badNames' }), '/entities/Bad_Name', 'invalid-name'],
      ['a reserved entity name', (d: MetadataDocument) => (d.entities.order = { ...entity(d, 'tag'), plural: 'orders', fields: {} }), '/entities/order', 'reserved-name'],
      ['a reserved field name', (d: MetadataDocument) => (entity(d, 'tag').fields.createdAt = { type: 'date', label: 'C' }), '/entities/tag/fields/createdAt', 'reserved-name'],
      ['a too long field name', (d: MetadataDocument) => (entity(d, 'tag').fields['x'.repeat(41)] = { type: 'date', label: 'C' }), `/entities/tag/fields/${'x'.repeat(41)}`, 'name-too-long'],
      ['an invalid plural', (d: MetadataDocument) => (entity(d, 'tag').plural = 'the tags'), '/entities/tag/plural', 'invalid-name'],
    ])('reports %s', (_what, mutate, path, code) => {
      expect(found(mutate)).toContainEqual([path, code]);
    });

    it('explains why a name is rejected', () => {
      const [problem] = problemsAfter((d) => (entity(d, 'tag').fields.select = { type: 'text', label: 'S' }));
      expect(problem!.message).toBe('Field name "select" on entity tag is a reserved word (SQL, GraphQL, JavaScript or a system field); choose another name.');
    });

    it('reports duplicate plurals, a plural equal to an entity name and a plural equal to its own name', () => {
      expect(found((d) => (entity(d, 'tag').plural = 'contacts'))).toContainEqual(['/entities/tag/plural', 'duplicate-plural']);
      expect(found((d) => (entity(d, 'tag').plural = 'company'))).toContainEqual(['/entities/tag/plural', 'plural-conflicts-with-entity']);
      expect(found((d) => (entity(d, 'tag').plural = 'tag'))).toContainEqual(['/entities/tag/plural', 'plural-same-as-name']);
    });

    it('reports renamedFrom naming something that still exists', () => {
      expect(found((d) => (entity(d, 'tag').renamedFrom = 'company'))).toEqual([['/entities/tag/renamedFrom', 'renamed-from-exists']]);
      expect(found((d) => (field(d, 'tag', 'name').renamedFrom = 'opportunities'))).toEqual([
        ['/entities/tag/fields/name/renamedFrom', 'renamed-from-exists'],
      ]);
    });
  });

  describe('fields', () => {
    it('reports min > max and minLength > maxLength', () => {
      expect(found((d) => Object.assign(field(d, 'opportunity', 'probability'), { min: 100, max: 0 }))).toEqual([
        ['/entities/opportunity/fields/probability/min', 'min-greater-than-max'],
      ]);
      expect(found((d) => Object.assign(field(d, 'tag', 'name'), { minLength: 10, maxLength: 5 }))).toEqual([
        ['/entities/tag/fields/name/minLength', 'min-length-greater-than-max-length'],
      ]);
    });

    it('reports empty and duplicate options', () => {
      expect(found((d) => (field(d, 'company', 'industry').options = []))).toEqual([['/entities/company/fields/industry/options', 'empty-options']]);
      expect(found((d) => field(d, 'company', 'industry').options!.push({ value: 'retail', label: 'Shops' }))).toEqual([
        ['/entities/company/fields/industry/options/2/value', 'duplicate-option'],
      ]);
    });

    it('reports a select without options', () => {
      expect(found((d) => delete field(d, 'company', 'industry').options)).toEqual([['/entities/company/fields/industry/options', 'required']]);
    });

    it('reports a default value that is not a valid value of the field', () => {
      const [problem] = problemsAfter((d) => (field(d, 'opportunity', 'stage').defaultValue = 'open'));
      expect(problem).toMatchObject({ path: '/entities/opportunity/fields/stage/defaultValue', code: 'invalid-default' });
      expect(problem!.message).toMatch(/^Default value "open" of field opportunity\.stage is not a valid select value \(must be equal to one of the allowed values\)/);
      expect(found((d) => (field(d, 'opportunity', 'closeDate').defaultValue = '2024-02-30'))).toEqual([
        ['/entities/opportunity/fields/closeDate/defaultValue', 'invalid-default'],
      ]);
      expect(found((d) => (field(d, 'opportunity', 'amount').defaultValue = { amount: 0, currency: 'EUR' }))).toEqual([]);
    });

    it('reports unique on a type that cannot be unique', () => {
      expect(found((d) => (field(d, 'opportunity', 'amount').unique = true))).toEqual([['/entities/opportunity/fields/amount/unique', 'unique-not-supported']]);
      expect(found((d) => (field(d, 'tag', 'opportunities').unique = true))).toEqual([['/entities/tag/fields/opportunities/unique', 'unique-not-supported']]);
    });
  });

  describe('relations', () => {
    it('reports a dangling target', () => {
      const [problem] = problemsAfter((d) => (field(d, 'opportunity', 'company').target = 'account'));
      expect(problem).toMatchObject({ path: '/entities/opportunity/fields/company/target', code: 'unknown-target' });
      expect(problem!.message).toMatch(/targets "account", which is not an entity of this document \(entities: company, contact, opportunity, tag\)/);
    });

    it('reports a relation without cardinality', () => {
      const [problem] = problemsAfter((d) => delete field(d, 'opportunity', 'company').cardinality);
      expect(problem).toMatchObject({ path: '/entities/opportunity/fields/company/cardinality', code: 'missing-cardinality' });
      expect(problem!.message).toMatch(/needs "cardinality": "manyToOne"/);
    });

    it('reports a oneToMany without inverse', () => {
      expect(found((d) => delete field(d, 'company', 'contacts').inverse)).toEqual([
        ['/entities/company/fields/contacts/inverse', 'missing-inverse'],
        ['/entities/contact/fields/company/inverse', 'invalid-inverse'], // its inverse no longer points back
      ]);
    });

    it('reports inverses that do not exist, have the wrong cardinality or do not point back', () => {
      expect(found((d) => (field(d, 'company', 'contacts').inverse = 'employer'))).toContainEqual(['/entities/company/fields/contacts/inverse', 'invalid-inverse']);
      expect(found((d) => (field(d, 'company', 'contacts').inverse = 'email'))).toContainEqual(['/entities/company/fields/contacts/inverse', 'invalid-inverse']);
      expect(found((d) => (field(d, 'tag', 'opportunities').inverse = 'company'))).toContainEqual(['/entities/tag/fields/opportunities/inverse', 'invalid-inverse']);
      expect(
        found((d) => {
          entity(d, 'tag').fields.others = { type: 'relation', label: 'O', target: 'opportunity', cardinality: 'manyToMany', inverse: 'tags' };
        }),
      ).toEqual([['/entities/tag/fields/others/inverse', 'invalid-inverse']]);
    });

    it('accepts a manyToOne without inverse whose oneToMany names it', () => {
      expect(found((d) => delete field(d, 'contact', 'company').inverse)).toEqual([]);
    });

    it('reports onDelete on a relation that is not manyToOne', () => {
      expect(found((d) => (field(d, 'tag', 'opportunities').onDelete = 'cascade'))).toEqual([
        ['/entities/tag/fields/opportunities/onDelete', 'on-delete-not-applicable'],
      ]);
    });
  });

  describe('generated names', () => {
    it('reports an entity whose GraphQL types collide with another entity’s', () => {
      const [problem] = problemsAfter((d) => {
        d.entities.opportunityFilter = { label: 'F', pluralLabel: 'Fs', plural: 'opportunityFilters', fields: {} };
      });
      expect(problem).toMatchObject({ path: '/entities/opportunityFilter', code: 'graphql-name-collision' });
      expect(problem!.message).toBe(
        'GraphQL names of entity opportunityFilter: "OpportunityFilter" (its object type) collides with the filter input of entity opportunity. Rename the entity.',
      );
    });

    it('reports entities named like built-in GraphQL types', () => {
      for (const name of ['money', 'pageInfo', 'textFilter', 'dateTime']) {
        expect(found((d) => (d.entities[name] = { label: 'X', pluralLabel: 'Xs', plural: `${name}List`, fields: {} }))).toContainEqual([
          `/entities/${name}`,
          'graphql-name-collision',
        ]);
      }
    });

    it('reports two fields stored in the same column', () => {
      const [problem] = problemsAfter((d) => (entity(d, 'contact').fields.companyId = { type: 'text', label: 'Company id' }));
      expect(problem).toMatchObject({ path: '/entities/contact/fields/companyId', code: 'sql-name-collision' });
      expect(problem!.message).toBe('Field contact.companyId is stored in column "company_id", which field company already uses; rename one of the fields.');
    });

    it('reports identifiers longer than 63 characters', () => {
      const long = 'aB'.repeat(20);
      expect(found((d) => (entity(d, 'tag').fields[long] = { type: 'currency', label: 'L' }))).toContainEqual([`/entities/tag/fields/${long}`, 'identifier-too-long']);
    });
  });

  describe('layouts and displayField', () => {
    it('reports unknown and duplicate layout fields', () => {
      expect(
        found((d) => {
          entity(d, 'company').layouts!.form!.sections.push({ label: 'More', fields: ['name', 'revenue'] });
          entity(d, 'company').layouts!.list!.columns.push('industry', 'createdAt');
        }),
      ).toEqual([
        ['/entities/company/layouts/form/sections/1/fields/0', 'duplicate-layout-field'],
        ['/entities/company/layouts/form/sections/1/fields/1', 'unknown-layout-field'],
        ['/entities/company/layouts/list/columns/3', 'duplicate-layout-field'],
      ]);
    });

    it('reports a list sorted by a field that cannot be sorted', () => {
      expect(found((d) => entity(d, 'company').layouts!.list!.sort!.push({ field: 'contacts', direction: 'asc' }, { field: 'createdAt', direction: 'desc' }))).toEqual([
        ['/entities/company/layouts/list/sort/1/field', 'not-sortable'],
      ]);
    });

    it('reports an unknown displayField and one that is not text-like', () => {
      expect(found((d) => (entity(d, 'company').displayField = 'title'))).toEqual([['/entities/company/displayField', 'unknown-display-field']]);
      expect(found((d) => (entity(d, 'company').displayField = 'employees'))).toEqual([['/entities/company/displayField', 'invalid-display-field']]);
    });
  });

  it('reports all problems at once, sorted by path', () => {
    const problems = found((d) => {
      entity(d, 'tag').fields.order = { type: 'text', label: 'O', min: 3 } as FieldDefinition;
      field(d, 'opportunity', 'company').target = 'account';
      field(d, 'company', 'industry').options = [];
      entity(d, 'contact').plural = 'companies';
      entity(d, 'company').displayField = 'nope';
    });
    expect(problems).toEqual([
      ['/entities/company/displayField', 'unknown-display-field'],
      ['/entities/company/fields/industry/options', 'empty-options'],
      ['/entities/contact/plural', 'duplicate-plural'],
      ['/entities/opportunity/fields/company/target', 'unknown-target'],
      ['/entities/tag/fields/order', 'reserved-name'],
      ['/entities/tag/fields/order/min', 'property-not-allowed'],
    ]);
  });

  it('accepts a field type as soon as a plugin registers it', () => {
    const withMood = (d: MetadataDocument) => (entity(d, 'tag').fields.feeling = { type: 'mood', label: 'Feeling', max: 5 });
    expect(found(withMood)).toEqual([['/entities/tag/fields/feeling/type', 'unknown-field-type']]);
    registerFieldType({ ...getFieldType('integer'), name: 'mood', label: 'Mood' });
    try {
      expect(found(withMood)).toEqual([]);
    } finally {
      unregisterFieldType('mood');
    }
  });

  it('survives a badly broken document without throwing', () => {
    const broken = { entities: { a: { fields: [] }, b: 3, c: { label: 1, fields: { x: { type: 'relation', target: 5 } } } } };
    expect(() => validateDocument(broken)).not.toThrow();
    expect(validateDocument(broken).length).toBeGreaterThan(3);
  });
});
