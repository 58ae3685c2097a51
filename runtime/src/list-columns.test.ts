import { toListColumns } from './list-columns.js';
import { salesDocument } from './sales.fixture.js';

describe('toListColumns', () => {
  it('defaults to the display field and the next fields stored on the table, sorted by the display field', () => {
    const view = toListColumns(salesDocument(), 'opportunity');
    expect(view.columns.map((c) => c.field)).toEqual(['name', 'description', 'quantity', 'weight', 'amount', 'probability']);
    expect(view.sort).toEqual([{ field: 'name', direction: 'asc' }]);
    expect(view.pageSize).toBe(25);
  });

  it('follows the list layout, with labels, widgets and sortable flags from the registry', () => {
    const doc = salesDocument();
    doc.entities.opportunity!.layouts = {
      list: { columns: ['name', 'company', 'channels', 'createdAt', 'nope'], sort: [{ field: 'amount', direction: 'desc' }], pageSize: 50 },
    };
    const view = toListColumns(doc, 'opportunity');
    expect(view.columns).toEqual([
      { field: 'name', label: 'Name', fieldType: 'text', widget: 'text', sortable: true },
      { field: 'company', label: 'Company', fieldType: 'relation', widget: 'relation', sortable: false, target: 'company' },
      { field: 'channels', label: 'Channels', fieldType: 'multiSelect', widget: 'multiSelect', sortable: false },
      { field: 'createdAt', label: 'Created at', fieldType: 'dateTime', widget: 'dateTime', sortable: true, system: true },
    ]);
    expect(view.sort).toEqual([{ field: 'amount', direction: 'desc' }]);
    expect(view.pageSize).toBe(50);
  });

  it('leaves toMany relations out of the default columns and sorts newest first when the display field cannot be sorted', () => {
    const doc = salesDocument();
    doc.entities.company!.displayField = 'opportunities';
    const view = toListColumns(doc, 'company');
    expect(view.columns.map((c) => c.field)).toEqual(['opportunities', 'name']);
    expect(view.sort).toEqual([{ field: 'createdAt', direction: 'desc' }]);
  });

  it('shows the owner and team system columns as sortable ids', () => {
    const doc = salesDocument();
    doc.entities.opportunity!.layouts = { list: { columns: ['name', 'owner', 'team'] } };
    expect(toListColumns(doc, 'opportunity').columns.slice(1)).toEqual([
      { field: 'owner', label: 'Owner', fieldType: 'text', widget: 'text', sortable: true, system: true },
      { field: 'team', label: 'Team', fieldType: 'text', widget: 'text', sortable: true, system: true },
    ]);
  });
});
