/**
 * The entity designer's "Views" tab: saved list views — a label, a filter (the rule editor, over `record`,
 * `user` and `now`), the columns and the sort. People pick them in the list's "View" menu.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { validateDocument, type ListViewDefinition, type MetadataDocument, type SortSpec } from '@trellis/metadata';
import { describeCondition, formatFieldLabel } from '@trellis/runtime';
import { useDraft } from '../../app/draft-context.js';
import { isSortableType } from '../../lib/field-types.js';
import { camelName, uniqueName } from '../../lib/names.js';
import { ConfirmDialog, Dialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { RowActions } from '../../ui/RowActions.js';
import { SelectField, TextInput } from '../inputs.js';
import { parseProblemPath, problemsForEntity } from '../problem-paths.js';
import { LogicEditor } from './LogicEditor.js';
import { logicProblems } from './logic-context.js';
import { removeView, setView } from './rule-edits.js';
import { RuleTestPanel } from './RuleTestPanel.js';

const SYSTEM = [
  { name: 'createdAt', label: 'Created at', sortable: true },
  { name: 'updatedAt', label: 'Updated at', sortable: true },
];

export function ViewsTab({ entityName }: { entityName: string }) {
  const { draft, edit, problems } = useDraft();
  const entity = draft.entities[entityName];
  const views = Object.entries(entity.views ?? {});
  const [editor, setEditor] = useState<{ view?: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const labelOf = (f: string) => SYSTEM.find((s) => s.name === f)?.label ?? formatFieldLabel(f, entity.fields[f]);
  const viewProblems = (name: string) =>
    problemsForEntity(problems, entityName).filter((p) => {
      const loc = parseProblemPath(p.path);
      return !loc.field && loc.rest[0] === 'views' && loc.rest[1] === name;
    });

  return (
    <section className="card" aria-labelledby="views-title">
      <header className="card-header">
        <div>
          <h2 id="views-title" className="card-title">
            Saved views
          </h2>
          <p className="muted small">Filtered lists people pick in the “View” menu above the {entity.pluralLabel.toLowerCase()} list.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setEditor({})}>
          <Icon name="plus" /> Add view
        </button>
      </header>
      {views.length === 0 ? (
        <EmptyState title="No saved views yet">For example “Open deals”: stage is none of won, lost — sorted by close date.</EmptyState>
      ) : (
        <table className="data-table" aria-label="Saved views">
          <thead>
            <tr>
              <th scope="col"><span className="th-plain">View</span></th>
              <th scope="col"><span className="th-plain">Filter</span></th>
              <th scope="col"><span className="th-plain">Columns</span></th>
              <th scope="col"><span className="th-plain">Sort</span></th>
              <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {views.map(([name, view]) => {
              const found = viewProblems(name);
              return (
                <tr key={name} className={found.length ? 'has-problem' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditor({ view: name })}>
                      {view.label || name}
                    </button>
                    <div>
                      <code className="muted small">{name}</code>
                    </div>
                    {found.map((p, i) => (
                      <p key={i} className="field-error row-problem">
                        <Icon name="warning" size={13} /> {p.message}
                      </p>
                    ))}
                  </td>
                  <td className="rule-summary">{view.filter === undefined ? <span className="muted">All records</span> : describeCondition(view.filter, labelOf)}</td>
                  <td>{view.columns?.length ? view.columns.map(labelOf).join(', ') : <span className="muted">As the list layout</span>}</td>
                  <td>{view.sort?.length ? view.sort.map((s) => `${labelOf(s.field)} ${s.direction === 'desc' ? '↓' : '↑'}`).join(', ') : <span className="muted">As the list layout</span>}</td>
                  <RowActions what={`view ${view.label || name}`} onEdit={() => setEditor({ view: name })} onRemove={() => setRemoving(name)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editor && <ViewDialog entityName={entityName} viewName={editor.view} onClose={() => setEditor(null)} />}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove view “${entity.views?.[removing]?.label || removing}”?`}
          confirmLabel="Remove view"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((d) => removeView(d, entityName, removing));
            setRemoving(null);
          }}
        >
          <p>People who open a link to this view see the whole list instead.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ViewDialog({ entityName, viewName, onClose }: { entityName: string; viewName?: string; onClose: () => void }) {
  const { draft, edit } = useDraft();
  const entity = draft.entities[entityName];
  const existing = viewName ? entity.views?.[viewName] : undefined;
  const [view, setViewState] = useState<ListViewDefinition>(() => (existing ? structuredClone(existing) : { label: '' }));
  const [name, setName] = useState(viewName ?? '');
  const [nameEdited, setNameEdited] = useState(!!viewName);
  const [jsonValid, setJsonValid] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const id = useId();

  const candidates = [
    ...Object.entries(entity.fields)
      .filter(([, f]) => !(f.type === 'relation' && f.cardinality !== 'manyToOne') && f.type !== 'json')
      .map(([n, f]) => ({ name: n, label: f.label, sortable: isSortableType(f.type) })),
    ...SYSTEM,
  ];
  const columns = view.columns ?? [];
  const sort = view.sort?.[0];
  const patch = (p: Partial<ListViewDefinition>) => setViewState((v) => ({ ...v, ...p }));
  const setLabel = (label: string) => {
    patch({ label });
    if (!nameEdited) setName(uniqueName(camelName(label), Object.keys(entity.views ?? {}).filter((n) => n !== viewName)));
  };

  const stored = useMemo((): ListViewDefinition => {
    const out: ListViewDefinition = { label: view.label };
    if (view.filter !== undefined) out.filter = view.filter;
    if (view.columns?.length) out.columns = view.columns;
    if (view.sort?.length) out.sort = view.sort;
    return out;
  }, [view]);
  const apply = (doc: MetadataDocument) => setView(doc, entityName, name, stored, viewName);

  const duplicate = name !== viewName && !!entity.views?.[name];
  const problems = useMemo(() => {
    const list: string[] = [];
    if (!view.label.trim()) list.push('Enter a label.');
    if (!name) list.push('Enter a name.');
    if (duplicate) list.push(`This entity already has a view named “${name}”.`);
    if (!jsonValid) list.push('The filter’s JSON does not parse.');
    if (view.filter !== undefined && logicProblems(draft, entityName, view.filter, 'viewFilter').length > 0) list.push('Fix the filter’s problems first.');
    if (list.length || !name) return list;
    for (const p of validateDocument(apply(draft))) {
      const loc = parseProblemPath(p.path);
      if (loc.entity === entityName && !loc.field && loc.rest[0] === 'views' && loc.rest[1] === name && loc.rest[2] !== 'filter') list.push(p.message);
    }
    return list;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft, view, name, duplicate, jsonValid, stored]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (problems.length) return;
    edit(apply);
    onClose();
  };
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= columns.length) return;
    const next = [...columns];
    [next[i], next[j]] = [next[j], next[i]];
    patch({ columns: next });
  };
  const setSort = (s: SortSpec | undefined) => patch({ sort: s ? [s] : undefined });
  const labelOf = (n: string) => candidates.find((c) => c.name === n)?.label ?? n;

  return (
    <Dialog
      open
      wide
      title={viewName ? `Edit view “${existing?.label || viewName}”` : `Add view to ${entity.pluralLabel}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="view-editor-form" className="btn btn-primary" disabled={submitted && problems.length > 0}>
            {viewName ? 'Save view' : 'Add view'}
          </button>
        </>
      }
    >
      <form id="view-editor-form" className="stack" onSubmit={submit} noValidate>
        <div className="grid-2">
          <TextInput label="View label" value={view.label} onChange={setLabel} autoFocus />
          <TextInput
            label="View name"
            mono
            value={name}
            hint="Used in links (?view=…) and the API’s view argument."
            onChange={(v) => {
              setNameEdited(true);
              setName(v);
            }}
          />
        </div>
        <LogicEditor
          doc={draft}
          entity={entityName}
          context="viewFilter"
          label="Filter"
          hint="Records that match show in the view; no conditions shows every record."
          value={view.filter}
          onChange={(filter) => patch({ filter })}
          onTextValidity={setJsonValid}
        />
        <div className="grid-2">
          <fieldset className="field">
            <legend className="field-label">Columns</legend>
            <p className="field-help">None chosen: the list layout’s columns.</p>
            <ol className="column-rows">
              {columns.map((c, i) => (
                <li key={c} className="column-row">
                  <label className="check">
                    <input type="checkbox" checked onChange={() => patch({ columns: columns.filter((x) => x !== c) })} aria-label={`Show ${labelOf(c)} in the view`} />
                    <span>{labelOf(c)}</span>
                  </label>
                  <span className="layout-field-actions">
                    <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move column ${labelOf(c)} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                      <Icon name="arrowUp" />
                    </button>
                    <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move column ${labelOf(c)} down`} disabled={i === columns.length - 1} onClick={() => move(i, 1)}>
                      <Icon name="arrowDown" />
                    </button>
                  </span>
                </li>
              ))}
              {candidates
                .filter((c) => !columns.includes(c.name))
                .map((c) => (
                  <li key={c.name} className="column-row off">
                    <label className="check">
                      <input type="checkbox" checked={false} onChange={() => patch({ columns: [...columns, c.name] })} aria-label={`Show ${c.label} in the view`} />
                      <span>{c.label}</span>
                    </label>
                  </li>
                ))}
            </ol>
          </fieldset>
          <div className="stack">
            <SelectField
              label="View sort by"
              value={sort?.field ?? ''}
              onChange={(v) => setSort(v ? { field: v, direction: sort?.direction ?? 'asc' } : undefined)}
            >
              <option value="">(as the list layout)</option>
              {candidates
                .filter((c) => c.sortable)
                .map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.label}
                  </option>
                ))}
            </SelectField>
            <SelectField label="View sort direction" value={sort?.direction ?? 'asc'} disabled={!sort} onChange={(v) => sort && setSort({ field: sort.field, direction: v as 'asc' | 'desc' })}>
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </SelectField>
          </div>
        </div>
        {submitted && problems.length > 0 && (
          <ul className="problem-list" aria-label="Problems" id={`${id}-problems`}>
            {problems.map((m, i) => (
              <li key={i} className="field-error">
                {m}
              </li>
            ))}
          </ul>
        )}
        <RuleTestPanel
          doc={draft}
          entity={entityName}
          title="Test this filter"
          subject={{ kind: 'condition', expr: view.filter ?? true, holds: 'The record is in this view.', doesNotHold: 'The record is not in this view.', withPrevious: false }}
        />
      </form>
    </Dialog>
  );
}
