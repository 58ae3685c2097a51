/**
 * One role's field access on one entity: each field editable, read-only or hidden (the system fields too: owner
 * and team are editable by default, the timestamps can only be shown or hidden, the id is always shown).
 */
import type { FieldAccessLevel, FieldDefinition } from '@trellis/metadata';
import { isWritableField } from '@trellis/runtime';
import { useDraft } from '../../app/draft-context.js';
import { fieldTypeLabel } from '../../lib/field-types.js';
import { setFieldLevel } from './role-edits.js';
import { problemsForPermission } from './role-problems.js';

type Level = FieldAccessLevel | 'editable';

const SYSTEM_ROWS: { name: string; label: string; writable: boolean; type: string }[] = [
  { name: 'owner', label: 'Owner', writable: true, type: 'User' },
  { name: 'team', label: 'Team', writable: true, type: 'Team' },
  { name: 'createdAt', label: 'Created at', writable: false, type: 'Date and time' },
  { name: 'updatedAt', label: 'Updated at', writable: false, type: 'Date and time' },
  { name: 'createdBy', label: 'Created by', writable: false, type: 'User' },
  { name: 'updatedBy', label: 'Updated by', writable: false, type: 'User' },
];

/** "All editable", "2 hidden, 1 read-only". */
export function fieldAccessSummary(fields: Record<string, FieldAccessLevel> | undefined): string {
  const levels = Object.values(fields ?? {});
  const hidden = levels.filter((l) => l === 'hidden').length;
  const readOnly = levels.filter((l) => l === 'readOnly').length;
  const parts = [hidden ? `${hidden} hidden` : '', readOnly ? `${readOnly} read-only` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'All visible';
}

const writable = (field: FieldDefinition): boolean => {
  try {
    return isWritableField(field);
  } catch {
    return false;
  }
};

export function FieldAccessGrid({ roleName, entityName }: { roleName: string; entityName: string }) {
  const { draft, edit, problems } = useDraft();
  const entity = draft.entities[entityName];
  const levels = draft.roles?.[roleName]?.entities?.[entityName]?.fields ?? {};
  const rows = [
    ...Object.entries(entity.fields).map(([name, f]) => ({ name, label: f.label, writable: writable(f), type: fieldTypeLabel(f.type), system: false })),
    ...SYSTEM_ROWS.map((r) => ({ ...r, system: true })),
  ];
  const set = (field: string, level: Level) => edit((d) => setFieldLevel(d, roleName, entityName, field, level));

  return (
    <div className="field-access">
      <table className="data-table compact" aria-label={`Field access on ${entity.pluralLabel}`}>
        <thead>
          <tr>
            <th scope="col"><span className="th-plain">Field</span></th>
            <th scope="col"><span className="th-plain">Type</span></th>
            <th scope="col"><span className="th-plain">Access</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const level: Level = levels[row.name] ?? 'editable';
            const fieldProblems = problemsForPermission(problems, roleName, entityName, 'fields', row.name);
            const choices: { value: Level; label: string }[] = row.writable
              ? [
                  { value: 'editable', label: 'Editable' },
                  { value: 'readOnly', label: 'Read-only' },
                  { value: 'hidden', label: 'Hidden' },
                ]
              : [
                  { value: 'editable', label: 'Visible' },
                  { value: 'hidden', label: 'Hidden' },
                ];
            const shown = !row.writable && level === 'readOnly' ? 'editable' : level;
            return (
              <tr key={row.name} className={row.system ? 'system-field' : undefined}>
                <td>
                  {row.label} <code className="muted small">{row.name}</code>
                  {fieldProblems.map((p, i) => (
                    <p key={i} className="field-error cell-problem">
                      {p.message}
                    </p>
                  ))}
                </td>
                <td className="muted">{row.system ? `System · ${row.type}` : row.type}</td>
                <td>
                  <div className="segmented" role="radiogroup" aria-label={`Access to ${row.label}`}>
                    {choices.map((c) => (
                      <button
                        key={c.value}
                        type="button"
                        role="radio"
                        aria-checked={shown === c.value}
                        className={shown === c.value ? `segment active level-${c.value}` : 'segment'}
                        onClick={() => set(row.name, c.value)}
                      >
                        {c.label}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">The id is always visible. Formulas, roll-ups and auto-numbers are never editable.</p>
    </div>
  );
}
