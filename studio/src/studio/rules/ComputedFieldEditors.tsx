/**
 * The field editor's parts for computed fields.
 * - Formula: result type, the expression (JSON Logic in the rule editor's JSON mode, or composed with a simple
 *   "A op B" builder), and a live preview value against a chosen record.
 * - Roll-up: the toMany relation, the aggregate, the related entity's field, an optional filter (the rule
 *   editor over the related record), and a live preview (see computed-preview.ts for how and its limits).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { FORMULA_RESULT_TYPES, ROLLUP_AGGREGATES, type FieldDefinition, type JsonLogic, type LogicType, type MetadataDocument } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { useMetadata } from '../../app/metadata-context.js';
import { RelationPicker } from '../../data/RelationPicker.js';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format.js';
import { SelectField } from '../inputs.js';
import { LogicEditor } from './LogicEditor.js';
import { fetchRelated, formulaExpansions, previewFormula, previewRollup, withField, type Preview } from './computed-preview.js';
import type { RuleSample } from './rule-test.js';
import { SamplePicker } from './SamplePicker.js';
import { valueKindOf } from './visual-rule.js';

interface Props {
  entityName: string;
  /** The field's name as typed in the editor (the preview evaluates the field under this name). */
  name: string;
  def: FieldDefinition;
  patch: (p: Partial<FieldDefinition>) => void;
  show: (key: string) => string[] | undefined;
}

const RESULT_LABELS: Record<string, string> = {
  text: 'Text',
  integer: 'Whole number',
  decimal: 'Decimal number',
  percent: 'Percent',
  boolean: 'Yes / no',
  date: 'Date',
  dateTime: 'Date and time',
};
const RESULT_LOGIC: Record<string, LogicType> = { text: 'string', integer: 'number', decimal: 'number', percent: 'number', boolean: 'boolean', date: 'date', dateTime: 'dateTime' };
const AGGREGATE_LABELS: Record<string, string> = { count: 'Count of records', sum: 'Sum', min: 'Minimum', max: 'Maximum', avg: 'Average' };

export function ComputedFieldEditors(props: Props) {
  if (props.def.type === 'formula') return <FormulaEditor {...props} />;
  if (props.def.type === 'rollup') return <RollupEditor {...props} />;
  return null;
}

function Errors({ messages }: { messages?: string[] }) {
  return <>{messages?.map((m, i) => <p key={i} className="field-error">{m}</p>)}</>;
}

/** A computed value as the list shows it (numbers grouped, dates in words). */
function formatPreview(value: unknown, resultType: string | undefined): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return resultType === 'percent' ? formatPercent(value) : formatNumber(value);
  if (typeof value === 'string') return resultType === 'date' ? formatDate(value) : resultType === 'dateTime' ? formatDateTime(value) : value;
  return JSON.stringify(value);
}

function PreviewText({ preview, resultType }: { preview: Preview | null; resultType?: string }) {
  return (
    <div className="test-result" role="status" aria-live="polite" aria-label="Preview value">
      {!preview && <p className="muted small">Choose a record to see the value.</p>}
      {preview?.status === 'value' && (
        <p>
          Preview value: <span className="preview-value">{formatPreview(preview.value, resultType)}</span>
          {preview.note && <span className="muted small"> — {preview.note}</span>}
        </p>
      )}
      {preview?.status === 'error' && <p className="field-error">{preview.message}</p>}
      {preview?.status === 'unavailable' && <p className="muted">{preview.message}</p>}
    </div>
  );
}

function FormulaEditor({ entityName, name, def, patch, show }: Props) {
  const { draft } = useDraft();
  const { doc: published } = useMetadata();
  const [sample, setSample] = useState<RuleSample | null>(null);
  const [related, setRelated] = useState<Record<string, Record<string, unknown> | null>>({});
  const fieldName = name || 'newFormula';
  const candidate = useMemo(() => withField(draft, entityName, fieldName, def), [draft, entityName, fieldName, def]);
  const expansions = useMemo(() => formulaExpansions(candidate, entityName, fieldName), [candidate, entityName, fieldName]);
  const relatedIds = expansions.map((x) => `${x.relation}=${String(sample?.record[x.relation] ?? '')}`).join('&');

  useEffect(() => {
    let live = true;
    Promise.all(
      expansions.map(async ({ relation, target }) => {
        const id = sample?.record[relation];
        return [relation, typeof id === 'string' && id ? await fetchRelated(published, target, id).catch(() => null) : null] as const;
      }),
    ).then((pairs) => live && setRelated(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [relatedIds, published]);

  const preview = useMemo(
    () => (sample && def.expression !== undefined ? previewFormula(candidate, entityName, fieldName, sample.record, related) : null),
    [sample, candidate, entityName, fieldName, related, def.expression],
  );

  return (
    <fieldset className="computed-props stack">
      <legend className="field-label">Formula</legend>
      <SelectField label="Result type" value={def.resultType ?? ''} errors={show('resultType')} onChange={(v) => patch({ resultType: (v || undefined) as FieldDefinition['resultType'] })}>
        <option value="">Choose…</option>
        {Object.keys(FORMULA_RESULT_TYPES).map((t) => (
          <option key={t} value={t}>
            {RESULT_LABELS[t] ?? t}
          </option>
        ))}
      </SelectField>
      <SimpleExpressionBuilder doc={draft} entityName={entityName} onUse={(expression) => patch({ expression })} />
      <LogicEditor
        doc={draft}
        entity={entityName}
        context="formula"
        label="Expression"
        hint='JSON Logic over the record, e.g. {"*": [{"var": "record.amount.amount"}, {"/": [{"var": "record.probability"}, 100]}]}; related records as record.company.employees.'
        visual={false}
        expected={def.resultType ? RESULT_LOGIC[def.resultType] : undefined}
        value={def.expression}
        onChange={(expression) => patch({ expression })}
      />
      {def.expression === undefined && <Errors messages={show('expression')} />}
      <section className="test-panel stack" aria-label="Formula preview">
        <h3 className="card-title">Live preview</h3>
        <SamplePicker
          doc={draft}
          entity={entityName}
          withPrevious={false}
          recordLabel="Preview with record"
          help="Pick an existing record, then change its values below to see what the formula gives."
          onSample={setSample}
        />
        <PreviewText preview={preview} resultType={def.resultType} />
      </section>
    </fieldset>
  );
}

/** "A op B" for the common formulas: arithmetic on numbers, days between dates, text joined. */
function SimpleExpressionBuilder({ doc, entityName, onUse }: { doc: MetadataDocument; entityName: string; onUse: (expr: JsonLogic) => void }) {
  const id = useId();
  const entity = doc.entities[entityName];
  const operands = Object.entries(entity.fields).filter(([, f]) => ['number', 'date', 'text', 'select'].includes(valueKindOf(f) ?? ''));
  const [a, setA] = useState(operands[0]?.[0] ?? '');
  const [op, setOp] = useState('*');
  const [b, setB] = useState('');
  const [constant, setConstant] = useState('1');
  const path = (field: string) => ({ var: entity.fields[field]?.type === 'currency' ? `record.${field}.amount` : `record.${field}` });
  const operandB = (): unknown => (b ? path(b) : op === 'cat' ? constant : Number(constant));
  const build = (): JsonLogic => (op === 'daysBetween' ? { daysBetween: [path(a), operandB()] } : { [op]: [path(a), operandB()] });

  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        Simple expression
      </span>
      <div className="rule-row" role="group" aria-labelledby={`${id}-label`}>
        <select className="input" aria-label="First value" value={a} onChange={(e) => setA(e.target.value)}>
          {operands.map(([n, f]) => (
            <option key={n} value={n}>
              {f.label}
            </option>
          ))}
        </select>
        <select className="input" aria-label="Operation" value={op} onChange={(e) => setOp(e.target.value)}>
          <option value="+">plus</option>
          <option value="-">minus</option>
          <option value="*">times</option>
          <option value="/">divided by</option>
          <option value="daysBetween">days until</option>
          <option value="cat">joined with</option>
        </select>
        <div className="stack-tight">
          <select className="input" aria-label="Second value" value={b} onChange={(e) => setB(e.target.value)}>
            <option value="">A constant…</option>
            {operands.map(([n, f]) => (
              <option key={n} value={n}>
                {f.label}
              </option>
            ))}
          </select>
          {!b && <input className="input" aria-label="Constant" value={constant} onChange={(e) => setConstant(e.target.value)} />}
        </div>
        <button type="button" className="btn btn-small" onClick={() => onUse(build())}>
          Use
        </button>
      </div>
      <p className="field-help">Writes the expression below; edit it there for anything more.</p>
    </div>
  );
}

function RollupEditor({ entityName, def, patch, show }: Props) {
  const { draft } = useDraft();
  const { doc: published } = useMetadata();
  const entity = draft.entities[entityName];
  const relations = Object.entries(entity.fields).filter(([, f]) => f.type === 'relation' && (f.cardinality === 'oneToMany' || f.cardinality === 'manyToMany'));
  const target = def.relation ? entity.fields[def.relation]?.target : undefined;
  const targetEntity = target ? draft.entities[target] : undefined;
  const aggregatable = Object.entries(targetEntity?.fields ?? {}).filter(([, f]) => {
    const kind = valueKindOf(f);
    return def.aggregate === 'min' || def.aggregate === 'max' ? kind === 'number' || kind === 'date' || kind === 'dateTime' : kind === 'number';
  });
  const [recordId, setRecordId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  const pickField = (field: string) => {
    const kind = field ? valueKindOf(targetEntity!.fields[field]) : undefined;
    const resultType = def.aggregate === 'min' || def.aggregate === 'max' ? (kind === 'date' || kind === 'dateTime' ? kind : undefined) : undefined;
    patch({ aggregateField: field || undefined, resultType });
  };

  useEffect(() => {
    if (!recordId || !def.relation || !def.aggregate) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = window.setTimeout(() => {
      previewRollup(draft, published, entityName, def, recordId).then(
        (p) => live && setPreview(p),
        (e: Error) => live && setPreview({ status: 'error', message: e.message }),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [recordId, def, draft, published, entityName]);

  return (
    <fieldset className="computed-props stack">
      <legend className="field-label">Roll-up</legend>
      <div className="grid-2">
        <SelectField label="Related records" value={def.relation ?? ''} errors={show('relation')} onChange={(v) => patch({ relation: v || undefined, aggregateField: undefined, filter: undefined })}>
          <option value="">Choose a relation…</option>
          {relations.map(([n, f]) => (
            <option key={n} value={n}>
              {f.label}
              {draft.entities[f.target ?? '']?.pluralLabel !== f.label ? ` (${draft.entities[f.target ?? '']?.pluralLabel ?? f.target})` : ''}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Aggregate"
          value={def.aggregate ?? ''}
          errors={show('aggregate')}
          onChange={(v) => patch({ aggregate: (v || undefined) as FieldDefinition['aggregate'], aggregateField: v === 'count' ? undefined : def.aggregateField, resultType: undefined })}
        >
          <option value="">Choose…</option>
          {ROLLUP_AGGREGATES.map((a) => (
            <option key={a} value={a}>
              {AGGREGATE_LABELS[a] ?? a}
            </option>
          ))}
        </SelectField>
      </div>
      {relations.length === 0 && <p className="muted small">This entity has no one-to-many or many-to-many relation to roll up.</p>}
      {def.aggregate && def.aggregate !== 'count' && (
        <SelectField label={`Field of ${targetEntity?.label.toLowerCase() ?? 'the related record'}`} value={def.aggregateField ?? ''} errors={show('aggregateField')} onChange={pickField}>
          <option value="">Choose a field…</option>
          {aggregatable.map(([n, f]) => (
            <option key={n} value={n}>
              {f.label}
            </option>
          ))}
        </SelectField>
      )}
      {target && targetEntity && (
        <LogicEditor
          doc={draft}
          entity={target}
          context="rollupFilter"
          label={`Only ${targetEntity.pluralLabel.toLowerCase()} where`}
          hint="Optional: leave empty to aggregate every related record."
          value={def.filter}
          onChange={(filter) => patch({ filter })}
        />
      )}
      <section className="test-panel stack" aria-label="Roll-up preview">
        <h3 className="card-title">Live preview</h3>
        {published.entities[entityName] ? (
          <div className="field">
            <label className="field-label" htmlFor="rollup-preview-record">
              Preview with record
            </label>
            <RelationPicker doc={published} target={entityName} id="rollup-preview-record" fieldLabel="preview record" value={recordId} label={undefined} onChange={(c) => setRecordId(c?.id ?? null)} />
          </div>
        ) : (
          <p className="muted small">This entity is not published yet: the value is computed after publish.</p>
        )}
        <PreviewText preview={preview} resultType={def.resultType} />
      </section>
    </fieldset>
  );
}
