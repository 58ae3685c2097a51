/**
 * Sentences for people about a merge: where a path points ("the label of option high of field priority of
 * entity case"), what a conflict is and what the choices mean, what a pack change did.
 */
import { segmentsOf } from '../problems.js';
import { DOCUMENT_SPEC, type MergeSpec } from './merge-spec.js';
import type { MergeChange, MergeConflict } from './merge-types.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const nameWords = (name: string): string => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** Where `path` points, in words, innermost first. */
export function describeMergePath(path: string): string {
  const segments = segmentsOf(path);
  const parts: string[] = [];
  let spec: MergeSpec = DOCUMENT_SPEC;
  if (DOCUMENT_SPEC.noun) parts.push(DOCUMENT_SPEC.noun);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (spec.kind === 'map' || spec.kind === 'list') {
      parts.push(`${spec.noun} ${nameWords(segment)}`);
      spec = spec.kind === 'map' ? spec.entry : spec.item;
      continue;
    }
    const property: MergeSpec | undefined = spec.kind === 'record' && Object.hasOwn(spec.properties, segment) ? spec.properties[segment] : undefined;
    const last = i === segments.length - 1;
    if (property === undefined || property.kind === 'atomic' || (property.kind !== 'record' && last)) {
      parts.push(`the ${segments.slice(i).join('.')}`);
      break;
    }
    if (property.kind === 'record') parts.push(property.noun === undefined || (property.noun === '' && last) ? `the ${segment}` : property.noun);
    spec = property;
  }
  // The document is the outermost part: named only when nothing inside it is.
  const inner = parts.slice(1).filter((p) => p !== '');
  return inner.length === 0 ? parts[0]! : inner.reverse().join(' of ');
}

const MAX_VALUE_LENGTH = 60;

/** A value in a sentence: JSON, shortened; absent values are "nothing". */
export function formatMergeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/** " (to 5)" for a plain value; nothing for a whole component, which the studio shows side by side. */
const toValue = (value: unknown): string => (value !== null && typeof value === 'object' ? '' : ` (to ${formatMergeValue(value)})`);

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function describeMergeConflict(conflict: Omit<MergeConflict, 'message'>): string {
  const where = describeMergePath(conflict.path);
  const [base, theirs, ours] = [conflict.base, conflict.theirs, conflict.ours].map(formatMergeValue);
  switch (conflict.kind) {
    case 'bothChanged':
      if (conflict.theirs === undefined) return capitalized(`${where} is removed by the pack and was changed by you (to ${ours}). Keep yours, or remove it as the pack does.`);
      if (conflict.ours === undefined) return capitalized(`${where} was removed by you and is changed by the pack (from ${base} to ${theirs}). Keep it removed, or take the pack's.`);
      return capitalized(`${where} was changed by the pack and by you: the pack changes ${base} to ${theirs}, you changed it to ${ours}. Keep yours, take the pack's, or edit.`);
    case 'bothAdded':
      return capitalized(`${where} was added by the pack and by you, differently: the pack's is ${theirs}, yours is ${ours}. Keep yours, take the pack's, or edit.`);
    case 'deletedByUs':
      return capitalized(`you deleted ${where}, which the pack changed${toValue(conflict.theirs)}. Keep it deleted, or take the pack's version back.`);
    case 'deletedByThem':
      return capitalized(`the pack removes ${where}, which you changed${toValue(conflict.ours)}. Keep yours, or remove it as the pack does.`);
    case 'renamedByBoth':
      return capitalized(`${where} was renamed by the pack and by you: ${base} is ${theirs} in the pack and ${ours} in your workspace. Keep your name, take the pack's, or choose another.`);
    case 'renameClash':
      return capitalized(`the pack renames ${base} to ${theirs}, a name you already use for something else; it stays ${ours} (${where}). Keep ${ours} or choose another free name.`);
  }
}

const OUTCOME_WORDS: Record<MergeChange['outcome'], string> = {
  applied: '',
  alreadyApplied: ' (already so in your workspace)',
  keptYours: ' — not applied, yours is kept',
  conflict: ' — conflict with your change',
};

export function describeMergeChange(change: Omit<MergeChange, 'message'>): string {
  const where = describeMergePath(change.path);
  const [from, to] = [formatMergeValue(change.from), formatMergeValue(change.to)];
  const what: Record<MergeChange['kind'], string> = {
    added: `adds ${where}`,
    removed: `removes ${where}`,
    changed: `changes ${where} from ${from} to ${to}`,
    renamed: `renames ${from} to ${to} (${where})`,
    reordered: `reorders ${where}`,
    restored: `restores ${where}, which you had deleted`,
  };
  return `${capitalized(change.kind === 'restored' ? `the merge ${what.restored}` : `the pack ${what[change.kind]}`)}${OUTCOME_WORDS[change.outcome]}.`;
}
