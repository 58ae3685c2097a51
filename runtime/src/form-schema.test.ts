import type { MetadataDocument } from '@trellis/metadata';
import { toFormSchema } from './form-schema.js';
import { salesDocument } from './sales.fixture.js';

function withLayout(): MetadataDocument {
  const doc = salesDocument();
  doc.entities.opportunity!.layouts = {
    form: {
      sections: [
        { label: 'Deal', columns: 2, fields: ['name', 'amount', 'stage', 'company', 'opportunities'] },
        { label: 'Dates', fields: ['closeDate', 'nextCall', 'name'] },
      ],
    },
  };
  return doc;
}

describe('toFormSchema', () => {
  const { schema, uiSchema } = toFormSchema(salesDocument(), 'opportunity');
  const props = schema.properties as Record<string, Record<string, unknown>>;

  it('titles each property with the field label and describes it with the field description', () => {
    expect(props.closeDate).toEqual({ type: 'string', format: 'date', title: 'Close date' });
    expect(props.description).toMatchObject({ title: 'Description', description: 'What the customer wants' });
  });

  it('marks required fields and carries default values', () => {
    expect(schema.required).toEqual(['name', 'stage']);
    expect(props.stage!.default).toBe('new');
  });

  it('turns option lists into oneOf const/title so rjsf shows labels', () => {
    expect(props.stage).toMatchObject({
      type: 'string',
      oneOf: [
        { const: 'new', title: 'New' },
        { const: 'qualified', title: 'Qualified' },
        { const: 'won', title: 'Won' },
      ],
    });
    expect(props.stage).not.toHaveProperty('enum');
    expect(props.channels!.items).toEqual({ type: 'string', oneOf: [{ const: 'web', title: 'Web' }, { const: 'phone', title: 'Phone' }] });
  });

  it('uses the registry widget name for every field', () => {
    const widgets = Object.fromEntries(Object.keys(props).map((name) => [name, (uiSchema[name] as Record<string, unknown>)['ui:widget']]));
    expect(widgets).toEqual({
      name: 'text', description: 'textarea', quantity: 'number', weight: 'number', amount: 'currency', probability: 'percent',
      hot: 'checkbox', closeDate: 'date', nextCall: 'dateTime', stage: 'select', channels: 'multiSelect', email: 'email',
      phone: 'phone', website: 'url', payload: 'json', company: 'relation', tags: 'relation',
    });
  });

  it('asks for a custom rjsf field where rjsf has no widget: objects, untyped values and id lists', () => {
    const fields = Object.keys(props).filter((name) => (uiSchema[name] as Record<string, unknown>)['ui:field']);
    expect(fields).toEqual(['amount', 'payload', 'tags']);
    expect((uiSchema.tags as Record<string, unknown>)['ui:field']).toBe('relation');
  });

  it('gives relation fields their target entity', () => {
    expect((uiSchema.company as Record<string, unknown>)['ui:options']).toEqual({
      section: 0,
      column: 1,
      fieldType: 'relation',
      target: 'company',
      cardinality: 'manyToOne',
      inverse: 'opportunities',
      targetLabel: 'Company',
      targetPluralLabel: 'Companies',
      targetPlural: 'companies',
      targetDisplayField: 'name',
    });
  });

  it('passes the type-specific properties of a field to its widget', () => {
    expect((uiSchema.amount as Record<string, unknown>)['ui:options']).toMatchObject({ fieldType: 'currency', min: 0 });
    expect((uiSchema.stage as Record<string, unknown>)['ui:options']).toMatchObject({ options: expect.any(Array) });
  });

  it('without a form layout, puts every writable field in one two-column section in document order', () => {
    expect(uiSchema['ui:sections']).toEqual([{ label: 'Details', columns: 2, fields: Object.keys(props) }]);
    expect(uiSchema['ui:order']).toEqual(Object.keys(props));
  });

  it('leaves out oneToMany relations and lists them as related lists', () => {
    const company = toFormSchema(salesDocument(), 'company');
    expect(Object.keys(company.schema.properties as object)).toEqual(['name']);
    expect(company.uiSchema['ui:related']).toEqual([{ field: 'opportunities', label: 'Opportunities', target: 'opportunity', inverse: 'company' }]);
    expect(uiSchema['ui:related']).toBeUndefined();
  });

  describe('with a form layout', () => {
    const form = toFormSchema(withLayout(), 'opportunity');

    it('orders properties by the layout sections, then the fields the layout leaves out', () => {
      const order = form.uiSchema['ui:order'] as string[];
      expect(order.slice(0, 6)).toEqual(['name', 'amount', 'stage', 'company', 'closeDate', 'nextCall']);
      expect(Object.keys(form.schema.properties as object)).toEqual(order);
      expect(order).toHaveLength(17);
    });

    it('describes the sections, skipping unknown or repeated names, with an "Other fields" section last', () => {
      const sections = form.uiSchema['ui:sections'] as Array<{ label: string; columns: number; fields: string[] }>;
      expect(sections.slice(0, 2)).toEqual([
        { label: 'Deal', columns: 2, fields: ['name', 'amount', 'stage', 'company'] },
        { label: 'Dates', columns: 1, fields: ['closeDate', 'nextCall'] },
      ]);
      expect(sections[2]!.label).toBe('Other fields');
      expect(sections[2]!.fields).toContain('description');
    });

    it('tells each field its section and column', () => {
      expect((form.uiSchema.stage as Record<string, unknown>)['ui:options']).toMatchObject({ section: 0, column: 0 });
      expect((form.uiSchema.nextCall as Record<string, unknown>)['ui:options']).toMatchObject({ section: 1, column: 0 });
    });
  });
});
