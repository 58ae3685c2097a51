/**
 * A record's toMany relations (oneToMany and manyToMany) as small tables linking to the related records. `doc` is
 * the document as the person may use it (relations to entities they cannot read and hidden columns are not in it).
 */
import { useMemo } from 'react';
import { toListColumns } from '@trellis/runtime';
import type { MetadataDocument } from '@trellis/metadata';
import { recordsClient } from '../api/graphql-client.js';
import { buildRelatedQuery, isToMany } from '../api/record-queries.js';
import { href, navigate } from '../app/router.js';
import { useAsync } from '../lib/use-async.js';
import { Icon } from '../ui/Icon.js';
import { CellValue } from './CellValue.js';
import { recordRights } from './access-document.js';
import { useAccess } from './use-access.js';
import { inSentence } from './data-locale.js';
import { useDataLocale } from './use-data-locale.js';

export function RelatedLists({ doc, entityName, id }: { doc: MetadataDocument; entityName: string; id: string }) {
  const entity = doc.entities[entityName];
  const relations = Object.entries(entity.fields).filter(([, f]) => isToMany(f) && f.target && doc.entities[f.target]);
  if (relations.length === 0) return null;
  return (
    <div className="related">
      {relations.map(([name]) => (
        <RelatedList key={name} doc={doc} entityName={entityName} id={id} field={name} />
      ))}
    </div>
  );
}

function RelatedList({ doc, entityName, id, field }: { doc: MetadataDocument; entityName: string; id: string; field: string }) {
  const { locale } = useDataLocale();
  const def = doc.entities[entityName].fields[field];
  const targetName = def.target!;
  const target = doc.entities[targetName];
  const columns = useMemo(
    () => toListColumns(doc, targetName).columns.filter((c) => c.field !== def.inverse).slice(0, 4),
    [doc, targetName, def.inverse],
  );
  const result = useAsync(async () => {
    const op = buildRelatedQuery(doc, entityName, id, field, columns.map((c) => c.field));
    const data = await recordsClient.request<Record<string, Record<string, unknown> | null>>(op.query, op.variables);
    return (data[entityName]?.[field] as Record<string, unknown>[] | undefined) ?? [];
  }, [doc, entityName, id, field]);
  const rows = result.data ?? [];
  const headingId = `related-${field}`;
  const access = useAccess();
  const canCreate = def.cardinality === 'oneToMany' && def.inverse && recordRights(access, targetName).create;

  return (
    <section className="card related-list">
      <header className="related-header">
        <h2 id={headingId}>
          {def.label} <span className="count">{result.data ? rows.length : ''}</span>
        </h2>
        {canCreate && (
          <a className="btn btn-small" href={href(`/data/${targetName}/new?${encodeURIComponent(def.inverse!)}=${encodeURIComponent(id)}`)}>
            <Icon name="plus" /> New {inSentence(target.label, locale)}
          </a>
        )}
      </header>
      {result.error && <p className="field-error">{result.error.message}</p>}
      {result.data && rows.length === 0 && <p className="muted related-empty">No {inSentence(def.label, locale)} yet.</p>}
      {rows.length > 0 && (
        <table className="data-table compact" aria-label={`Related ${inSentence(def.label, locale)}`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.field} scope="col" className={isNumeric(c.fieldType) ? 'num' : undefined}>
                  <span className="th-plain">{c.label}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row.id)} className="clickable" onClick={() => navigate(`/data/${targetName}/${String(row.id)}`)}>
                {columns.map((c, i) => (
                  <td key={c.field} className={isNumeric(c.fieldType) ? 'num' : undefined}>
                    {i === 0 ? (
                      <a className="row-link" href={href(`/data/${targetName}/${String(row.id)}`)} onClick={(e) => e.stopPropagation()}>
                        <CellValue doc={doc} name={c.field} field={target.fields[c.field]} value={row[c.field]} />
                        {(row[c.field] == null || row[c.field] === '') && <span className="muted">Untitled</span>}
                      </a>
                    ) : (
                      <CellValue doc={doc} name={c.field} field={target.fields[c.field]} value={row[c.field]} />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const isNumeric = (fieldType: string) => ['integer', 'decimal', 'currency', 'percent'].includes(fieldType);
