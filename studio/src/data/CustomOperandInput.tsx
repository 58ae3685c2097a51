/**
 * The operand of a filter operator a plugin type adds (`within`: distance, latitude, longitude): one labelled
 * input per property of the operator's JSON Schema, numbers typed as numbers. The value is the operand object.
 */
import type { CustomFilterOperator, JsonSchema } from '@trellis/metadata';

interface Props {
  id: string;
  filter: CustomFilterOperator;
  value: unknown;
  onChange: (value: Record<string, unknown>) => void;
}

export function CustomOperandInput({ id, filter, value, onChange }: Props) {
  const properties = (filter.operandSchema['properties'] ?? {}) as Record<string, JsonSchema>;
  const operand = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return (
    <span className="filter-operand" role="group" aria-label="Filter value">
      {Object.entries(properties).map(([key, schema]) => {
        const numeric = schema['type'] === 'number' || schema['type'] === 'integer';
        const title = typeof schema['title'] === 'string' ? schema['title'] : key;
        const part = operand[key];
        return (
          <input
            key={key}
            id={`${id}-${key}`}
            className="input"
            type={numeric ? 'number' : 'text'}
            step={numeric ? 'any' : undefined}
            aria-label={title}
            placeholder={title}
            value={part === undefined ? '' : String(part)}
            onChange={(e) => {
              const text = e.target.value;
              const next = { ...operand };
              if (text === '') delete next[key];
              else next[key] = numeric ? Number(text) : text;
              onChange(next);
            }}
          />
        );
      })}
    </span>
  );
}
