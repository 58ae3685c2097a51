/**
 * Upgrade decisions from a file: { "<conflict path>": { "take": "ours" | "theirs" } | { "value": … } }, as
 * `resolveConflicts` takes them. The strings "ours"/"mine"/"keepMine" and "theirs"/"pack"/"takePack" are accepted as
 * shorthands.
 */
import type { MergeDecision, MergeDecisions } from '@trellis/metadata';
import { CliError } from '../cli-error.js';
import { readJsonFile } from '../files.js';

const OURS = new Set(['ours', 'mine', 'keepMine']);
const THEIRS = new Set(['theirs', 'pack', 'takePack']);

function decisionOf(value: unknown): MergeDecision | null {
  if (typeof value === 'string') return OURS.has(value) ? { take: 'ours' } : THEIRS.has(value) ? { take: 'theirs' } : null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const v = value as Record<string, unknown>;
  if (keys.length === 1 && keys[0] === 'take' && (v['take'] === 'ours' || v['take'] === 'theirs')) return { take: v['take'] };
  if (keys.length === 1 && keys[0] === 'value') return { value: v['value'] };
  return null;
}

export async function readDecisions(file: string, cwd: string): Promise<MergeDecisions> {
  const value = await readJsonFile(file, cwd);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`${file}: decisions must be a JSON object keyed by conflict path.`, {
      hint: 'e.g. { "/entities/case/fields/priority/label": { "take": "theirs" } }; `trellis pack upgrade NAME --write-decisions FILE` writes one to edit.',
    });
  }
  const decisions: MergeDecisions = {};
  for (const [path, raw] of Object.entries(value)) {
    const decision = decisionOf(raw);
    if (!decision) {
      throw new CliError(`${file} at ${JSON.stringify(path)}: ${JSON.stringify(raw)} is not a decision.`, {
        hint: 'use { "take": "ours" } (keep mine), { "take": "theirs" } (take the pack\'s) or { "value": <your value> }.',
      });
    }
    decisions[path] = decision;
  }
  return decisions;
}
