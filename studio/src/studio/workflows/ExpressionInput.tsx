/**
 * One expression setting, compact: a plain value (typed after the field it is written to, when known), a field
 * or earlier output picked from what this step can read (record, previous, user, trigger, `steps.<key>.…`), or a
 * formula in the rules' JSON editor with the same completion.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FieldDefinition, JsonLogic } from '@trellis/metadata';
import { deepEqual } from '../../lib/stable.js';
import { Spinner } from '../../ui/Feedback.js';
import { expressionMode, readPath, type ExpressionMode } from './expression-mode.js';
import { LiteralInput, UserSelect } from './LiteralInput.js';
import { PathSelect } from './PathSelect.js';
import { pathLabel, workflowLogicSchema, type VarPath } from './workflow-context.js';

const LogicCodeEditor = lazy(() => import('../rules/LogicCodeEditor.js'));

const MODES: { id: ExpressionMode; label: string }[] = [
  { id: 'value', label: 'Value' },
  { id: 'field', label: 'Field' },
  { id: 'formula', label: 'Formula' },
];

export interface ExpressionInputProps {
  label: string;
  hint?: string;
  value: JsonLogic | undefined;
  onChange: (value: JsonLogic | undefined) => void;
  paths: VarPath[];
  /** The field the value is written to: the plain value gets that field's input. */
  field?: FieldDefinition;
  errors?: string[];
  /** Shown instead of the visible label (the values editor puts the field picker there); the label stays for assistive tech. */
  head?: ReactNode;
  /** The value is a user id: the plain value is picked among the users. */
  user?: boolean;
}

export function ExpressionInput({ label, hint, value, onChange, paths, field, errors = [], head, user }: ExpressionInputProps) {
  const id = useId();
  const [mode, setMode] = useState<ExpressionMode>(() => expressionMode(value));
  // Follow outside changes (undo) that need another mode.
  const last = useRef(value);
  useEffect(() => {
    if (deepEqual(value, last.current)) return;
    last.current = value;
    const wanted = expressionMode(value);
    if (wanted === 'formula' || (wanted === 'field' && mode === 'value')) setMode(wanted);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const emit = (next: JsonLogic | undefined) => {
    last.current = next;
    onChange(next);
  };

  return (
    <div className={errors.length ? 'field invalid expression-input' : 'field expression-input'} role="group" aria-labelledby={`${id}-label`}>
      <div className="expression-head">
        <span id={`${id}-label`} className={head ? 'visually-hidden' : 'field-label'}>
          {label}
        </span>
        {head}
        <div className="segmented segmented-small" role="group" aria-label={`${label}: kind`}>
          {MODES.map((m) => (
            <button key={m.id} type="button" className={mode === m.id ? 'segment active' : 'segment'} aria-pressed={mode === m.id} onClick={() => setMode(m.id)}>
              {m.label}
            </button>
          ))}
        </div>
      </div>
      {mode === 'value' &&
        (user ? (
          <UserSelect label={label} value={typeof value === 'string' ? value : undefined} onChange={emit} />
        ) : (
          <LiteralInput label={label} value={expressionMode(value) === 'value' ? value : undefined} field={field} onChange={emit} />
        ))}
      {mode === 'field' && <PathSelect label={label} paths={paths} value={readPath(value)} onChange={(p) => emit(p ? { var: p } : undefined)} />}
      {mode !== expressionMode(value) && value !== undefined && value !== null && mode !== 'formula' && (
        <p className="field-help">Still {currentText(value, paths)} until you choose.</p>
      )}
      {mode === 'formula' && <FormulaInput label={label} value={value} paths={paths} onChange={emit} />}
      {hint && <p className="field-help">{hint}</p>}
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}

/** What the setting holds now, in words ("the value “won”", "the field Close date", "a formula"). */
function currentText(value: JsonLogic | undefined, paths: VarPath[]): string {
  const mode = expressionMode(value);
  if (mode === 'value') return `the value ${JSON.stringify(value)}`;
  if (mode === 'field') return `the field ${pathLabel(paths, readPath(value)!)}`;
  return 'a formula';
}

function FormulaInput({ label, value, paths, onChange }: { label: string; value: JsonLogic | undefined; paths: VarPath[]; onChange: (v: JsonLogic | undefined) => void }) {
  const schema = useMemo(() => workflowLogicSchema(paths), [paths]);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string | null>(null);
  const emitted = useRef(value);
  useEffect(() => {
    if (deepEqual(value, emitted.current)) return;
    emitted.current = value;
    setText(value === undefined ? '' : JSON.stringify(value, null, 2));
    setError(null);
  }, [value]);
  return (
    <>
      <Suspense fallback={<Spinner label="Loading the JSON editor" />}>
        <LogicCodeEditor
          text={text}
          label={`${label} (JSON Logic)`}
          schema={schema}
          problems={[]}
          height={64}
          onChange={(t) => {
            setText(t);
            if (t.trim() === '') {
              setError(null);
              emitted.current = undefined;
              onChange(undefined);
              return;
            }
            try {
              const next = JSON.parse(t) as JsonLogic;
              setError(null);
              emitted.current = next;
              onChange(next);
            } catch (e) {
              setError((e as Error).message);
            }
          }}
        />
      </Suspense>
      {error && (
        <p className="field-error" role="alert">
          Not valid JSON: {error}
        </p>
      )}
    </>
  );
}
