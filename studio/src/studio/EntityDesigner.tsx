/** Studio: one entity of the draft — properties, fields, form layout, list layout, and the JSON of the draft. */
import { lazy, Suspense, useState } from 'react';
import { findReferences, type MetadataProblem } from '@trellis/metadata';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { href, navigate } from '../app/router.js';
import { fieldTypeLabel } from '../lib/field-types.js';
import { componentPointer, originText, useComponentOrigins } from '../packs/component-origins.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { EmptyState, Spinner } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { RowActions } from '../ui/RowActions.js';
import { Tabs } from '../ui/Tabs.js';
import { removalEffects, removeEntity, removeField, renameEntity, updateEntity } from './doc-edits.js';
import { FieldEditor } from './FieldEditor.js';
import { FormLayoutEditor } from './FormLayoutEditor.js';
import { ListLayoutEditor } from './ListLayoutEditor.js';
import { RulesTab } from './rules/RulesTab.js';
import { ViewsTab } from './rules/ViewsTab.js';
import { parseProblemPath, problemsForEntity, problemsForField } from './problem-paths.js';
import { SelectField, TextInput } from './inputs.js';
import { StudioToolbar } from './StudioToolbar.js';
import { ComponentSource } from '../packs/ComponentSource.js';

const JsonTab = lazy(() => import('./JsonTab.js'));

const TABS = [
  { id: 'fields', label: 'Fields' },
  { id: 'form', label: 'Form layout' },
  { id: 'list', label: 'List layout' },
  { id: 'rules', label: 'Rules' },
  { id: 'views', label: 'Views' },
  { id: 'json', label: 'JSON' },
] as const;

export function EntityDesigner({ entityName, tab }: { entityName: string; tab: string }) {
  const { draft, problems } = useDraft();
  const entity = draft.entities[entityName];
  const [removing, setRemoving] = useState(false);
  const { edit } = useDraft();

  if (!entity) {
    return (
      <div className="page">
        <StudioToolbar />
        <EmptyState title="No such entity in the draft" action={<a className="btn" href={href('/studio/entities')}>All entities</a>}>
          “{entityName}” may have been renamed or removed, or the draft was discarded.
        </EmptyState>
      </div>
    );
  }

  const entityProblems = problemsForEntity(problems, entityName);
  const otherProblems = problems.length - entityProblems.length;
  const current = TABS.some((t) => t.id === tab) ? tab : 'fields';
  const select = (id: string) => navigate(`/studio/entities/${entityName}${id === 'fields' ? '' : `?tab=${id}`}`, { replace: true });

  return (
    <div className="page page-wide">
      <StudioToolbar />
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <a href={href('/studio/entities')}>Entities</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{entity.label}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {entity.label} <code className="title-code">{entityName}</code>
          </h1>
          {entity.description && <p className="page-subtitle">{entity.description}</p>}
        </div>
        <button type="button" className="btn btn-danger-ghost" onClick={() => setRemoving(true)}>
          <Icon name="trash" /> Delete entity
        </button>
      </header>

      {entityProblems.length > 0 && <ProblemsBanner problems={entityProblems} entityName={entityName} />}
      {otherProblems > 0 && (
        <p className="muted small">
          {otherProblems} more problem{otherProblems === 1 ? '' : 's'} in other entities — see <a href={href('/studio/publish')}>Publish</a>.
        </p>
      )}

      <Tabs tabs={TABS} current={current} onSelect={select} label="Entity designer">
        {current === 'fields' && <FieldsTab entityName={entityName} />}
        {current === 'form' && <FormLayoutEditor entityName={entityName} />}
        {current === 'list' && <ListLayoutEditor entityName={entityName} />}
        {current === 'rules' && <RulesTab entityName={entityName} />}
        {current === 'views' && <ViewsTab entityName={entityName} />}
        {current === 'json' && (
          <Suspense fallback={<Spinner label="Loading the editor" />}>
            <JsonTab focusEntity={entityName} />
          </Suspense>
        )}
      </Tabs>

      <ConfirmDialog
        open={removing}
        title={`Delete entity “${entity.label}”?`}
        confirmLabel="Delete entity"
        danger
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          edit((d) => removeEntity(d, entityName));
          setRemoving(false);
          navigate('/studio/entities');
        }}
      >
        <p>
          When you publish, the table of {entity.pluralLabel.toLowerCase()} is moved aside: its records disappear from the app (they are kept in the
          database and come back if you restore an earlier version). Relation fields of other entities pointing here are removed too.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function ProblemsBanner({ problems, entityName }: { problems: MetadataProblem[]; entityName: string }) {
  return (
    <div className="banner banner-error" role="alert" aria-label="Problems in this entity">
      <Icon name="warning" />
      <div className="banner-text">
        <strong>
          {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before publishing
        </strong>
        <ul className="problem-list">
          {problems.map((p, i) => {
            const loc = parseProblemPath(p.path);
            const where = loc.field ? `${loc.field}${loc.rest.length ? '.' + loc.rest.join('.') : ''}` : loc.rest.join('.') || entityName;
            return (
              <li key={i}>
                <code>{where}</code> {p.message}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

function FieldsTab({ entityName }: { entityName: string }) {
  const { draft, edit, problems } = useDraft();
  const { stored: published, suspended } = useMetadata();
  const origins = useComponentOrigins();
  const entity = draft.entities[entityName];
  const [editor, setEditor] = useState<{ mode: 'add' } | { mode: 'edit'; field: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [nameDraft, setNameDraft] = useState(entityName);
  const fields = Object.entries(entity.fields);
  const textual = fields.filter(([, f]) => ['text', 'email', 'phone', 'url', 'select'].includes(f.type));
  const entityPropProblems = (prop: string) =>
    problemsForEntity(problems, entityName)
      .filter((p) => {
        const loc = parseProblemPath(p.path);
        return !loc.field && loc.rest[0] === prop;
      })
      .map((p) => p.message);

  const renameTo = (next: string) => {
    if (!next || next === entityName || draft.entities[next]) return;
    edit((d) => renameEntity(d, entityName, next, published));
    navigate(`/studio/entities/${next}`, { replace: true });
  };

  return (
    <>
      <section className="card" aria-labelledby="entity-props">
        <h2 id="entity-props" className="card-title">
          Entity properties
        </h2>
        <div className="grid-2">
          <TextInput
            label="Entity label"
            value={entity.label}
            errors={entityPropProblems('label')}
            onChange={(v) => edit((d) => updateEntity(d, entityName, { label: v }), `entity-label-${entityName}`)}
          />
          <TextInput
            label="Entity plural label"
            value={entity.pluralLabel}
            errors={entityPropProblems('pluralLabel')}
            onChange={(v) => edit((d) => updateEntity(d, entityName, { pluralLabel: v }), `entity-plural-label-${entityName}`)}
          />
          <TextInput
            label="Entity name"
            mono
            value={nameDraft}
            hint={
              draft.entities[nameDraft] && nameDraft !== entityName
                ? 'Another entity has this name.'
                : entity.renamedFrom
                  ? `Renamed from “${entity.renamedFrom}”: publishing renames the table.`
                  : 'Renaming keeps the data (the table is renamed). Applied when you leave the field.'
            }
            onChange={setNameDraft}
            onBlur={() => renameTo(nameDraft)}
          />
          <TextInput
            label="Entity plural name"
            mono
            value={entity.plural}
            errors={entityPropProblems('plural')}
            onChange={(v) => edit((d) => updateEntity(d, entityName, { plural: v }), `entity-plural-${entityName}`)}
          />
          <TextInput
            label="Entity description"
            value={entity.description ?? ''}
            multiline
            onChange={(v) => edit((d) => updateEntity(d, entityName, { description: v }), `entity-description-${entityName}`)}
          />
          <SelectField
            label="Display field"
            value={entity.displayField ?? ''}
            hint="Names a record in relation pickers and lists."
            errors={entityPropProblems('displayField')}
            onChange={(v) => edit((d) => updateEntity(d, entityName, { displayField: v }))}
          >
            <option value="">(first text field)</option>
            {textual.map(([name, f]) => (
              <option key={name} value={name}>
                {f.label}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className="card" aria-labelledby="entity-fields">
        <header className="card-header">
          <h2 id="entity-fields" className="card-title">
            Fields
          </h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditor({ mode: 'add' })}>
            <Icon name="plus" /> Add field
          </button>
        </header>
        <table className="data-table" aria-label="Fields">
          <thead>
            <tr>
              <th scope="col"><span className="th-plain">Label</span></th>
              <th scope="col"><span className="th-plain">Name</span></th>
              <th scope="col"><span className="th-plain">Type</span></th>
              <th scope="col" className="center"><span className="th-plain">Required</span></th>
              <th scope="col" className="center"><span className="th-plain">Unique</span></th>
              <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([name, field]) => {
              const fieldProblems = problemsForField(problems, entityName, name);
              const before = published.entities[entityName] ?? (entity.renamedFrom ? published.entities[entity.renamedFrom] : undefined);
              const renamed = !!field.renamedFrom && !before?.fields[name] && !!before?.fields[field.renamedFrom];
              const isNew = !before?.fields[name] && !renamed;
              const suspendedAs = suspended.find((component) => component.path === componentPointer(entityName, name));
              return (
                <tr key={name} className={fieldProblems.length ? 'has-problem' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditor({ mode: 'edit', field: name })}>
                      {field.label}
                    </button>
                    {isNew && <span className="badge badge-green">New</span>}
                    {originText(origins, componentPointer(entityName, name)) && <ComponentSource origin={originText(origins, componentPointer(entityName, name))} />}
                    {renamed && <span className="badge badge-amber" title={`Renamed from ${field.renamedFrom}`}>Renamed</span>}
                    {suspendedAs && <span className="badge badge-amber" title={suspendedAs.message}>Suspended</span>}
                    {fieldProblems.map((p, i) => (
                      <p key={i} className="field-error row-problem">
                        <Icon name="warning" size={13} /> {p.message}
                      </p>
                    ))}
                  </td>
                  <td><code>{name}</code></td>
                  <td>
                    {fieldTypeLabel(field.type)}
                    {field.type === 'relation' && field.target && (
                      <span className="muted"> · {cardinalityText(field.cardinality)} {draft.entities[field.target]?.label ?? field.target}</span>
                    )}
                  </td>
                  <td className="center">{field.required ? <span aria-label="Required">✓</span> : ''}</td>
                  <td className="center">{field.unique ? <span aria-label="Unique">✓</span> : ''}</td>
                  <RowActions what={`field ${field.label}`} onEdit={() => setEditor({ mode: 'edit', field: name })} onRemove={() => setRemoving(name)} />
                </tr>
              );
            })}
          </tbody>
        </table>
        {fields.length === 0 && <p className="muted">No fields yet.</p>}
      </section>

      {editor && (
        <FieldEditor
          entityName={entityName}
          fieldName={editor.mode === 'edit' ? editor.field : undefined}
          onClose={() => setEditor(null)}
        />
      )}

      {removing && entity.fields[removing] && (
        <ConfirmDialog
          open
          title={`Remove field “${entity.fields[removing].label}”?`}
          confirmLabel="Remove field"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((d) => removeField(d, entityName, removing));
            setRemoving(null);
          }}
        >
          <p className="warning-text">
            <Icon name="warning" /> Publishing hides this field&apos;s data: its column is moved aside (kept in the database, restorable from History), and
            the field disappears from forms, lists and the API.
          </p>
          <FieldUses entityName={entityName} field={removing} />
          {removalEffects(draft, entityName, removing).map((e) => (
            <p key={`${e.entity}.${e.field}`}>
              {e.effect === 'removed'
                ? `The inverse field “${draft.entities[e.entity].fields[e.field].label}” on ${draft.entities[e.entity].label} is removed too.`
                : `The field “${draft.entities[e.entity].fields[e.field].label}” on ${draft.entities[e.entity].label} stops pointing back.`}
            </p>
          ))}
        </ConfirmDialog>
      )}
    </>
  );
}

/** What still names a field about to be removed (rules, conditions, views, formulas, roll-ups…): publishing is refused until they are fixed. */
function FieldUses({ entityName, field }: { entityName: string; field: string }) {
  const { draft } = useDraft();
  // Layouts, the display field, the relation partner and the field's own conditions are fixed by the removal itself.
  const own = `/entities/${entityName}/layouts/form/conditions/${field}`;
  const uses = findReferences(draft, entityName, field).filter(
    (r) => !['layout', 'listLayout', 'displayField', 'relation'].includes(r.kind) && r.path !== own && !r.path.startsWith(`${own}/`),
  );
  if (uses.length === 0) return null;
  return (
    <div className="banner banner-warning" role="note">
      <Icon name="warning" />
      <div className="banner-text">
        <strong>Still used by</strong>
        <ul className="problem-list" aria-label="Uses of this field">
          {uses.map((u) => (
            <li key={u.path}>{u.description}</li>
          ))}
        </ul>
        <span>Publishing is refused until these no longer name the field.</span>
      </div>
    </div>
  );
}

export function cardinalityText(c: string | undefined): string {
  return c === 'oneToMany' ? 'has many' : c === 'manyToMany' ? 'many to many with' : 'belongs to';
}
