/**
 * Which installed pack a component came from (the server's componentOrigins: `{ "/entities/case": "service@1.0.0" }`),
 * for the badges of the entity and field tables, so a power user sees what a pack upgrade may change.
 */
import { useMetadata } from '../app/metadata-context.js';
import { fetchComponentOrigins } from '../api/packs-api.js';
import { useAsync } from '../lib/use-async.js';

/** The JSON pointer of an entity, or of one of its fields. */
export const componentPointer = (entity: string, field?: string): string =>
  field === undefined ? `/entities/${entity}` : `/entities/${entity}/fields/${field}`;

/** `service 1.0.0` for a component a pack brought; undefined for the workspace's own. */
export function originText(origins: Record<string, string> | undefined, pointer: string): string | undefined {
  const origin = origins?.[pointer];
  if (!origin) return undefined;
  const at = origin.lastIndexOf('@');
  return at > 0 ? `${origin.slice(0, at)} ${origin.slice(at + 1)}` : origin;
}

/** The origins of the published components, reloaded after each publish (empty until loaded or when unavailable). */
export function useComponentOrigins(): Record<string, string> | undefined {
  const { version } = useMetadata();
  return useAsync(fetchComponentOrigins, [version]).data;
}
