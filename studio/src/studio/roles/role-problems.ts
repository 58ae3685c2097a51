/** Where a metadata problem about roles points (`/roles/salesRep/entities/opportunity/update/...`), to show it in place. */
import type { MetadataProblem } from '@trellis/metadata';

export interface RoleProblemLocation {
  role: string;
  entity?: string;
  /** `read`, `update`, `delete`, `create`, `transfer`, `fields`, or a role property (`label`). */
  part?: string;
  /** For `fields`: the field. */
  field?: string;
}

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

export function parseRoleProblemPath(path: string): RoleProblemLocation | null {
  if (!path.startsWith('/roles/')) return null;
  const [, role, ...rest] = path.slice(1).split('/').map(unescape);
  if (!role) return null;
  if (rest[0] !== 'entities') return { role, part: rest[0] };
  return { role, entity: rest[1], part: rest[2], field: rest[2] === 'fields' ? rest[3] : undefined };
}

const located = (problems: MetadataProblem[]) =>
  problems.flatMap((p) => {
    const at = parseRoleProblemPath(p.path);
    return at ? [{ problem: p, at }] : [];
  });

export function problemsForRole(problems: MetadataProblem[], role: string): MetadataProblem[] {
  return located(problems).filter(({ at }) => at.role === role).map(({ problem }) => problem);
}

/** Problems of one role's permission on one entity, optionally of one part (`update`, `fields`…) or one field. */
export function problemsForPermission(problems: MetadataProblem[], role: string, entity: string, part?: string, field?: string): MetadataProblem[] {
  return located(problems)
    .filter(({ at }) => at.role === role && at.entity === entity && (part === undefined || at.part === part) && (field === undefined || at.field === field))
    .map(({ problem }) => problem);
}
