/**
 * The published metadata version the app runs on (lists, forms, navigation), reloaded after a publish. When a
 * plugin the version needs is missing, the server serves it without the suspended components: data screens use
 * that (`doc`), the studio edits the version as stored (`stored`), so publishing a draft keeps those components.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MetadataDocument, SuspendedComponent } from '@trellis/metadata';
import { fetchCurrentMetadata, type MetadataVersion } from '../api/metadata-api.js';

interface MetadataState {
  current: MetadataVersion | null;
  /** What the app runs on now: the served document. */
  doc: MetadataDocument;
  /** The published document as stored, suspended components included: what the studio edits. */
  stored: MetadataDocument;
  /** The components a missing plugin suspended (empty when all is served). */
  suspended: SuspendedComponent[];
  version: number;
  loading: boolean;
  error: Error | null;
  reload: () => Promise<MetadataVersion | null>;
  /** Uses a version the server just returned (after publish) without another round trip. */
  adopt: (version: MetadataVersion) => void;
}

const EMPTY: MetadataDocument = { entities: {} };
const NONE: SuspendedComponent[] = [];

const MetadataContext = createContext<MetadataState | null>(null);

export function MetadataProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<MetadataVersion | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const next = await fetchCurrentMetadata();
      setCurrent(next);
      setError(null);
      return next;
    } catch (e) {
      setError(e as Error);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<MetadataState>(
    () => ({
      current,
      doc: current?.servedDocument ?? current?.document ?? EMPTY,
      stored: current?.document ?? EMPTY,
      suspended: current?.suspended ?? NONE,
      version: current?.version ?? 0,
      loading,
      error,
      reload,
      adopt: (v) => setCurrent(v),
    }),
    [current, loading, error, reload],
  );
  return <MetadataContext.Provider value={value}>{children}</MetadataContext.Provider>;
}

export function useMetadata(): MetadataState {
  const state = useContext(MetadataContext);
  if (!state) throw new Error('useMetadata outside MetadataProvider');
  return state;
}
