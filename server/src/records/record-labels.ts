/**
 * Display values of records (tasks show which record they are about), read AS THE CALLER: a record they
 * may not read, or whose display field is hidden from them, has no label rather than leaking one.
 */
import { displayFieldOf, formatValue } from '@trellis/runtime';
import type { RequestContext } from '../common/request-context.js';
import type { RecordService } from './record.service.js';

const MAX_PER_ENTITY = 500;

/** `entity:id` → label, for the given references (one list read per entity). */
export async function recordLabels(
  records: RecordService,
  ctx: RequestContext,
  refs: { entity: string | null; recordId: string | null }[],
): Promise<Map<string, string>> {
  const byEntity = new Map<string, Set<string>>();
  for (const { entity, recordId } of refs) {
    if (!entity || !recordId) continue;
    let ids = byEntity.get(entity);
    if (!ids) byEntity.set(entity, (ids = new Set()));
    ids.add(recordId);
  }
  const labels = new Map<string, string>();
  if (byEntity.size === 0) return labels;
  const { document } = await records.model(ctx);
  for (const [entity, ids] of byEntity) {
    const def = document.entities[entity];
    const field = def ? displayFieldOf(def) : undefined;
    if (!field) continue;
    try {
      const page = await records.list(
        ctx,
        entity,
        { filter: { id: { in: [...ids].slice(0, MAX_PER_ENTITY) } }, first: MAX_PER_ENTITY },
        { selection: { totalCount: false, pageInfo: false, cursors: false, node: { fields: [{ key: 'id', field: 'id' }, { key: 'label', field }] } } },
      );
      for (const { node } of page.edges) labels.set(`${entity}:${String(node['id'])}`, formatValue(node['label']));
    } catch {
      // The caller may not read this entity or its display field: no labels, not an error for the whole list.
    }
  }
  return labels;
}
