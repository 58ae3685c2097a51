/** Pure moves within a form layout (the layout editor's arrow buttons). */
import type { FormLayout } from '@trellis/metadata';

/** Moves field `name` one slot up or down; at a section's edge it crosses into the neighbouring section. */
export function moveField(layout: FormLayout, name: string, by: -1 | 1): FormLayout {
  const sections = layout.sections.map((s) => ({ ...s, fields: [...s.fields] }));
  const si = sections.findIndex((s) => s.fields.includes(name));
  if (si < 0) return layout;
  const fields = sections[si].fields;
  const fi = fields.indexOf(name);
  const target = fi + by;
  if (target >= 0 && target < fields.length) {
    [fields[fi], fields[target]] = [fields[target], fields[fi]];
  } else {
    const ni = si + by;
    if (ni < 0 || ni >= sections.length) return layout;
    fields.splice(fi, 1);
    if (by < 0) sections[ni].fields.push(name);
    else sections[ni].fields.unshift(name);
  }
  return { ...layout, sections };
}

/** Removes section `index`; its fields join the section before it (or the next one when it was first). */
export function removeSection(layout: FormLayout, index: number): FormLayout {
  const orphans = layout.sections[index]?.fields ?? [];
  const sections = layout.sections.filter((_, j) => j !== index).map((s) => ({ ...s, fields: [...s.fields] }));
  if (sections.length > 0) sections[Math.max(0, index - 1)].fields.push(...orphans);
  return { ...layout, sections };
}
