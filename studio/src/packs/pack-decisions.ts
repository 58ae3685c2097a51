/**
 * The choices made in a pack preview, before they are sent: one per clash of an install ("Keep mine" /
 * "Take pack's") and one per conflict of an upgrade ("Keep mine" / "Take pack's" / an edited JSON value).
 * Pure, so the page only renders it.
 */
import type { ClashChoice, ClashChoices, ConflictDecisions } from '../api/packs-api.js';

export type ConflictChoice = { kind: 'ours' } | { kind: 'theirs' } | { kind: 'edit'; text: string };
export type ConflictChoices = Record<string, ConflictChoice>;

export interface DecisionsSummary {
  /** Decisions to send, for the conflicts decided with a usable value. */
  decisions: ConflictDecisions;
  /** Conflict paths with no choice yet. */
  undecided: string[];
  /** Conflict paths whose edited value is not valid JSON, with the parser's message. */
  invalid: { path: string; message: string }[];
  /** Whether every conflict has a usable decision (the upgrade may be sent). */
  complete: boolean;
}

/** The JSON text a conflict's editor starts from: the customer's value, or the pack's when the customer has none. */
export function initialEditText(conflict: { ours: unknown; theirs: unknown }): string {
  const value = conflict.ours ?? conflict.theirs ?? null;
  return JSON.stringify(value, null, 2);
}

export function parseEditedValue(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { error: 'Enter a JSON value (a string needs quotes).' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

/** What to send for `conflicts` given the choices so far (choices for paths that are not conflicts are ignored). */
export function summarizeDecisions(conflicts: { path: string }[], choices: ConflictChoices): DecisionsSummary {
  const decisions: ConflictDecisions = {};
  const undecided: string[] = [];
  const invalid: { path: string; message: string }[] = [];
  for (const { path } of conflicts) {
    const choice = Object.hasOwn(choices, path) ? choices[path] : undefined;
    if (!choice) undecided.push(path);
    else if (choice.kind === 'edit') {
      const parsed = parseEditedValue(choice.text);
      if ('error' in parsed) invalid.push({ path, message: parsed.error });
      else decisions[path] = { value: parsed.value };
    } else decisions[path] = { take: choice.kind };
  }
  return { decisions, undecided, invalid, complete: undecided.length === 0 && invalid.length === 0 };
}

export interface ClashSummary {
  choices: ClashChoices;
  unchosen: string[];
  complete: boolean;
}

export function summarizeClashes(clashes: { path: string }[], chosen: Record<string, ClashChoice | undefined>): ClashSummary {
  const choices: ClashChoices = {};
  const unchosen: string[] = [];
  for (const { path } of clashes) {
    const choice = Object.hasOwn(chosen, path) ? chosen[path] : undefined;
    if (choice) choices[path] = choice;
    else unchosen.push(path);
  }
  return { choices, unchosen, complete: unchosen.length === 0 };
}

/** "2 of 3 conflicts decided". */
export function progressText(total: number, open: number, noun: string): string {
  const plural = total === 1 ? noun : /(s|sh|ch|x|z)$/.test(noun) ? `${noun}es` : `${noun}s`;
  return `${total - open} of ${total} ${plural} decided`;
}
