/**
 * A plugin action step: the action (from the server's catalogue of registered plugin actions) and its inputs,
 * one expression per property of the action's input schema.
 */
import { useId } from 'react';
import type { JsonLogic } from '@trellis/metadata';
import { workflowActions, type WorkflowActionType } from '../../api/workflows-api.js';
import { useAsync } from '../../lib/use-async.js';
import { ExpressionInput } from './ExpressionInput.js';
import type { VarPath } from './workflow-context.js';
import { shortHelp } from './step-config.js';

// The catalogue changes only when the server restarts with other plugins: one request per page load.
let catalogue: Promise<WorkflowActionType[]> | null = null;
const loadActions = () => {
  catalogue ??= workflowActions().catch((e: unknown) => {
    catalogue = null;
    throw e;
  });
  return catalogue;
};

const pluginActions = (all: WorkflowActionType[] | undefined) => (all ?? []).filter((a) => a.plugin);

export function PluginActionPicker({ value, onChange, errors = [] }: { value: string; onChange: (action: string) => void; errors?: string[] }) {
  const id = useId();
  const actions = useAsync(loadActions, []);
  const list = pluginActions(actions.data);
  const chosen = list.find((a) => a.type === value);
  return (
    <div className={errors.length ? 'field invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        Action
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{actions.loading ? 'Loading actions…' : list.length ? 'Choose an action…' : 'No plugin actions are installed'}</option>
        {value && !chosen && <option value={value}>{value}</option>}
        {list.map((a) => (
          <option key={a.type} value={a.type}>
            {a.label} ({a.plugin})
          </option>
        ))}
      </select>
      {chosen?.description && <p className="field-help">{chosen.description}</p>}
      {actions.error && <p className="field-error">Could not load the plugin actions: {actions.error.message}</p>}
      {errors.map((m, i) => (
        <p key={i} className="field-error">
          {m}
        </p>
      ))}
    </div>
  );
}

export function PluginInputs({
  action,
  value,
  onChange,
  paths,
  messagesFor,
}: {
  action: string;
  value: Record<string, JsonLogic>;
  onChange: (value: Record<string, JsonLogic> | undefined) => void;
  paths: VarPath[];
  messagesFor: (input: string) => string[];
}) {
  const actions = useAsync(loadActions, []);
  const chosen = pluginActions(actions.data).find((a) => a.type === action);
  if (!action) return null;
  const properties = (chosen?.schema.properties ?? {}) as Record<string, { title?: string; description?: string }>;
  const names = [...new Set([...Object.keys(properties), ...Object.keys(value)])];
  const set = (name: string, v: JsonLogic | undefined) => {
    const next = { ...value };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(Object.keys(next).length ? next : undefined);
  };
  if (names.length === 0) return <p className="muted small">{chosen ? 'This action takes no input.' : ''}</p>;
  return (
    <fieldset className="field plugin-inputs">
      <legend className="field-label">Input</legend>
      {names.map((n) => (
        <ExpressionInput
          key={n}
          label={properties[n]?.title ?? n}
          hint={shortHelp(properties[n]?.description) ?? (properties[n] ? undefined : 'Not an input of this action: remove it.')}
          value={value[n]}
          onChange={(v) => set(n, v)}
          paths={paths}
          errors={messagesFor(n)}
        />
      ))}
    </fieldset>
  );
}
