/** Picking among what a step can read (record, previous, user, trigger, `steps.<key>.…`), grouped. */
import { useMemo } from 'react';
import { groupPaths, type VarPath } from './workflow-context.js';

/** A var path among what the step can read, grouped; a path not in the list (e.g. a payload property) is kept. */
export function PathSelect({ label, paths, value, onChange }: { label: string; paths: VarPath[]; value: string | undefined; onChange: (path: string | undefined) => void }) {
  const known = paths.some((p) => p.path === value);
  return (
    <select className="input" aria-label={`${label}: field`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">Choose…</option>
      {value && !known && <option value={value}>{value}</option>}
      <PathOptions paths={paths} />
    </select>
  );
}

/** The options of a select of var paths: what the step can read, grouped (record, previous, user, trigger, steps). */
export function PathOptions({ paths }: { paths: VarPath[] }) {
  const groups = useMemo(() => groupPaths(paths), [paths]);
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.group} label={g.group}>
          {g.paths.map((p) => (
            <option key={p.path} value={p.path}>
              {p.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
