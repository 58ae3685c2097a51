/**
 * How messages name a step for people: by the label its card shows, else by its key (`step "makeTask"`),
 * else by its place counted from 1 (`step 2`, `step 1 of the "then" steps of step "bigDeal"`) — never by
 * the 0-based position of its JSON pointer. No imports from problems.ts (which uses this), to stay acyclic.
 */

type Segment = string | number;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const indexOf = (segment: Segment | undefined): number | undefined =>
  typeof segment === 'number' ? segment : segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : undefined;

/** The step at `segments` below a workflow's `steps` (`[2, 'then', 0]`, or pointer segments `['2', 'then', '0']`). */
function stepAt(steps: unknown, segments: readonly Segment[]): Record<string, unknown> | undefined {
  let list = steps;
  let step: unknown;
  for (let i = 0; i < segments.length; i += 2) {
    const index = indexOf(segments[i]);
    step = Array.isArray(list) && index !== undefined ? list[index] : undefined;
    if (!isObject(step)) return undefined;
    const branch = segments[i + 1];
    if (branch !== undefined) list = branch === 'then' || branch === 'else' ? step[branch] : undefined;
  }
  return isObject(step) ? step : undefined;
}

/** The step's label (what its card shows) or key (unless `byKey` is false), when it has one. */
export function stepName(step: unknown, byKey = true): string | undefined {
  if (!isObject(step)) return undefined;
  if (typeof step.label === 'string' && step.label.trim() !== '') return step.label.trim();
  return byKey && typeof step.key === 'string' && step.key !== '' ? step.key : undefined;
}

/**
 * `step "Follow up"`, `step "makeTask"`, or by place: `step 2`, `step 1 of the "else" steps of step "bigDeal"`.
 * `steps` is the workflow's step list (undefined: name by place only); `segments` the step's position below it;
 * `byKey` false names the step itself by label or place only (e.g. when its key is what is wrong).
 */
export function describeStep(steps: unknown, segments: readonly Segment[], byKey = true): string {
  const name = stepName(stepAt(steps, segments), byKey);
  if (name !== undefined) return `step ${JSON.stringify(name)}`;
  const index = indexOf(segments.at(-1));
  const place = `step ${index === undefined ? '?' : index + 1}`;
  if (segments.length < 3) return place;
  return `${place} of the ${JSON.stringify(String(segments.at(-2)))} steps of ${describeStep(steps, segments.slice(0, -2))}`;
}
