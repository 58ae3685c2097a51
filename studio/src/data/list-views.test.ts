import { toListColumns } from '@trellis/runtime';
import { buildListQuery } from '../api/record-queries.js';
import { salesDoc } from '../testing/sales-doc.js';
import { withViewLayout } from './list-views.js';

function docWithView() {
  const doc = salesDoc();
  doc.entities.opportunity.views = {
    openDeals: { label: 'Open deals', filter: { '!=': [{ var: 'record.stage' }, 'won'] }, columns: ['name', 'closeDate'], sort: [{ field: 'closeDate', direction: 'asc' }] },
    filterOnly: { label: 'Filter only', filter: true },
  };
  return doc;
}

describe('saved views in the end-user list', () => {
  it('shows the view’s columns and sort instead of the list layout’s', () => {
    const list = toListColumns(withViewLayout(docWithView(), 'opportunity', 'openDeals'), 'opportunity');
    expect(list.columns.map((c) => c.field)).toEqual(['name', 'closeDate']);
    expect(list.sort).toEqual([{ field: 'closeDate', direction: 'asc' }]);
  });

  it('keeps the layout for a view without columns or sort, and for no view', () => {
    const doc = docWithView();
    expect(withViewLayout(doc, 'opportunity', 'filterOnly')).toBe(doc);
    expect(withViewLayout(doc, 'opportunity', undefined)).toBe(doc);
  });

  it('asks the API for the view through its enum argument, only when one is chosen', () => {
    const doc = docWithView();
    const withView = buildListQuery(doc, 'opportunity', { fields: ['name'], view: 'openDeals' });
    expect(withView.query).toContain('$view: OpportunityView');
    expect(withView.query).toContain('view: $view');
    expect(withView.variables.view).toBe('openDeals');
    expect(buildListQuery(doc, 'opportunity', { fields: ['name'] }).query).not.toContain('view');
  });
});
