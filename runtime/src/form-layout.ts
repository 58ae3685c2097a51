import type { EntityDefinition } from '@trellis/metadata';

/** A form section resolved against the writable fields: only fields the form can show, each once. */
export interface ResolvedSection {
  label: string;
  /** 1 to 4 */
  columns: number;
  fields: string[];
}

export const DEFAULT_SECTION_LABEL = 'Details';
export const OTHER_SECTION_LABEL = 'Other fields';

/**
 * The sections of an entity's form. Without a form layout: one two-column section with every field in
 * document order. With one: its sections, minus names that are not writable fields, then an
 * "Other fields" section with writable fields the layout leaves out (so a required field is never hidden).
 */
export function resolveFormSections(entity: EntityDefinition, writable: readonly string[]): ResolvedSection[] {
  const layout = entity.layouts?.form;
  if (!layout || layout.sections.length === 0) {
    return writable.length > 0 ? [{ label: DEFAULT_SECTION_LABEL, columns: 2, fields: [...writable] }] : [];
  }
  const placed = new Set<string>();
  const sections: ResolvedSection[] = layout.sections.map((section) => {
    const fields = section.fields.filter((name) => writable.includes(name) && !placed.has(name));
    fields.forEach((name) => placed.add(name));
    return { label: section.label, columns: clampColumns(section.columns), fields };
  });
  const rest = writable.filter((name) => !placed.has(name));
  if (rest.length > 0) sections.push({ label: OTHER_SECTION_LABEL, columns: 2, fields: rest });
  return sections.filter((section) => section.fields.length > 0);
}

function clampColumns(columns: number | undefined): number {
  if (columns === undefined || !Number.isInteger(columns)) return 1;
  return Math.min(4, Math.max(1, columns));
}
