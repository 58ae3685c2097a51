/**
 * A JSON Logic condition of a workflow (an "if" step, a condition without a record): the rules' editor
 * (`LogicExpressionEditor`), its visual builder offered when there is a record, its JSON side completing the
 * workflow context: record fields, `previous`, `user`, `trigger.payload` and the outputs of earlier steps
 * (`steps.<key>.…`). Problems come from the draft's check of this place (the same check publish runs).
 */
import { useMemo } from 'react';
import type { JsonLogic, MetadataDocument } from '@trellis/metadata';
import type { LogicProblem } from '../rules/logic-context.js';
import { LogicExpressionEditor } from '../rules/LogicExpressionEditor.js';
import { workflowLogicSchema, type VarPath } from './workflow-context.js';

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

export function WorkflowLogicEditor({ doc, entity, paths, ...rest }: WorkflowLogicEditorProps) {
  const schema = useMemo(() => workflowLogicSchema(paths), [paths]);
  return (
    <LogicExpressionEditor
      {...rest}
      entity={entity ? doc.entities[entity] : undefined}
      schema={schema}
      problemLines={false}
      tooComplex="This condition is too complex for the visual builder (it may read earlier steps); edit it as JSON."
    />
  );
}
