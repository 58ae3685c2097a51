/** Administration → Security log: sign-ins, failures, lockouts, user and key changes; filter by kind and user. */
import { useEffect, useMemo, useState } from 'react';
import { navigate, useRoute } from '../app/router.js';
import { formatDateTime, relativeTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';
import { EmptyState, ErrorBanner, Spinner } from '../ui/Feedback.js';
import { fetchSecurityLog, fetchUsers, type SecurityEvent } from './admin-api.js';
import { AdminHeader } from './AdminHeader.js';
import { describeDetail, eventKindLabel, eventTone, SECURITY_EVENT_KINDS } from './security-events.js';

const PAGE = 50;

export function SecurityLogPage() {
  const route = useRoute();
  const kind = route.query.get('kind') ?? '';
  const userId = route.query.get('user') ?? '';
  const users = useAsync(() => fetchUsers(true), []);
  const first = useAsync(() => fetchSecurityLog({ kind, userId, first: PAGE }), [kind, userId]);
  const [more, setMore] = useState<SecurityEvent[]>([]);
  const [end, setEnd] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  useEffect(() => {
    setMore([]);
    setEnd(false);
    setMoreError(null);
  }, [first.data]);

  const events = useMemo(() => [...(first.data ?? []), ...more], [first.data, more]);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.name])), [users.data]);
  const hasMore = !end && (first.data?.length ?? 0) === PAGE;

  const setFilter = (key: 'kind' | 'user', value: string) => {
    const query = new URLSearchParams(route.query);
    if (value) query.set(key, value);
    else query.delete(key);
    const qs = query.toString();
    navigate(`/admin/security-log${qs ? `?${qs}` : ''}`, { replace: true });
  };

  const loadMore = async () => {
    const last = events[events.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchSecurityLog({ kind, userId, first: PAGE, before: last.id });
      setMore((m) => [...m, ...page]);
      if (page.length < PAGE) setEnd(true);
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="page page-wide">
      <AdminHeader title="Security log" subtitle="Sign-ins, failed attempts, lockouts and changes to users and API keys, newest first." />
      <div className="filter-row">
        <select className="input filter-select" aria-label="Event kind" value={kind} onChange={(e) => setFilter('kind', e.target.value)}>
          <option value="">All events</option>
          {Object.entries(SECURITY_EVENT_KINDS).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </select>
        <select className="input filter-select" aria-label="User" value={userId} onChange={(e) => setFilter('user', e.target.value)}>
          <option value="">All users</option>
          {[...(users.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
        {(kind || userId) && (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => navigate('/admin/security-log', { replace: true })}>
            Clear filters
          </button>
        )}
      </div>
      {first.error && (
        <ErrorBanner title="Cannot load the security log" onRetry={first.reload}>
          {first.error.message}
        </ErrorBanner>
      )}
      {first.loading && !first.data && <Spinner label="Loading events" />}
      {first.data && events.length === 0 && <EmptyState title="No events">{kind || userId ? 'No event matches these filters.' : 'Nothing has happened yet.'}</EmptyState>}
      {events.length > 0 && (
        <div className={first.loading ? 'table-wrap loading' : 'table-wrap'}>
          <table className="data-table admin-table" aria-label="Security events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">User</th>
                <th scope="col">IP address</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at} title={formatDateTime(e.at)}>
                      {relativeTime(e.at)}
                    </time>
                  </td>
                  <td>
                    <span className={`chip ${eventTone(e.kind)}`}>{eventKindLabel(e.kind)}</span>
                  </td>
                  <td>{(e.userId && names.get(e.userId)) || e.email || (e.apiKeyId ? 'API key' : <span className="muted">—</span>)}</td>
                  <td className="mono muted">{e.ip ?? '—'}</td>
                  <td className="muted detail-cell" title={describeDetail(e.detail)}>
                    {describeDetail(e.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreError && <ErrorBanner onRetry={() => void loadMore()}>{moreError.message}</ErrorBanner>}
      {hasMore && (
        <div className="pager">
          <button type="button" className="btn" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? 'Loading…' : 'Load older events'}
          </button>
        </div>
      )}
    </div>
  );
}
