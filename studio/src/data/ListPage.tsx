/**
 * End-user list of an entity: columns from the list layout (or the chosen saved view), sorting, filters,
 * search and keyset paging. The chosen view is in the URL (`?view=openDeals`) and sent as the `view` argument.
 */
import { useId, useMemo, useState } from 'react';
import { toListColumns, type ListColumn } from '@trellis/runtime';
import type { SortSpec } from '@trellis/metadata';
import { useMetadata } from '../app/metadata-context.js';
import { href, navigate, useRoute } from '../app/router.js';
import { recordsClient } from '../api/graphql-client.js';
import { buildFilter } from '../api/filters.js';
import { buildListQuery } from '../api/record-queries.js';
import { useAsync, useDebounced } from '../lib/use-async.js';
import { Icon } from '../ui/Icon.js';
import { ErrorBanner, EmptyState } from '../ui/Feedback.js';
import { CellValue } from './CellValue.js';
import { FilterBar, type ActiveFilter } from './FilterBar.js';
import { withViewLayout } from './list-views.js';
import { canRead, hiddenFields, recordRights } from './access-document.js';
import { NoAccess } from './NoAccess.js';
import { useAccess, useDataDocument } from './use-access.js';
import { inSentence } from './data-locale.js';
import { useDataLocale } from './use-data-locale.js';
import { SuspendedEntityNotice } from '../app/SuspendedNotice.js';

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Record<string, unknown> }[];
}

interface PageRequest {
  after?: string;
  before?: string;
  /** Index of the first row of the page in the whole result (for "51–100 of 213"). */
  offset: number;
  /** The question (sort, filters, search) the cursors belong to; another question starts on page one. */
  question: string;
}

export function ListPage({ entityName }: { entityName: string }) {
  const route = useRoute();
  const access = useAccess();
  const requested = route.query.get('view') ?? '';
  if (!access.admin && !canRead(access, entityName)) return <NoAccess entityName={entityName} />;
  // Sort, filters and paging start over in another view.
  return <EntityList key={requested} entityName={entityName} requestedView={requested} />;
}

function EntityList({ entityName, requestedView }: { entityName: string; requestedView: string }) {
  const { doc: published, version } = useMetadata();
  // Columns, filters, sorts and the query come from the document without the fields hidden from this person.
  const { doc, access } = useDataDocument();
  const { locale } = useDataLocale();
  const rights = recordRights(access, entityName);
  // A role that reads only some records (its own, its team's) sees an empty list without "no records exist".
  const seesAll = access.admin || !!access.entities[entityName]?.read.some((g) => g.scope === true);
  const hidden = useMemo(() => hiddenFields(published, access, entityName), [published, access, entityName]);
  const entity = doc.entities[entityName];
  const viewName = requestedView && entity.views?.[requestedView] ? requestedView : undefined;
  const views = Object.entries(entity.views ?? {});
  const pickerId = useId();
  const view = useMemo(() => toListColumns(withViewLayout(doc, entityName, viewName), entityName), [doc, entityName, viewName]);
  const [sort, setSort] = useState<SortSpec[]>(view.sort);
  const [filters, setFilters] = useState<ActiveFilter[]>([]);
  const [search, setSearch] = useState('');
  const debouncedSearch = useDebounced(search, 250);
  const pageSize = view.pageSize;
  const question = JSON.stringify([version, viewName, sort, filters, debouncedSearch]);
  const [requested, setPage] = useState<PageRequest>({ offset: 0, question });
  // Cursors only make sense for the question they were issued for.
  const page = requested.question === question ? requested : { offset: 0, question };

  const fieldNames = view.columns.map((c) => c.field);
  const displayField = entity.displayField && entity.fields[entity.displayField] ? entity.displayField : undefined;
  const selected = displayField && !fieldNames.includes(displayField) ? [...fieldNames, displayField] : fieldNames;

  const result = useAsync(async () => {
    const op = buildListQuery(doc, entityName, {
      fields: selected,
      filter: buildFilter(doc, entityName, filters, debouncedSearch),
      orderBy: sort,
      view: viewName,
      ...(page.before ? { last: pageSize, before: page.before } : { first: pageSize, after: page.after }),
    });
    const data = await recordsClient.request<Record<string, Connection>>(op.query, op.variables);
    return data[entity.plural];
  }, [doc, entityName, question, page.after, page.before, pageSize]);

  const connection = result.data;
  const rows = connection?.edges ?? [];
  const total = connection?.totalCount ?? 0;
  const first = rows.length ? page.offset + 1 : 0;
  const last = page.offset + rows.length;

  const toggleSort = (column: ListColumn) => {
    const currentDir = sort[0]?.field === column.field ? sort[0].direction : undefined;
    setSort([{ field: column.field, direction: currentDir === 'asc' ? 'desc' : 'asc' }]);
  };

  const openRow = (id: unknown) => navigate(`/data/${entityName}/${String(id)}`);
  const primary = view.columns[0]?.field;

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>{entity.pluralLabel}</h1>
          {entity.description && <p className="page-subtitle">{entity.description}</p>}
        </div>
        {rights.create && (
          <a className="btn btn-primary" href={href(`/data/${entityName}/new`)}>
            <Icon name="plus" /> New {inSentence(entity.label, locale)}
          </a>
        )}
      </header>
      <SuspendedEntityNotice entity={entityName} />

      {views.length > 0 && (
        <div className="view-picker">
          <label className="field-label" htmlFor={pickerId}>
            View
          </label>
          <select
            id={pickerId}
            className="input"
            value={viewName ?? ''}
            onChange={(e) => navigate(`/data/${entityName}${e.target.value ? `?view=${encodeURIComponent(e.target.value)}` : ''}`, { replace: true })}
          >
            <option value="">All {inSentence(entity.pluralLabel, locale)}</option>
            {views.map(([name, v]) => (
              <option key={name} value={name}>
                {v.label || name}
              </option>
            ))}
          </select>
        </div>
      )}
      {requestedView && !viewName && (
        <p className="banner banner-warning" role="status">
          There is no view “{requestedView}” any more; showing all {inSentence(entity.pluralLabel, locale)}.
        </p>
      )}

      <FilterBar doc={doc} entityName={entityName} hidden={hidden} search={search} onSearch={setSearch} filters={filters} onFiltersChange={setFilters} />

      {result.error && (
        <ErrorBanner title={`Cannot load ${inSentence(entity.pluralLabel, locale)}`} onRetry={result.reload}>
          {result.error.message}
        </ErrorBanner>
      )}

      <div className={result.loading ? 'table-wrap loading' : 'table-wrap'} aria-busy={result.loading}>
        <table className="data-table" aria-label={entity.pluralLabel}>
          <thead>
            <tr>
              {view.columns.map((column) => {
                const dir = sort[0]?.field === column.field ? sort[0].direction : undefined;
                return (
                  <th
                    key={column.field}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    className={isNumeric(column) ? 'num' : undefined}
                  >
                    {column.sortable ? (
                      <button type="button" className="th-sort" onClick={() => toggleSort(column)}>
                        {column.label}
                        <span className={dir ? 'sort-arrow active' : 'sort-arrow'} aria-hidden="true">
                          {dir === 'desc' ? '↓' : dir === 'asc' ? '↑' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <span className="th-plain">{column.label}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node }) => (
              <tr key={String(node.id)} className="clickable" onClick={() => openRow(node.id)}>
                {view.columns.map((column) => (
                  <td key={column.field} className={isNumeric(column) ? 'num' : undefined}>
                    {column.field === primary ? (
                      <a className="row-link" href={href(`/data/${entityName}/${String(node.id)}`)} onClick={(e) => e.stopPropagation()}>
                        <CellValue doc={doc} name={column.field} field={entity.fields[column.field]} value={node[column.field]} />
                        {isBlank(node[column.field]) && <span className="muted">Untitled</span>}
                      </a>
                    ) : (
                      <CellValue doc={doc} name={column.field} field={entity.fields[column.field]} value={node[column.field]} />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!result.loading && !result.error && rows.length === 0 && (
          <EmptyState
            title={
              filters.length || debouncedSearch || viewName
                ? 'No matching records'
                : seesAll
                  ? `No ${inSentence(entity.pluralLabel, locale)} yet`
                  : `No ${inSentence(entity.pluralLabel, locale)} you can see yet`
            }
            action={
              filters.length || debouncedSearch || viewName || !rights.create ? undefined : (
                <a className="btn" href={href(`/data/${entityName}/new`)}>
                  Create the first {inSentence(entity.label, locale)}
                </a>
              )
            }
          >
            {filters.length || debouncedSearch || viewName ? 'Try other filters or search words.' : undefined}
          </EmptyState>
        )}
      </div>

      <nav className="pager" aria-label="Pagination">
        <span className="pager-range" aria-live="polite">
          {total === 0 ? '0 records' : `${first}–${last} of ${total}`}
        </span>
        <button
          type="button"
          className="btn btn-icon-text"
          aria-label="Previous page"
          disabled={page.offset === 0 || result.loading}
          onClick={() => connection && setPage({ before: connection.pageInfo.startCursor ?? undefined, offset: Math.max(0, page.offset - pageSize), question })}
        >
          <Icon name="chevronLeft" /> Prev
        </button>
        <button
          type="button"
          className="btn btn-icon-text"
          aria-label="Next page"
          disabled={!connection || last >= total || result.loading}
          onClick={() => connection && setPage({ after: connection.pageInfo.endCursor ?? undefined, offset: page.offset + rows.length, question })}
        >
          Next <Icon name="chevronRight" />
        </button>
      </nav>
    </div>
  );
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';
const isNumeric = (c: ListColumn) => ['integer', 'decimal', 'currency', 'percent'].includes(c.fieldType);
