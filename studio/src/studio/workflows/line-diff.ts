/**
 * A small line diff (longest common subsequence) for comparing two workflow versions as pretty JSON, with
 * unchanged runs folded to a few lines of context — readable for definitions of a few hundred lines.
 */
import { stableStringify } from '../../lib/stable.js';

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line numbers in the old and the new text. */
  oldLine?: number;
  newLine?: number;
}

export type DiffRow = DiffLine | { kind: 'fold'; count: number };

export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText === '' ? [] : oldText.split('\n');
  const b = newText === '' ? [] : newText.split('\n');
  // Common prefix and suffix first: most versions differ in a few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // lcs[i][j] = length of the LCS of midA[i..] and midB[j..].
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  const same = (text: string) => out.push({ kind: 'same', text, oldLine: oldNo++, newLine: newNo++ });
  for (let k = 0; k < start; k++) same(a[k]);
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      same(midA[i]);
      i++;
      j++;
    } else if (i < midA.length && (j === midB.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Removals before additions, as diffs are read.
      out.push({ kind: 'removed', text: midA[i++], oldLine: oldNo++ });
    } else {
      out.push({ kind: 'added', text: midB[j++], newLine: newNo++ });
    }
  }
  for (let k = endA; k < a.length; k++) same(a[k]);
  return out;
}

/** Folds runs of unchanged lines longer than `2 × context` to `context` lines each side of a change. */
export function foldUnchanged(lines: DiffLine[], context = 3): DiffRow[] {
  const changed = lines.map((l) => l.kind !== 'same');
  const near = lines.map((_, i) => {
    for (let d = -context; d <= context; d++) if (changed[i + d]) return true;
    return false;
  });
  const out: DiffRow[] = [];
  let folded = 0;
  lines.forEach((line, i) => {
    if (near[i]) {
      if (folded) out.push({ kind: 'fold', count: folded });
      folded = 0;
      out.push(line);
    } else folded++;
  });
  if (folded) out.push({ kind: 'fold', count: folded });
  return out;
}

/** Pretty JSON with keys sorted, so key order never shows as a change. */
export function diffableJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(JSON.parse(stableStringify(value)), null, 2);
}

export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  return { added: lines.filter((l) => l.kind === 'added').length, removed: lines.filter((l) => l.kind === 'removed').length };
}
