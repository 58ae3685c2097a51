/**
 * One JSON Logic expression of the rules (a validation rule, a condition, a formula, a scope, a filter) over an
 * entity of the draft: the shared `LogicExpressionEditor`, with completion and problems from the expression
 * context (what it may read, what it must give).
 */
import { useMemo } from 'react';
import type { JsonLogic, LogicType, MetadataDocument } from '@trellis/metadata';
import { logicJsonSchema, logicProblems, seesPrevious, type ExpressionContext } from './logic-context.js';
import { LogicExpressionEditor } from './LogicExpressionEditor.js';

export interface LogicEditorProps {
  /** The draft document the expression belongs to. */
  doc: MetadataDocument;
  /** The entity whose records the expression reads (for a roll-up filter: the related entity). */
  entity: string;
  context: ExpressionContext;
  value: JsonLogic | undefined;
  onChange: (value: JsonLogic | undefined) => void;
  /** Names the editor ("Invalid when", "Visible when"). */
  label: string;
  hint?: string;
  /** The result the expression must give (default: a condition; formulas: their result type). */
  expected?: LogicType;
  /** Formulas compute values: no visual builder (it builds conditions). */
  visual?: boolean;
  /** Told whether the JSON text currently parses (a caller may refuse to save while it does not). */
  onTextValidity?: (valid: boolean) => void;
  height?: number;
}

export function LogicEditor({ doc, entity, context, value, expected, visual = true, ...rest }: LogicEditorProps) {
  const def = doc.entities[entity];
  const problems = useMemo(
    () => (value === undefined ? [] : logicProblems(doc, entity, value, context, expected)),
    [doc, entity, value, context, expected],
  );
  const schema = useMemo(() => logicJsonSchema(doc, entity, context), [doc, entity, context]);

  if (!def) return <p className="field-error">There is no entity “{entity}” in the draft.</p>;
  return (
    <LogicExpressionEditor
      {...rest}
      entity={visual ? def : undefined}
      previous={seesPrevious(context)}
      schema={schema}
      problems={problems}
      value={value}
      tooComplex="This rule is too complex for the visual builder; edit it as JSON."
    />
  );
}
