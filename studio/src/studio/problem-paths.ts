/** Where a metadata problem's JSON path points, so the designer can show it next to the entity or field. */
import type { MetadataProblem } from '@trellis/metadata';

export interface ProblemLocation {
  entity?: string;
  field?: string;
  /** The rest of the path after the field (`min`, `options/0/value`), or after the entity when no field. */
  rest: string[];
}

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Splits a JSON Pointer (`/entities/deal/fields/amount/min`); also accepts dotted paths (`entities.deal.fields.amount`). */
export function parseProblemPath(path: string): ProblemLocation {
  const segments = path === '' ? [] : path.startsWith('/')
    ? path.slice(1).split('/').map(unescape)
    : path.replace(/^\$\.?/, '').split('.').filter(Boolean);
  if (segments[0] !== 'entities' || segments.length < 2) return { rest: segments };
  const entity = segments[1];
  if (segments[2] === 'fields' && segments.length >= 4) return { entity, field: segments[3], rest: segments.slice(4) };
  return { entity, rest: segments.slice(2) };
}

export function problemsForEntity(problems: MetadataProblem[], entity: string): MetadataProblem[] {
  return problems.filter((p) => parseProblemPath(p.path).entity === entity);
}

export function problemsForField(problems: MetadataProblem[], entity: string, field: string): MetadataProblem[] {
  return problems.filter((p) => {
    const loc = parseProblemPath(p.path);
    return loc.entity === entity && loc.field === field;
  });
}
