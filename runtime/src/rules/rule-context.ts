/**
 * The context every rule is evaluated in — identical in the browser form, the API, bulk writes and
 * (later) imports and workflows: `{ record, previous, user, now }`.
 */
import type { RelatedRecords } from './related-reads.js';

/** A record's values keyed by field name (manyToOne = the related id, manyToMany = a list of ids). */
export type RecordValues = Record<string, unknown>;

/** Who is acting: a user, an API key, a workflow or the system (`{"var": "user.id"}` in a rule). */
export interface RuleUser {
  id: string;
  kind: string;
  name?: string;
  email?: string;
  /** Role names (incl. `admin` when held). */
  roles?: string[];
  /** Ids of the user's teams. */
  teams?: string[];
  locale?: string;
  timeZone?: string;
  /** Free key/values an admin sets on a user, e.g. `{ "region": "EMEA" }` → `{"var": "user.attributes.region"}`. */
  attributes?: Record<string, unknown>;
}

export interface RuleContext {
  /** The record's values after the change (on update: the stored values merged with the changes). */
  record: RecordValues;
  /** The stored values before the change; null on create. */
  previous: RecordValues | null;
  user: RuleUser | null;
  /** The current instant, ISO 8601 UTC, from the injected clock. */
  now: string;
  /** Records the rules read through manyToOne relations, loaded by the writer (related-reads.ts). */
  $related?: RelatedRecords;
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
  related?: RelatedRecords;
}

/** The rule context of one write. */
export function buildRuleContext(input: RuleContextInput): RuleContext {
  const now = typeof input.now === 'string' ? input.now : input.now.toISOString();
  const ctx: RuleContext = { record: input.record, previous: input.previous ?? null, user: input.user ?? null, now };
  if (input.related) ctx.$related = input.related;
  return ctx;
}

/** The record after an update: the stored values with the given changes applied (undefined = unchanged). */
export function applyChanges(previous: RecordValues, changes: RecordValues): RecordValues {
  const record: RecordValues = { ...previous };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) record[key] = value;
  return record;
}
