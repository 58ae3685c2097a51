/**
 * Search box, active filter chips and the "Add filter" form (field → operator → value), offering the
 * operators the field type's registry entry lists.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { customFilterOf, customOperandReady, operatorLabel, takesList, takesValue, uiOperatorsFor, type FilterCondition, type UiOperator } from '../api/filters.js';
import { CustomOperandInput } from './CustomOperandInput.js';
import { filterOperatorsOf } from '../lib/field-types.js';
import { formatDate, formatDateTime, localInputToIso } from '../lib/format.js';
import { Icon } from '../ui/Icon.js';
import { useDirectory } from '../api/directory-api.js';
import { useSession } from '../auth/session-context.js';
import { optionLabel } from './SelectChip.js';
import { RelationPicker } from './RelationPicker.js';

export interface ActiveFilter extends FilterCondition {
  /** Text of the chip's value part (labels of options and records, formatted dates). */
  valueText: string;
}

interface FilterableField {
  name: string;
  label: string;
  field: FieldDefinition;
  operators: UiOperator[];
  /** The owner and team system fields: their values are picked from the user / team directory. */
  directory?: 'user' | 'team';
}

const SYSTEM_FILTERS: [string, string][] = [
  ['createdAt', 'Created at'],
  ['updatedAt', 'Updated at'],
];

const DIRECTORY_FILTERS: [string, string, 'user' | 'team'][] = [
  ['owner', 'Owner', 'user'],
  ['team', 'Team', 'team'],
];

/** The fields a list can filter on; `hidden` system fields (owner, team… hidden by the person's roles) are left out. */
export function filterableFields(doc: MetadataDocument, entityName: string, hidden: readonly string[] = []): FilterableField[] {
  const entity = doc.entities[entityName];
  const fields: FilterableField[] = Object.entries(entity.fields).map(([name, field]) => ({
    name,
    label: field.label,
    field,
    operators: uiOperatorsFor(field, filterOperatorsOf(field.type)),
  }));
  for (const [name, label, directory] of DIRECTORY_FILTERS) {
    fields.push({ name, label, field: { type: 'text', label }, operators: ['eq', 'neq', 'isEmpty', 'isNotEmpty'], directory });
  }
  for (const [name, label] of SYSTEM_FILTERS) {
    const field: FieldDefinition = { type: 'dateTime', label };
    fields.push({ name, label, field, operators: uiOperatorsFor(field, filterOperatorsOf('dateTime')).filter((o) => o !== 'isEmpty' && o !== 'isNotEmpty') });
  }
  return fields.filter((f) => f.operators.length > 0 && !hidden.includes(f.name));
}

export function chipText(f: ActiveFilter, fields: FilterableField[]): string {
  const def = fields.find((x) => x.name === f.field);
  const op = operatorLabel(f.operator, def?.field.type);
  return takesValue(f.operator) ? `${def?.label ?? f.field} ${op} ${f.valueText}` : `${def?.label ?? f.field} ${op}`;
}

interface Props {
  doc: MetadataDocument;
  entityName: string;
  /** System fields hidden from the person (see access-document.ts `hiddenFields`). */
  hidden?: readonly string[];
  search: string;
  onSearch: (text: string) => void;
  filters: ActiveFilter[];
  onFiltersChange: (filters: ActiveFilter[]) => void;
}

export function FilterBar({ doc, entityName, hidden, search, onSearch, filters, onFiltersChange }: Props) {
  const entity = doc.entities[entityName];
  const fields = useMemo(() => filterableFields(doc, entityName, hidden), [doc, entityName, hidden]);
  const [adding, setAdding] = useState(false);
  const display = entity.displayField ? entity.fields[entity.displayField]?.label : undefined;

  return (
    <div className="filter-bar">
      <div className="filter-row">
        <div className="search-box">
          <Icon name="search" />
          <input
            type="search"
            className="input"
            aria-label={`Search ${entity.pluralLabel}`}
            placeholder={display ? `Search by ${display.toLowerCase()}…` : 'Search…'}
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        <button type="button" className={adding ? 'btn btn-active' : 'btn'} aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
          <Icon name="filter" /> Filter
        </button>
        {filters.length > 0 && (
          <ul className="filter-chips" aria-label="Active filters">
            {filters.map((f, i) => {
              const text = chipText(f, fields);
              return (
                <li key={i} className="filter-chip">
                  <span>{text}</span>
                  <button type="button" aria-label={`Remove filter ${text}`} onClick={() => onFiltersChange(filters.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </li>
              );
            })}
            {filters.length > 1 && (
              <li>
                <button type="button" className="btn btn-link" onClick={() => onFiltersChange([])}>
                  Clear filters
                </button>
              </li>
            )}
          </ul>
        )}
      </div>
      {adding && (
        <AddFilterForm
          doc={doc}
          fields={fields}
          onAdd={(f) => {
            onFiltersChange([...filters, f]);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </div>
  );
}

function AddFilterForm({
  doc,
  fields,
  onAdd,
  onCancel,
}: {
  doc: MetadataDocument;
  fields: FilterableField[];
  onAdd: (f: ActiveFilter) => void;
  onCancel: () => void;
}) {
  const [fieldName, setFieldName] = useState(fields[0]?.name ?? '');
  const current = fields.find((f) => f.name === fieldName);
  const [operator, setOperator] = useState<UiOperator>(current?.operators[0] ?? 'eq');
  const [value, setValue] = useState<unknown>('');
  const [valueText, setValueText] = useState('');
  const valueId = useId();

  const pickField = (name: string) => {
    setFieldName(name);
    const next = fields.find((f) => f.name === name);
    setOperator(next?.operators[0] ?? 'eq');
    setValue('');
    setValueText('');
  };

  const custom = customFilterOf(current?.field, operator);
  const ready = custom
    ? customOperandReady(custom, value)
    : !takesValue(operator) || (value !== '' && value !== undefined && !(Array.isArray(value) && value.length === 0));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!current || !ready) return;
    const text = custom ? describeCustom(custom, value) : valueText || describe(current.field, value);
    onAdd({ field: fieldName, operator, value: takesValue(operator) ? value : undefined, valueText: text });
  };

  return (
    <form
      className="add-filter"
      onSubmit={submit}
      aria-label="Add filter"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label className="visually-hidden" htmlFor={`${valueId}-field`}>
        Filter field
      </label>
      <select id={`${valueId}-field`} className="input" value={fieldName} onChange={(e) => pickField(e.target.value)}>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${valueId}-op`}>
        Filter operator
      </label>
      <select
        id={`${valueId}-op`}
        className="input"
        value={operator}
        onChange={(e) => {
          const op = e.target.value as UiOperator;
          if (takesList(op) !== takesList(operator) || Boolean(customFilterOf(current?.field, op)) !== Boolean(custom)) {
            setValue(takesList(op) ? [] : '');
            setValueText('');
          }
          setOperator(op);
        }}
      >
        {current?.operators.map((op) => (
          <option key={op} value={op}>
            {operatorLabel(op, current.field.type)}
          </option>
        ))}
      </select>
      {current && custom && (
        <CustomOperandInput key={`${fieldName}/${operator}`} id={`${valueId}-value`} filter={custom} value={value} onChange={setValue} />
      )}
      {current && !custom && takesValue(operator) && (
        <FilterValueInput
          key={`${fieldName}/${takesList(operator)}/${operator === 'ilike'}`}
          doc={doc}
          id={`${valueId}-value`}
          field={current.field}
          directory={current.directory}
          operator={operator}
          value={value}
          onChange={(v, text) => {
            setValue(v);
            setValueText(text ?? '');
          }}
        />
      )}
      <button type="submit" className="btn btn-primary" disabled={!ready}>
        Apply filter
      </button>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function describeCustom(filter: NonNullable<ReturnType<typeof customFilterOf>>, value: unknown): string {
  return filter.describe ? (filter.describe as (operand: unknown) => string)(value) : JSON.stringify(value);
}

function describe(field: FieldDefinition, value: unknown): string {
  const one = (v: unknown): string => {
    if (field.type === 'select' || field.type === 'multiSelect') return optionLabel(field.options, String(v));
    if (field.type === 'boolean') return v === true || v === 'true' ? 'Yes' : 'No';
    if (field.type === 'date') return formatDate(String(v));
    if (field.type === 'dateTime') return formatDateTime(String(v));
    return String(v);
  };
  if (Array.isArray(value)) return value.map(one).join(', ');
  return field.type === 'text' || field.type === 'longText' || field.type === 'email' || field.type === 'url' || field.type === 'phone'
    ? `“${String(value)}”`
    : one(value);
}

function FilterValueInput({
  doc,
  id,
  field,
  directory,
  operator,
  value,
  onChange,
}: {
  doc: MetadataDocument;
  id: string;
  field: FieldDefinition;
  directory?: 'user' | 'team';
  operator: UiOperator;
  value: unknown;
  onChange: (value: unknown, text?: string) => void;
}) {
  const [localDateTime, setLocalDateTime] = useState('');
  if (directory) return <DirectoryPicker id={id} kind={directory} value={String(value ?? '')} onChange={onChange} />;
  if (field.type === 'relation' && operator === 'eq') {
    return (
      <RelationPicker
        doc={doc}
        target={field.target ?? ''}
        ariaLabel="Filter value"
        fieldLabel="filter value"
        value={typeof value === 'string' ? value : null}
        label={undefined}
        onChange={(c) => onChange(c?.id ?? '', c?.label)}
      />
    );
  }
  if ((field.type === 'select' || field.type === 'multiSelect') && field.options) {
    if (takesList(operator)) {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="filter-options" aria-label="Filter value">
          {field.options.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <select id={id} className="input" aria-label="Filter value" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'boolean') {
    return (
      <select id={id} className="input" aria-label="Filter value" value={value === '' ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? '' : e.target.value === 'true')}>
        <option value="">Choose…</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (field.type === 'date') {
    return <input id={id} type="date" className="input" aria-label="Filter value" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
  if (field.type === 'dateTime') {
    return (
      <input
        id={id}
        type="datetime-local"
        className="input"
        aria-label="Filter value"
        value={localDateTime}
        onChange={(e) => {
          setLocalDateTime(e.target.value);
          onChange(localInputToIso(e.target.value) ?? '');
        }}
      />
    );
  }
  const numeric = ['integer', 'decimal', 'currency', 'percent', 'rating'].includes(field.type) && operator !== 'ilike';
  return (
    <input
      id={id}
      type={numeric && !takesList(operator) ? 'number' : 'text'}
      step="any"
      className="input"
      aria-label="Filter value"
      placeholder={takesList(operator) ? 'Values, comma-separated' : 'Value'}
      value={String(value ?? '')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A user (owner) or a team from the directory, "Me" first for owners. */
function DirectoryPicker({ id, kind, value, onChange }: { id: string; kind: 'user' | 'team'; value: string; onChange: (value: unknown, text?: string) => void }) {
  const directory = useDirectory();
  const { user } = useSession();
  const options = kind === 'user' ? (directory?.users ?? []).filter((u) => u.active || u.id === value) : (directory?.teams ?? []);
  return (
    <select
      id={id}
      className="input"
      aria-label="Filter value"
      value={value}
      onChange={(e) => {
        const chosen = e.target.value;
        const text = chosen === user.id ? 'me' : options.find((o) => o.id === chosen)?.name;
        onChange(chosen, text);
      }}
    >
      <option value="">{directory ? 'Choose…' : 'Loading…'}</option>
      {kind === 'user' && <option value={user.id}>Me ({user.name})</option>}
      {options
        .filter((o) => kind !== 'user' || o.id !== user.id)
        .map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
    </select>
  );
}
