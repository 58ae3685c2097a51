/** Studio-side access to the field-type registry (labels, operators, widgets) with safe fallbacks. */
import { findFieldType, listFieldTypes, type FieldTypeDefinition, type FilterOperator } from '@trellis/metadata';

export function fieldTypeOf(typeName: string): FieldTypeDefinition | undefined {
  try {
    return findFieldType(typeName);
  } catch {
    return undefined;
  }
}

export const fieldTypeLabel = (typeName: string): string => fieldTypeOf(typeName)?.label ?? typeName;

export const filterOperatorsOf = (typeName: string): FilterOperator[] => fieldTypeOf(typeName)?.filterOperators ?? [];

export const isSortableType = (typeName: string): boolean => fieldTypeOf(typeName)?.sortable ?? false;

export const widgetOf = (typeName: string): string => fieldTypeOf(typeName)?.widget ?? 'text';

export const allFieldTypes = (): FieldTypeDefinition[] => listFieldTypes();
