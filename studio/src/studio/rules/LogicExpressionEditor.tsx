/**
 * One JSON Logic expression, edited either with the visual builder or as JSON (monaco, loaded on demand) —
 * the body both the rules' `LogicEditor` and the workflows' `WorkflowLogicEditor` render; they say what the
 * expression may read (the JSON Schema, whether `previous` is offered) and what is wrong with it.
 * The expression is the single source of truth: the builder writes it on every change; JSON text that parses
 * is written as-is. Visual → JSON always works; JSON → visual only when the builder can show the expression
 * without changing its meaning, otherwise a notice says so and the JSON stays.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { EntityDefinition, JsonLogic } from '@trellis/metadata';
import { useMetadata } from '../../app/metadata-context.js';
import { deepEqual } from '../../lib/stable.js';
import { Spinner } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { lineColumn, locatePointer } from './json-locate.js';
import type { LogicProblem } from './logic-context.js';
import { VisualBuilder } from './VisualBuilder.js';
import { emptyGroup, fromJsonLogic, toJsonLogic, type VisualGroup } from './visual-rule.js';

const LogicCodeEditor = lazy(() => import('./LogicCodeEditor.js'));

export interface LogicExpressionEditorProps {
  /** The entity the visual builder builds over; without one the expression is edited as JSON only. */
  entity: EntityDefinition | undefined;
  /** Whether the builder offers `previous` and "changed". */
  previous?: boolean;
  /** The JSON Schema that completes the JSON side. */
  schema: Record<string, unknown>;
  /** The expression's problems, paths relative to it. */
  problems: LogicProblem[];
  value: JsonLogic | undefined;
  onChange: (value: JsonLogic | undefined) => void;
  /** Names the editor ("Invalid when", "Visible when"). */
  label: string;
  hint?: string;
  /** The notice when the builder cannot show the expression ("This rule is too complex …; edit it as JSON."). */
  tooComplex: string;
  /** Whether a listed problem names its line in the JSON text (default: yes). */
  problemLines?: boolean;
  /** Told whether the JSON text currently parses (a caller may refuse to save while it does not). */
  onTextValidity?: (valid: boolean) => void;
  height?: number;
}

const pretty = (value: JsonLogic | undefined) => (value === undefined ? '' : JSON.stringify(value, null, 2));

export function LogicExpressionEditor(props: LogicExpressionEditorProps) {
  const { entity: def, previous = false, schema, problems, value, onChange, label, hint, tooComplex, problemLines = true, onTextValidity, height } = props;
  const { doc: published } = useMetadata();
  const options = useMemo(() => ({ previous }), [previous]);
  const parsed = useMemo(() => (def ? fromJsonLogic(value, def, options) : null), [value, def, options]);
  const [mode, setMode] = useState<'visual' | 'json'>(() => (parsed?.ok ? 'visual' : 'json'));
  const [notice, setNotice] = useState<string | null>(null);

  // Visual state: kept while it produces the current value, so half-typed rows survive re-renders.
  const [group, setGroup] = useState<VisualGroup>(() => (parsed?.ok ? parsed.group : emptyGroup()));
  const emitted = useRef<JsonLogic | undefined>(value);
  // JSON state.
  const [text, setText] = useState(() => pretty(value));
  const [parseError, setParseError] = useState<string | null>(null);

  // Follow outside changes (undo, the other mode, a reset, a renamed step key) without clobbering local edits.
  useEffect(() => {
    if (deepEqual(value, emitted.current)) return;
    emitted.current = value;
    setText(pretty(value));
    setParseError(null);
    if (parsed?.ok) setGroup(parsed.group);
    else if (mode === 'visual') setMode('json');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => onTextValidity?.(parseError === null), [parseError, onTextValidity]);

  const emit = (next: JsonLogic | undefined) => {
    emitted.current = next;
    onChange(next);
  };

  const toVisual = () => {
    if (parseError) {
      setNotice('Fix the JSON first: it does not parse.');
      return;
    }
    const result = def ? fromJsonLogic(value, def, options) : null;
    if (!result?.ok) {
      setNotice(`${tooComplex}${result ? ` (${result.reason})` : ''}`);
      return;
    }
    setGroup(result.group);
    setNotice(null);
    setMode('visual');
  };
  const toJson = () => {
    setText(pretty(value));
    setParseError(null);
    setNotice(null);
    setMode('json');
  };

  return (
    <div className="logic-editor" role="group" aria-label={label}>
      <div className="logic-editor-head">
        <span className="field-label logic-editor-label">{label}</span>
        {def && (
          <div className="segmented" role="group" aria-label={`${label}: editor`}>
            <button type="button" className={mode === 'visual' ? 'segment active' : 'segment'} aria-pressed={mode === 'visual'} onClick={toVisual}>
              Visual builder
            </button>
            <button type="button" className={mode === 'json' ? 'segment active' : 'segment'} aria-pressed={mode === 'json'} onClick={toJson}>
              JSON
            </button>
          </div>
        )}
      </div>
      {hint && <p className="field-help">{hint}</p>}
      {notice && (
        <p className="banner banner-warning logic-notice" role="status">
          <Icon name="info" /> {notice}
        </p>
      )}
      {mode === 'visual' && def ? (
        <VisualBuilder
          entity={def}
          group={group}
          options={options}
          published={published}
          label={label}
          onChange={(g) => {
            setGroup(g);
            emit(toJsonLogic(g, def));
          }}
        />
      ) : (
        <Suspense fallback={<Spinner label="Loading the JSON editor" />}>
          <LogicCodeEditor
            text={text}
            label={`${label} (JSON Logic)`}
            schema={schema}
            problems={problems}
            height={height}
            onChange={(t) => {
              setText(t);
              if (t.trim() === '') {
                setParseError(null);
                emit(undefined);
                return;
              }
              try {
                const next = JSON.parse(t) as JsonLogic;
                setParseError(null);
                if (!deepEqual(next, emitted.current)) emit(next);
              } catch (e) {
                setParseError((e as Error).message);
              }
            }}
          />
        </Suspense>
      )}
      {parseError && mode === 'json' && (
        <p className="field-error" role="alert">
          Not valid JSON: {parseError}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="logic-problems" aria-label={`Problems in ${label.toLowerCase()}`}>
          {problems.map((p, i) => (
            <li key={i} className="field-error">
              <Icon name="warning" size={13} /> {problemLines && mode === 'json' && p.path && <LineOf text={text} pointer={p.path} />}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Line 3:" for a problem's place in the JSON text (when the text is the parsed value). */
function LineOf({ text, pointer }: { text: string; pointer: string }) {
  const range = locatePointer(text, pointer);
  return range ? <span className="logic-problem-line">Line {lineColumn(text, range.start).line}: </span> : null;
}
