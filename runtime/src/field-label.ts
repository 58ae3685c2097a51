/**
 * The label a person reads for a field: its metadata `label`, else its name in sentence case
 * (`closeDate` → `Close date`, `id` → `ID`).
 */
export function formatFieldLabel(fieldName: string, field?: { label?: string }): string {
  if (field?.label) return field.label;
  if (fieldName === 'id') return 'ID';
  const words = fieldName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
