/** List layout: which columns show and in what order, the default sort and the page size. */
import type { ListLayout } from '@trellis/metadata';
import { useDraft } from '../app/draft-context.js';
import { isSortableType } from '../lib/field-types.js';
import { Icon } from '../ui/Icon.js';
import { setListLayout } from './doc-edits.js';
import { NumberField, SelectField } from './inputs.js';

const SYSTEM = [
  { name: 'owner', label: 'Owner' },
  { name: 'team', label: 'Team' },
  { name: 'createdAt', label: 'Created at' },
  { name: 'updatedAt', label: 'Updated at' },
];

export function ListLayoutEditor({ entityName }: { entityName: string }) {
  const { draft, edit } = useDraft();
  const entity = draft.entities[entityName];
  const layout: ListLayout = entity.layouts?.list ?? { columns: [] };
  const save = (next: ListLayout, key?: string) => edit((d) => setListLayout(d, entityName, next), key);

  const candidates = [
    ...Object.entries(entity.fields)
      .filter(([, f]) => !(f.type === 'relation' && f.cardinality === 'oneToMany'))
      .map(([name, f]) => ({ name, label: f.label, sortable: isSortableType(f.type) })),
    ...SYSTEM.map((s) => ({ ...s, sortable: true })),
  ];
  const labelOf = (n: string) => candidates.find((c) => c.name === n)?.label ?? n;
  const shown = layout.columns;
  const hidden = candidates.filter((c) => !shown.includes(c.name));
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= shown.length) return;
    const columns = [...shown];
    [columns[i], columns[j]] = [columns[j], columns[i]];
    save({ ...layout, columns });
  };
  const toggle = (name: string, on: boolean) =>
    save({ ...layout, columns: on ? [...shown, name] : shown.filter((c) => c !== name) });
  const sort = layout.sort?.[0];
  const sortable = candidates.filter((c) => c.sortable);

  return (
    <div className="grid-2 list-layout-editor">
      <section className="card" aria-labelledby="list-columns-title">
        <h3 id="list-columns-title" className="card-title">
          Columns
        </h3>
        {shown.length === 0 && <p className="muted small">No columns chosen: the list shows the display field and the next fields.</p>}
        <ol className="column-rows">
          {shown.map((name, i) => (
            <li key={name} className="column-row">
              <label className="check">
                <input type="checkbox" checked onChange={() => toggle(name, false)} aria-label={`Show ${labelOf(name)} in the list`} />
                <span>{labelOf(name)}</span>
              </label>
              <span className="layout-field-actions">
                <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move column ${labelOf(name)} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <Icon name="arrowUp" />
                </button>
                <button
                  type="button"
                  className="btn btn-icon btn-ghost"
                  aria-label={`Move column ${labelOf(name)} down`}
                  disabled={i === shown.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <Icon name="arrowDown" />
                </button>
              </span>
            </li>
          ))}
          {hidden.map((c) => (
            <li key={c.name} className="column-row off">
              <label className="check">
                <input type="checkbox" checked={false} onChange={() => toggle(c.name, true)} aria-label={`Show ${c.label} in the list`} />
                <span>{c.label}</span>
              </label>
            </li>
          ))}
        </ol>
      </section>
      <section className="card stack" aria-labelledby="list-sort-title">
        <h3 id="list-sort-title" className="card-title">
          Default order and paging
        </h3>
        <SelectField
          label="Sort by"
          value={sort?.field ?? ''}
          onChange={(v) => {
            const next = { ...layout };
            if (v) next.sort = [{ field: v, direction: sort?.direction ?? 'asc' }];
            else delete next.sort;
            save(next);
          }}
        >
          <option value="">(default)</option>
          {sortable.map((c) => (
            <option key={c.name} value={c.name}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Sort direction"
          value={sort?.direction ?? 'asc'}
          disabled={!sort}
          onChange={(v) => sort && save({ ...layout, sort: [{ field: sort.field, direction: v as 'asc' | 'desc' }] })}
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </SelectField>
        <NumberField
          label="Page size"
          value={layout.pageSize}
          min={1}
          step={1}
          hint="Rows per page (default 25)."
          onChange={(v) => {
            const next = { ...layout };
            if (v) next.pageSize = v;
            else delete next.pageSize;
            save(next, 'list-page-size');
          }}
        />
      </section>
    </div>
  );
}
