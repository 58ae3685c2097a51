/**
 * The runs matching a filter, newest first, page by page ("Load older runs"), refreshed every few seconds while
 * one of them is still queued, running or waiting (only while a single page is shown, so rows never jump).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchWorkflowRuns, RUN_PAGE, type RunFilter, type WorkflowRun } from '../api/workflows-api.js';
import { useAsync } from '../lib/use-async.js';
import { usePoll } from '../lib/use-poll.js';
import { isUnfinished } from './run-status.js';

export const RUNS_REFRESH_MS = 5000;

export interface RunPages {
  runs: WorkflowRun[];
  loading: boolean;
  error: Error | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: Error | null;
  reload: () => void;
  loadMore: () => Promise<void>;
  /** Puts a run changed here (retried, cancelled) in place of its old row. */
  replace: (run: WorkflowRun) => void;
}

/** `idlePollMs`: also look for new runs this often when none is unfinished (the record page: runs start after a save). */
export function useRunPages(filter: RunFilter, idlePollMs?: number): RunPages {
  const key = JSON.stringify(filter);
  const first = useAsync(() => fetchWorkflowRuns({ ...filter, first: RUN_PAGE }), [key]);
  const [more, setMore] = useState<WorkflowRun[]>([]);
  const [moreHasMore, setMoreHasMore] = useState<boolean | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const [changed, setChanged] = useState<Map<string, WorkflowRun>>(new Map());
  useEffect(() => {
    setMore([]);
    setMoreHasMore(null);
    setMoreError(null);
    setChanged(new Map());
  }, [first.data]);

  const runs = useMemo(
    () => [...(first.data?.runs ?? []), ...more].map((r) => changed.get(r.id) ?? r),
    [first.data, more, changed],
  );
  const hasMore = moreHasMore ?? first.data?.hasMore ?? false;

  const loadMore = async () => {
    const last = runs[runs.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchWorkflowRuns({ ...filter, first: RUN_PAGE, before: last.createdAt });
      setMore((m) => [...m, ...page.runs]);
      setMoreHasMore(page.hasMore);
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  };

  const replace = useCallback((run: WorkflowRun) => setChanged((m) => new Map(m).set(run.id, run)), []);
  const busy = runs.some((r) => isUnfinished(r.status));
  usePoll(first.reload, more.length > 0 ? null : busy ? RUNS_REFRESH_MS : (idlePollMs ?? null));

  return { runs, loading: first.loading, error: first.error, hasMore, loadingMore, moreError, reload: first.reload, loadMore, replace };
}
