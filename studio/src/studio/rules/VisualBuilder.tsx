/**
 * The visual rule builder: rows of field / operator / value, combined with "all" (and) or "any" (or), with
 * groups nested one level. Every control has a visible or ARIA label naming its row ("Condition 2 operator").
 */
import { useId, useRef, useState } from 'react';
import type { EntityDefinition, FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { RelationPicker } from '../../data/RelationPicker.js';
import { isoToLocalInput, localInputToIso } from '../../lib/format.js';
import { Icon } from '../../ui/Icon.js';
import {
  builderFields,
  defaultValue,
  newCondition,
  operatorLabel,
  operatorsFor,
  takesList,
  takesValue,
  valueKindOf,
  type BuilderOptions,
  type VisualCondition,
  type VisualGroup,
  type VisualItem,
  type VisualOperator,
} from './visual-rule.js';

interface Props {
  entity: EntityDefinition;
  group: VisualGroup;
  onChange: (group: VisualGroup) => void;
  options: BuilderOptions;
  /** The published document: relation values are picked among existing records. */
  published: MetadataDocument;
  /** Prefix of the accessible names, e.g. "Invalid when". */
  label: string;
}

export function VisualBuilder({ entity, group, onChange, options, published, label }: Props) {
  const fields = builderFields(entity, options);
  if (fields.length === 0) return <p className="muted small">This entity has no fields the builder can test; use JSON.</p>;
  return (
    <GroupEditor
      entity={entity}
      group={group}
      onChange={onChange}
      options={options}
      published={published}
      name={label}
      depth={0}
    />
  );
}

function GroupEditor({
  entity,
  group,
  onChange,
  options,
  published,
  name,
  depth,
  onRemove,
}: {
  entity: EntityDefinition;
  group: VisualGroup;
  onChange: (group: VisualGroup) => void;
  options: BuilderOptions;
  published: MetadataDocument;
  name: string;
  depth: number;
  onRemove?: () => void;
}) {
  const setItem = (i: number, item: VisualItem) => onChange({ ...group, items: group.items.map((x, j) => (j === i ? item : x)) });
  const removeItem = (i: number) => onChange({ ...group, items: group.items.filter((_, j) => j !== i) });
  const rows = useRef<HTMLOListElement>(null);
  const add = (item: VisualItem | null) => {
    if (!item) return;
    onChange({ ...group, items: [...group.items, item] });
    // Keyboard users continue in the new row (its field picker).
    window.setTimeout(() => rows.current?.querySelector<HTMLElement>(':scope > li:last-child select')?.focus(), 0);
  };
  const condition = () => newCondition(entity, options);
  let conditionNo = 0;
  let groupNo = 0;
  const matchId = useId();

  return (
    <div className={depth === 0 ? 'rule-group' : 'rule-group nested'} role="group" aria-label={depth === 0 ? `${name} conditions` : name}>
      {(depth > 0 || group.items.length > 1) && (
        <div className="rule-group-head">
          <label htmlFor={matchId} className="inline-label">
            {depth === 0 ? 'Match' : 'Group matches'}
          </label>
          <select
            id={matchId}
            className="input input-narrow"
            aria-label={depth === 0 ? `${name}: match` : `${name} matches`}
            value={group.combinator}
            onChange={(e) => onChange({ ...group, combinator: e.target.value as 'all' | 'any' })}
          >
            <option value="all">all (and)</option>
            <option value="any">any (or)</option>
          </select>
          <span className="muted small">of these conditions</span>
          {onRemove && (
            <button type="button" className="btn btn-ghost btn-small" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
              <Icon name="trash" /> Remove group
            </button>
          )}
        </div>
      )}
      {group.items.length === 0 && <p className="muted small rule-empty">No conditions yet.</p>}
      <ol className="rule-rows" ref={rows} hidden={group.items.length === 0}>
        {group.items.map((item, i) => {
          if (item.kind === 'group') {
            groupNo++;
            return (
              <li key={i} className="rule-row-group">
                <GroupEditor
                  entity={entity}
                  group={item}
                  onChange={(g) => setItem(i, g)}
                  options={options}
                  published={published}
                  name={`Group ${groupNo}`}
                  depth={depth + 1}
                  onRemove={() => removeItem(i)}
                />
              </li>
            );
          }
          conditionNo++;
          return (
            <li key={i}>
              <ConditionRow
                entity={entity}
                condition={item}
                onChange={(c) => setItem(i, c)}
                onRemove={() => removeItem(i)}
                options={options}
                published={published}
                name={depth === 0 ? `Condition ${conditionNo}` : `${name} condition ${conditionNo}`}
              />
            </li>
          );
        })}
      </ol>
      <div className="rule-group-actions">
        <button type="button" className="btn btn-small" onClick={() => add(condition())}>
          <Icon name="plus" /> {depth === 0 ? 'Add condition' : 'Add condition to group'}
        </button>
        {depth === 0 && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              const c = condition();
              if (c) add({ kind: 'group', combinator: group.combinator === 'all' ? 'any' : 'all', items: [c] });
            }}
          >
            <Icon name="plus" /> Add group
          </button>
        )}
      </div>
    </div>
  );
}

function ConditionRow({
  entity,
  condition,
  onChange,
  onRemove,
  options,
  published,
  name,
}: {
  entity: EntityDefinition;
  condition: VisualCondition;
  onChange: (c: VisualCondition) => void;
  onRemove: () => void;
  options: BuilderOptions;
  published: MetadataDocument;
  name: string;
}) {
  const fields = builderFields(entity, options);
  const def = entity.fields[condition.field];
  const operators = def ? operatorsFor(def, options) : [];
  const kind = def ? valueKindOf(def) : undefined;
  const subject = `${condition.root}:${condition.field}`;

  const pickSubject = (value: string) => {
    const [root, field] = value.split(':') as ['record' | 'previous', string];
    const nextDef = entity.fields[field];
    const ops = operatorsFor(nextDef, options);
    const sameKind = valueKindOf(nextDef) === kind;
    const operator = sameKind && ops.includes(condition.operator) ? condition.operator : ops[0];
    onChange({
      kind: 'condition',
      root,
      field,
      operator,
      ...(takesValue(operator) ? { value: sameKind && field === condition.field ? condition.value : defaultValue(nextDef, operator) } : {}),
    });
  };
  const pickOperator = (operator: VisualOperator) => {
    const keep = takesValue(operator) && takesValue(condition.operator) && takesList(operator) === takesList(condition.operator);
    const next: VisualCondition = { kind: 'condition', root: operator === 'changed' ? 'record' : condition.root, field: condition.field, operator };
    if (takesValue(operator)) next.value = keep ? condition.value : defaultValue(def, operator);
    onChange(next);
  };

  return (
    <div className="rule-row">
      <select className="input" aria-label={`${name} field`} value={subject} onChange={(e) => pickSubject(e.target.value)}>
        {!def && <option value={subject}>{condition.field} (no such field)</option>}
        <optgroup label="Value now">
          {fields.map(([n, f]) => (
            <option key={n} value={`record:${n}`}>
              {f.label}
            </option>
          ))}
        </optgroup>
        {options.previous && (
          <optgroup label="Value before the change">
            {fields.map(([n, f]) => (
              <option key={n} value={`previous:${n}`}>
                {f.label} (before the change)
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <select className="input" aria-label={`${name} operator`} value={condition.operator} onChange={(e) => pickOperator(e.target.value as VisualOperator)}>
        {operators.map((op) => (
          <option key={op} value={op}>
            {operatorLabel(op, kind)}
          </option>
        ))}
      </select>
      {def && takesValue(condition.operator) ? (
        <ValueInput field={def} operator={condition.operator} value={condition.value} onChange={(value) => onChange({ ...condition, value })} label={`${name} value`} published={published} />
      ) : (
        <span className="rule-row-novalue" />
      )}
      <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove ${name.toLowerCase()}`} title="Remove condition" onClick={onRemove}>
        <Icon name="x" />
      </button>
    </div>
  );
}

function ValueInput({
  field,
  operator,
  value,
  onChange,
  label,
  published,
}: {
  field: FieldDefinition;
  operator: VisualOperator;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  published: MetadataDocument;
}) {
  const kind = valueKindOf(field);
  const list = takesList(operator);
  if ((kind === 'select' || kind === 'multiSelect') && field.options?.length) {
    if (list) {
      const chosen = Array.isArray(value) ? (value as unknown[]) : [];
      return (
        <fieldset className="rule-values" aria-label={label}>
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
      <select className="input" aria-label={label} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        {!field.options.some((o) => o.value === value) && <option value={String(value ?? '')}>{value === '' || value == null ? 'Choose…' : String(value)}</option>}
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (list) return <ListText label={label} value={value} onChange={onChange} numeric={kind === 'number'} />;
  switch (kind) {
    case 'boolean':
      return (
        <select className="input" aria-label={label} value={String(value === true)} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
    case 'number':
      return (
        <input
          className="input"
          type="number"
          step="any"
          aria-label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
    case 'date':
      return <input className="input" type="date" aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
    case 'dateTime':
      return (
        <input
          className="input"
          type="datetime-local"
          aria-label={label}
          value={typeof value === 'string' ? isoToLocalInput(value) : ''}
          onChange={(e) => onChange(localInputToIso(e.target.value) ?? '')}
        />
      );
    case 'reference':
      if (published.entities[field.target ?? '']) {
        return (
          <div className="rule-row-picker">
            <RelationPicker
              doc={published}
              target={field.target ?? ''}
              ariaLabel={label}
              fieldLabel={label}
              value={typeof value === 'string' && value ? value : null}
              label={undefined}
              onChange={(c) => onChange(c?.id ?? '')}
            />
          </div>
        );
      }
      return <input className="input mono" aria-label={label} placeholder="Record id" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input className="input" type="text" aria-label={label} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** A list of values typed comma-separated; keeps what is typed while the list follows. */
function ListText({ label, value, onChange, numeric }: { label: string; value: unknown; onChange: (v: unknown[]) => void; numeric: boolean }) {
  const [text, setText] = useState(Array.isArray(value) ? value.join(', ') : '');
  return (
    <input
      className="input"
      aria-label={label}
      placeholder="Values, comma-separated"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parts = e.target.value.split(',').map((s) => s.trim()).filter(Boolean);
        onChange(numeric ? parts.map(Number).filter((n) => !Number.isNaN(n)) : parts);
      }}
    />
  );
}
