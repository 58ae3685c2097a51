/** Saved list views as the end-user list applies them (the server applies their filter through `view`). */
import type { MetadataDocument } from '@trellis/metadata';

/** The document as the list sees it with saved view `viewName` chosen: its columns and sort replace the layout's. */
export function withViewLayout(doc: MetadataDocument, entityName: string, viewName: string | undefined): MetadataDocument {
  const entity = doc.entities[entityName];
  const saved = viewName ? entity.views?.[viewName] : undefined;
  if (!saved || (!saved.columns?.length && !saved.sort?.length)) return doc;
  const list = entity.layouts?.list ?? { columns: [] };
  const layout = { ...list, columns: saved.columns?.length ? saved.columns : list.columns, sort: saved.sort?.length ? saved.sort : list.sort };
  return { ...doc, entities: { ...doc.entities, [entityName]: { ...entity, layouts: { ...entity.layouts, list: layout } } } };
}

