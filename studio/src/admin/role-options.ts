/** The roles a user or an API key can be given: the built-in `admin`, then the document's roles by label. */
import { ADMIN_ROLE, type MetadataDocument } from '@trellis/metadata';

export interface RoleOption {
  name: string;
  label: string;
  description?: string;
}

export const ADMIN_OPTION: RoleOption = {
  name: ADMIN_ROLE,
  label: 'Administrator',
  description: 'Full access to every record, the metadata and the users.',
};

export function roleOptions(doc: MetadataDocument): RoleOption[] {
  const defined = Object.entries(doc.roles ?? {})
    .map(([name, role]) => ({ name, label: role.label || name, description: role.description }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [ADMIN_OPTION, ...defined];
}

/** A role's label; a name no longer in the document (removed at a publish) shows as itself. */
export function roleLabel(name: string, doc: MetadataDocument): string {
  if (name === ADMIN_ROLE) return ADMIN_OPTION.label;
  return doc.roles?.[name]?.label ?? name;
}

/** Whether a role name is still known (admin or in the document): unknown ones grant nothing. */
export function roleKnown(name: string, doc: MetadataDocument): boolean {
  return name === ADMIN_ROLE || !!doc.roles?.[name];
}
