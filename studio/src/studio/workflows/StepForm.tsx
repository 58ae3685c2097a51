/**
 * A step's settings as an @rjsf/core form generated from the step type's JSON Schema (metadata STEP_TYPES):
 * the schema decides which settings there are, their order, titles, help and which are required; each setting
 * is drawn by `SettingField`, which picks the editor (expression, template, field values, pickers…). Edits go
 * straight to the draft; validation is the draft's check (the same as publish), shown next to each setting.
 */
import { useMemo, useRef } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { ObjectFieldTemplateProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { WorkflowDefinition, WorkflowStep } from '@trellis/metadata';
import { useDraft } from '../../app/draft-context.js';
import { PassThroughFieldTemplate } from '../../data/widgets.js';
import { SettingField } from './SettingField.js';
import { formSchemaOf, patchConfig, stepConfig, uiSchemaOf, withConfig } from './step-config.js';
import { StepFormContext, type StepFormState } from './step-form-context.js';
import type { StepTypeInfo } from './step-kinds.js';
import { updateStep } from './workflow-edits.js';
import { workflowVarPaths, triggerEntity } from './workflow-context.js';
import type { StepPath } from './workflow-paths.js';

// Defaults stay out of the draft: only what the person sets is written.
const DEFAULTS_BEHAVIOR = { constAsDefaults: 'never', emptyObjectFields: 'skipDefaults', arrayMinItems: { populate: 'never' } } as const;

function SettingsLayout({ properties }: ObjectFieldTemplateProps) {
  return <div className="step-settings stack">{properties.filter((p) => !p.hidden).map((p) => <div key={p.name}>{p.content}</div>)}</div>;
}

export function StepForm({
  name,
  def,
  path,
  step,
  info,
  problems,
}: {
  name: string;
  def: WorkflowDefinition;
  path: StepPath;
  step: WorkflowStep;
  info: StepTypeInfo;
  problems: { rest: string[]; message: string }[];
}) {
  const { draft, edit } = useDraft();
  const schema = useMemo(() => formSchemaOf(info.schema) as RJSFSchema, [info.schema]);
  const uiSchema = useMemo(() => uiSchemaOf(step.type, schema) as UiSchema, [step.type, schema]);
  const config = stepConfig(step);
  const paths = useMemo(() => workflowVarPaths(draft, def, path), [draft, def, path]);

  // The latest step behind a ref: a setting edited twice before the draft re-renders builds on the first edit.
  const latest = useRef(step);
  latest.current = step;
  const state: StepFormState = {
    workflow: name,
    def,
    path,
    step,
    config,
    entity: triggerEntity(def.trigger),
    paths,
    problems,
    marks: { expressions: info.expressions, templates: info.templates },
    patch: (patch, undoKey) => {
      const current = latest.current;
      const next = withConfig(current, patchConfig(current.type, stepConfig(current), patch));
      latest.current = next;
      edit((d) => updateStep(d, name, path, next), undoKey ? `workflow-${name}-${current.key}-${undoKey}` : undefined);
    },
  };

  return (
    <StepFormContext.Provider value={state}>
      <Form
        className="step-form"
        schema={schema}
        uiSchema={uiSchema}
        formData={config}
        validator={validator}
        noValidate
        noHtml5Validate
        showErrorList={false}
        experimental_defaultFormStateBehavior={DEFAULTS_BEHAVIOR}
        fields={{ workflowSetting: SettingField }}
        templates={{ FieldTemplate: PassThroughFieldTemplate, ObjectFieldTemplate: SettingsLayout }}
        onSubmit={() => undefined}
      >
        <></>
      </Form>
    </StepFormContext.Provider>
  );
}
