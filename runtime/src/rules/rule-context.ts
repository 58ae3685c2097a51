/**
 * The context every rule is evaluated in — identical in the browser form, the API, bulk writes and
 * (later) imports and workflows: `{ record, previous, user, now }`.
 */

/** A record's values keyed by field name (manyToOne = the related id, manyToMany = a list of ids). */
export type RecordValues = Record<string, unknown>;

/** Who is acting: a user, an API key, a workflow or the system. */
export interface RuleUser {
  id: string;
  kind: string;
  name?: string;
  email?: string;
}

export interface RuleContext {
  /** The record's values after the change (on update: the stored values merged with the changes). */
  record: RecordValues;
  /** The stored values before the change; null on create. */
  previous: RecordValues | null;
  user: RuleUser | null;
  /** The current instant, ISO 8601 UTC, from the injected clock. */
  now: string;
}

/** Where "now" comes from; injected so tests (and replays) are deterministic. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

export interface RuleContextInput {
  record: RecordValues;
  previous?: RecordValues | null;
  user?: RuleUser | null;
  /** A `Date` (usually `clock()`) or an ISO string. */
  now: Date | string;
}

/** The rule context of one write. */
export function buildRuleContext(input: RuleContextInput): RuleContext {
  const now = typeof input.now === 'string' ? input.now : input.now.toISOString();
  return { record: input.record, previous: input.previous ?? null, user: input.user ?? null, now };
}

/** The record after an update: the stored values with the given changes applied (undefined = unchanged). */
export function applyChanges(previous: RecordValues, changes: RecordValues): RecordValues {
  const record: RecordValues = { ...previous };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) record[key] = value;
  return record;
}
