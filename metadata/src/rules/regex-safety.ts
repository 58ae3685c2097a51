/**
 * Is a regular expression from metadata safe to run on user input? Patterns are short, compile, and have no
 * constructs that make backtracking exponential: a repeated group that itself contains a repetition
 * (`(a+)+`, `(a*)*`, `(\w+\s?)*`) or a backreference (`\1`, `\k<name>`). Input length is bounded by the runtime.
 */

export const MAX_PATTERN_LENGTH = 200;

/** Why `pattern` is refused (a sentence), or undefined when it is safe. */
export function unsafeRegexReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return `the pattern has ${pattern.length} characters; at most ${MAX_PATTERN_LENGTH} are allowed so that every pattern can be checked and runs quickly`;
  }
  try {
    new RegExp(pattern);
  } catch (error) {
    return `it is not a valid regular expression (${(error as Error).message})`;
  }
  return scan(pattern);
}

interface Group {
  start: number;
  /** The group (or a group inside it) repeats something without a small bound. */
  repeats: boolean;
}

/** Length of the quantifier at `i` and whether it repeats (max > 1), or undefined when there is none. */
function quantifierAt(pattern: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = pattern[i];
  let length: number;
  let repeats: boolean;
  if (c === '*' || c === '+') [length, repeats] = [1, true];
  else if (c === '?') [length, repeats] = [1, false];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    [length, repeats] = [m[0].length, max > 1];
  } else return undefined;
  if (pattern[i + length] === '?') length += 1; // lazy
  return { length, repeats };
}

function scan(pattern: string): string | undefined {
  const stack: Group[] = [{ start: 0, repeats: false }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        return `it uses a backreference ("\\${next === 'k' ? 'k<…>' : next}"), which can make matching take exponential time and cannot be checked for safety; match the text without referring back to a group`;
      }
      i += 2;
    } else if (c === '[') {
      i = endOfClass(pattern, i);
    } else if (c === '(') {
      stack.push({ start: i, repeats: false });
      i += pattern[i + 1] === '?' ? 3 : 1; // skip (?: (?= (?! (?<
    } else if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { start: i, repeats: false };
      const quantifier = quantifierAt(pattern, i + 1);
      if (quantifier?.repeats && group.repeats) {
        const text = pattern.slice(group.start, i + 1 + quantifier.length);
        return `"${text}" repeats a group that itself contains a repetition (a nested quantifier such as (a+)+ or (a*)*), which can take exponential time on some inputs (catastrophic backtracking); rewrite it without the nesting, e.g. (a+)+ as a+`;
      }
      stack.at(-1)!.repeats ||= group.repeats || Boolean(quantifier?.repeats);
      i += 1 + (quantifier?.length ?? 0);
    } else {
      const quantifier = quantifierAt(pattern, i);
      if (quantifier && i > 0) {
        if (quantifier.repeats) stack.at(-1)!.repeats = true;
        i += quantifier.length;
      } else i += 1;
    }
  }
  return undefined;
}

/** Index just after the character class starting at `start` (`[...]`, escapes and a leading `]` included). */
function endOfClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}
