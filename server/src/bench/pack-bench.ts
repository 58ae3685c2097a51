/**
 * Template packs: the 3-way merge of an upgrade on a large document (100 entities × 30 fields; the pack changes
 * labels and adds fields, the customer changes other labels and some of the same), in process; then installing
 * the three industry packs (B2B sales, customer service, field service: DDL, seed data and pack records in one
 * publish each) into the bench workspace through PacksService.
 */
import { mergeDocuments, type MetadataDocument } from '@trellis/metadata';
import { systemContext } from '../common/request-context.js';
import type { PacksService } from '../packs/packs.service.js';
import { generatedDocument } from './generated-document.js';

export interface PackBenchResult {
  mergeMs: number;
  mergeConflicts: number;
  mergeChanges: number;
  installs: { pack: string; ms: number; packs: number }[];
}

/** The pack's v2 and the customer's edits of a generated document. */
function upgradeSides(base: MetadataDocument): { theirs: MetadataDocument; ours: MetadataDocument } {
  const theirs = structuredClone(base);
  const ours = structuredClone(base);
  Object.entries(theirs.entities).forEach(([name, entity], e) => {
    const fields = Object.keys(entity.fields);
    fields.forEach((field, f) => {
      if (f % 10 === 0) entity.fields[field]!.label = `${entity.fields[field]!.label} (v2)`;
      if (f % 10 === 0 && e % 4 === 0) ours.entities[name]!.fields[field]!.label = `${entity.fields[field]!.label} (mine)`;
      if (f % 10 === 5) ours.entities[name]!.fields[field]!.description = 'Ours';
    });
    for (let i = 0; i < 5; i++) entity.fields[`added${i}`] = { type: 'text', label: `Added ${i}` };
  });
  return { theirs, ours };
}

export async function runPackBench(packs: PacksService): Promise<PackBenchResult> {
  const base = generatedDocument(100, 30);
  const { theirs, ours } = upgradeSides(base);
  mergeDocuments({ base, theirs, ours }); // warm-up
  let best = Infinity;
  let result = mergeDocuments({ base, theirs, ours });
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    result = mergeDocuments({ base, theirs, ours });
    best = Math.min(best, performance.now() - started);
  }

  const ctx = systemContext('bench', 'main');
  const installs: PackBenchResult['installs'] = [];
  for (const pack of ['service', 'field-service']) {
    const preview = await packs.previewInstall('main', pack);
    const choices = Object.fromEntries(preview.clashes.map((c) => [c.path, 'keepMine' as const]));
    const started = performance.now();
    await packs.install(ctx, pack, choices);
    installs.push({ pack, ms: performance.now() - started, packs: preview.installOrder.length });
  }
  return { mergeMs: best, mergeConflicts: result.conflicts.length, mergeChanges: result.changes.length, installs };
}
