/**
 * A JSON Logic condition of a workflow (an "if" step, a condition without a record), edited with the rules'
 * visual builder when it can show it, or as JSON in the rules' monaco editor completing the workflow context:
 * record fields, `previous`, `user`, `trigger.payload` and the outputs of earlier steps (`steps.<key>.…`).
 * Problems come from the draft's check of this place (the same check publish runs).
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { JsonLogic, MetadataDocument } from '@trellis/metadata';
import { useMetadata } from '../../app/metadata-context.js';
import { deepEqual } from '../../lib/stable.js';
import { Spinner } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import type { LogicProblem } from '../rules/logic-context.js';
import { VisualBuilder } from '../rules/VisualBuilder.js';
import { emptyGroup, fromJsonLogic, toJsonLogic, type VisualGroup } from '../rules/visual-rule.js';
import { workflowLogicSchema, type VarPath } from './workflow-context.js';

const LogicCodeEditor = lazy(() => import('../rules/LogicCodeEditor.js'));

const pretty = (value: JsonLogic | undefined) => (value === undefined ? '' : JSON.stringify(value, null, 2));

export interface WorkflowLogicEditorProps {
  doc: MetadataDocument;
  /** The entity `record` is (the builder is offered only with one). */
  entity: string | undefined;
  /** What the expression can read here (completion). */
  paths: VarPath[];
  value: JsonLogic | undefined;
  onChange: (value: JsonLogic | undefined) => void;
  label: string;
  hint?: string;
  /** Problems of this expression, paths relative to it. */
  problems: LogicProblem[];
  /** Whether `previous` and "changed" are offered in the builder. */
  previous?: boolean;
  height?: number;
}

export function WorkflowLogicEditor({ doc, entity, paths, value, onChange, label, hint, problems, previous = false, height }: WorkflowLogicEditorProps) {
  const { doc: published } = useMetadata();
  const def = entity ? doc.entities[entity] : undefined;
  const options = useMemo(() => ({ previous }), [previous]);
  const parsed = useMemo(() => (def ? fromJsonLogic(value, def, options) : null), [value, def, options]);
  const [mode, setMode] = useState<'visual' | 'json'>(() => (def && (value === undefined || parsed?.ok) ? 'visual' : 'json'));
  const [notice, setNotice] = useState<string | null>(null);
  const [group, setGroup] = useState<VisualGroup>(() => (parsed?.ok ? parsed.group : emptyGroup()));
  const emitted = useRef<JsonLogic | undefined>(value);
  const [text, setText] = useState(() => pretty(value));
  const [parseError, setParseError] = useState<string | null>(null);
  const schema = useMemo(() => workflowLogicSchema(paths), [paths]);

  // Follow outside changes (undo, a rename of a step key) without clobbering local edits.
  useEffect(() => {
    if (deepEqual(value, emitted.current)) return;
    emitted.current = value;
    setText(pretty(value));
    setParseError(null);
    if (parsed?.ok) setGroup(parsed.group);
    else if (mode === 'visual') setMode('json');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const emit = (next: JsonLogic | undefined) => {
    emitted.current = next;
    onChange(next);
  };
  const toVisual = () => {
    if (parseError) return setNotice('Fix the JSON first: it does not parse.');
    const result = def ? fromJsonLogic(value, def, options) : null;
    if (!result?.ok) return setNotice(`This condition is too complex for the visual builder (it may read earlier steps); edit it as JSON.${result ? ` (${result.reason})` : ''}`);
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
              <Icon name="warning" size={13} /> {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
