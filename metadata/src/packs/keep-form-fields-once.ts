/**
 * After the merge, a form field in two sections means both sides moved it, differently (or the pack placed its
 * new field in one section while the customer put a field of that name in another): it stays where the
 * customer has it, and the pack's placement is reported as not applied.
 */
import { isRecord, pointer } from '../problems.js';
import type { FormSection, MetadataDocument } from '../types.js';
import { own, type MergeContext } from './merge-context.js';
import { describeMergeChange } from './describe-merge.js';

const sectionsOf = (doc: MetadataDocument, entity: string): FormSection[] => {
  const sections = (own(doc.entities, entity) as { layouts?: { form?: { sections?: unknown } } } | undefined)?.layouts?.form?.sections;
  return Array.isArray(sections) ? sections.filter((s): s is FormSection => isRecord(s) && Array.isArray(s.fields)) : [];
};

/** Mutates `merged`: each field keeps one place; `ours` is the customer's document with the merge's names. */
export function keepFormFieldsOnce(ctx: MergeContext, merged: MetadataDocument, ours: MetadataDocument): void {
  for (const entity of Object.keys(isRecord(merged.entities) ? merged.entities : {})) {
    const sections = sectionsOf(merged, entity);
    const places = new Map<string, FormSection[]>();
    for (const section of sections) for (const field of section.fields) places.set(field, [...(places.get(field) ?? []), section]);
    for (const [field, [first, ...others]] of places) {
      if (others.length === 0) continue;
      const oursLabel = sectionsOf(ours, entity).find((s) => s.fields.includes(field))?.label;
      const keep = [first!, ...others].find((s) => s.label === oursLabel) ?? first!;
      for (const section of [first!, ...others]) {
        if (section === keep) continue;
        section.fields = section.fields.filter((f) => f !== field);
        notApplied(ctx, pointer('entities', entity, 'layouts', 'form', 'sections', section.label, 'fields', field));
      }
    }
  }
}

/** The pack's placement of the field there is not applied: its change says so. */
function notApplied(ctx: MergeContext, path: string): void {
  const change = ctx.changes.find((c) => c.path === path && c.kind === 'added');
  if (!change) return;
  change.outcome = 'keptYours';
  change.message = describeMergeChange(change);
}
