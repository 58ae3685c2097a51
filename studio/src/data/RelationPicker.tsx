/**
 * Pickers for relation values: search the target entity's records by their display field (ilike),
 * show labels, store ids. ARIA 1.2 combobox with a listbox; arrows, Enter and Escape work.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import { recordsClient } from '../api/graphql-client.js';
import { buildListQuery, buildRecordQuery, displayFieldOf, recordLabel } from '../api/record-queries.js';
import { searchToFilter } from '../api/filters.js';
import { isSortableType } from '../lib/field-types.js';
import { useDebounced } from '../lib/use-async.js';

export interface Choice {
  id: string;
  label: string;
}

async function searchRecords(doc: MetadataDocument, target: string, text: string): Promise<Choice[]> {
  const entity = doc.entities[target];
  if (!entity) return [];
  const display = displayFieldOf(entity);
  const sortable = display && isSortableType(entity.fields[display]?.type ?? '');
  const op = buildListQuery(doc, target, {
    fields: display ? [display] : [],
    filter: searchToFilter(doc, target, text),
    orderBy: sortable ? [{ field: display!, direction: 'asc' }] : undefined,
    first: 20,
  });
  const data = await recordsClient.request<Record<string, { edges: { node: Record<string, unknown> }[] }>>(op.query, op.variables);
  return data[entity.plural].edges.map((e) => ({ id: String(e.node.id), label: recordLabel(doc, target, e.node) }));
}

/** Looks up the label of a record we only know by id (e.g. a prefilled relation). */
export async function fetchRecordLabel(doc: MetadataDocument, target: string, id: string): Promise<string | undefined> {
  const entity = doc.entities[target];
  if (!entity) return undefined;
  const display = displayFieldOf(entity);
  const op = buildRecordQuery(doc, target, display ? [display] : [], id);
  const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
  const node = data[target];
  return node ? recordLabel(doc, target, node) : undefined;
}

interface ComboProps {
  doc: MetadataDocument;
  target: string;
  id?: string;
  /** Accessible name when no <label for> points at the input. */
  ariaLabel?: string;
  placeholder?: string;
  /** Ids already chosen (hidden from the options of a multi picker). */
  exclude?: string[];
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  /** Text shown while the list is closed (the current value's label). */
  selectedLabel?: string;
  onPick: (choice: Choice) => void;
  onBlur?: () => void;
}

function RecordCombobox({ doc, target, id, ariaLabel, placeholder, exclude = [], invalid, describedBy, disabled, selectedLabel = '', onPick, onBlur }: ComboProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  // What the user typed since focusing; null shows the current value (and searches everything).
  const [typed, setTyped] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const query = useDebounced(typed ?? '', 200);
  const request = useRef(0);

  useEffect(() => {
    if (!open) return;
    const mine = ++request.current;
    setLoading(true);
    searchRecords(doc, target, query)
      .then((found) => {
        if (mine === request.current) {
          setChoices(found);
          setActive(0);
        }
      })
      .catch(() => mine === request.current && setChoices([]))
      .finally(() => mine === request.current && setLoading(false));
  }, [open, query, doc, target]);

  // Narrow the last results by what was typed at once, so Enter before the debounced search returns
  // never picks a record that does not match (the server search is the same case-insensitive "contains").
  const needle = (typed ?? '').trim().toLowerCase();
  const visible = choices.filter((c) => !exclude.includes(c.id) && c.label.toLowerCase().includes(needle));
  const pick = (choice: Choice) => {
    onPick(choice);
    setOpen(false);
    setTyped(null);
  };
  const targetLabel = doc.entities[target]?.pluralLabel.toLowerCase() ?? 'records';

  return (
    <div className="combo">
      <input
        id={id}
        className="input"
        role="combobox"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && visible[active] ? `${listId}-${visible[active].id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        disabled={disabled}
        placeholder={placeholder ?? `Search ${targetLabel}…`}
        value={typed ?? selectedLabel}
        onFocus={(e) => {
          // Keep the current value visible; selecting it lets typing replace it.
          e.target.select();
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => {
          window.setTimeout(() => {
            setOpen(false);
            setTyped(null);
          }, 120);
          onBlur?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(visible.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            if (visible[active]) pick(visible[active]);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
            setTyped(null);
          }
        }}
      />
      {open && (
        <ul className="combo-list" role="listbox" id={listId} aria-label={`Matching ${targetLabel}`}>
          {visible.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${c.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'combo-option active' : 'combo-option'}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(c)}
            >
              {c.label}
            </li>
          ))}
          {!loading && visible.length === 0 && <li className="combo-empty">No matching {targetLabel}</li>}
          {loading && visible.length === 0 && <li className="combo-empty">Searching…</li>}
        </ul>
      )}
    </div>
  );
}

interface SingleProps extends Omit<ComboProps, 'onPick' | 'selectedLabel' | 'exclude'> {
  value: string | null | undefined;
  label: string | undefined;
  onChange: (choice: Choice | null) => void;
  /** Name used in the clear button's label, e.g. "Company". */
  fieldLabel: string;
}

/** manyToOne: one record. */
export function RelationPicker({ value, label, onChange, fieldLabel, ...rest }: SingleProps) {
  const [fetched, setFetched] = useState<string | undefined>();
  useEffect(() => {
    if (value && !label) {
      let live = true;
      fetchRecordLabel(rest.doc, rest.target, value).then((l) => live && setFetched(l), () => {});
      return () => {
        live = false;
      };
    }
  }, [value, label, rest.doc, rest.target]);
  const shown = value ? label ?? fetched ?? '…' : '';
  return (
    <div className="relation-picker">
      <RecordCombobox {...rest} selectedLabel={shown} onPick={(c) => onChange(c)} />
      {value && !rest.disabled && (
        <button type="button" className="btn btn-icon btn-ghost combo-clear" aria-label={`Clear ${fieldLabel}`} onClick={() => onChange(null)}>
          ×
        </button>
      )}
    </div>
  );
}

interface MultiProps extends Omit<ComboProps, 'onPick' | 'selectedLabel' | 'exclude'> {
  value: string[];
  labels: Record<string, string>;
  onChange: (ids: string[], added?: Choice) => void;
  fieldLabel: string;
}

/** manyToMany: a set of records, shown as removable chips. */
export function MultiRelationPicker({ value, labels, onChange, fieldLabel, ...rest }: MultiProps) {
  return (
    <div className="multi-relation">
      {value.length > 0 && (
        <ul className="ref-chips" aria-label={`Selected ${fieldLabel}`}>
          {value.map((id) => (
            <li key={id} className="ref-chip">
              <a href={`#/data/${rest.target}/${id}`}>{labels[id] ?? id}</a>
              {!rest.disabled && (
                <button type="button" aria-label={`Remove ${labels[id] ?? id} from ${fieldLabel}`} onClick={() => onChange(value.filter((v) => v !== id))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <RecordCombobox {...rest} exclude={value} placeholder={`Add ${rest.doc.entities[rest.target]?.label.toLowerCase() ?? 'record'}…`} onPick={(c) => onChange([...value, c.id], c)} />
    </div>
  );
}
