/**
 * The studio's draft document: edits land here (React state mirrored to localStorage, so a reload keeps
 * them), with undo/redo, and are checked live with `validateDocument`. Problems the published version has
 * already (components a missing plugin suspended) are not the draft's: the server lets them through, and so
 * does this check. Publishing turns the draft into a version.
 */
import { createContext, useCallback, useContext, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { problemsBeyond, validateDocument, type MetadataDocument, type MetadataProblem } from '@trellis/metadata';
import { useMetadata } from './metadata-context.js';
import { record, redo as redoHistory, startHistory, undo as undoHistory, type History } from '../studio/draft-history.js';
import { withoutRenameMarkers } from '../studio/doc-edits.js';
import { deepEqual } from '../lib/stable.js';

const STORAGE_KEY = 'trellis.studio.draft';

interface StoredDraft {
  baseVersion: number;
  document: MetadataDocument;
}

interface DraftState {
  /** The draft (or the published document when nothing was edited). */
  draft: MetadataDocument;
  /** The published version the draft started from. */
  baseVersion: number;
  /** Whether the draft differs from the published document. */
  dirty: boolean;
  problems: MetadataProblem[];
  canUndo: boolean;
  canRedo: boolean;
  /** Applies an edit; edits sharing `key` in quick succession are one undo step. */
  edit: (change: (doc: MetadataDocument) => MetadataDocument, key?: string) => void;
  /** Replaces the whole draft (JSON tab, restore of an old version) as one undo step. */
  replace: (doc: MetadataDocument, baseVersion?: number) => void;
  undo: () => void;
  redo: () => void;
  /** Drops the draft; the studio shows the published document again. */
  discard: () => void;
}

const DraftContext = createContext<DraftState | null>(null);

function readStored(): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    return parsed && typeof parsed.baseVersion === 'number' && parsed.document?.entities ? parsed : null;
  } catch {
    return null;
  }
}

function safeValidate(doc: MetadataDocument): MetadataProblem[] {
  try {
    return validateDocument(doc);
  } catch (e) {
    return [{ path: '', message: `The document could not be checked: ${(e as Error).message}`, code: 'VALIDATOR_ERROR' }];
  }
}

export function DraftProvider({ children }: { children: ReactNode }) {
  const { current, stored: published, version } = useMetadata();
  const [stored] = useState(readStored);
  const [history, setHistory] = useState<History<MetadataDocument> | null>(() => (stored ? startHistory(stored.document) : null));
  const [baseVersion, setBaseVersion] = useState<number | null>(stored?.baseVersion ?? null);

  const draft = history?.present ?? published;
  const base = baseVersion ?? version;
  const dirty = useMemo(
    () => history !== null && current !== null && !deepEqual(withoutRenameMarkers(history.present), withoutRenameMarkers(published)),
    [history, current, published],
  );

  useEffect(() => {
    if (history && baseVersion !== null) {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ baseVersion, document: history.present } satisfies StoredDraft));
    } else if (current) {
      window.localStorage.removeItem(STORAGE_KEY);
    }
  }, [history, baseVersion, current]);

  const edit = useCallback(
    (change: (doc: MetadataDocument) => MetadataDocument, key?: string) => {
      setHistory((h) => {
        const start = h ?? startHistory(withoutRenameMarkers(published));
        return record(start, change(start.present), key);
      });
      setBaseVersion((b) => b ?? version);
    },
    [published, version],
  );

  const replace = useCallback(
    (doc: MetadataDocument, nextBase?: number) => {
      setHistory((h) => record(h ?? startHistory(withoutRenameMarkers(published)), doc));
      setBaseVersion((b) => nextBase ?? b ?? version);
    },
    [published, version],
  );

  const undo = useCallback(() => setHistory((h) => (h ? undoHistory(h) : h)), []);
  const redo = useCallback(() => setHistory((h) => (h ? redoHistory(h) : h)), []);
  const discard = useCallback(() => {
    setHistory(null);
    setBaseVersion(null);
    window.localStorage.removeItem(STORAGE_KEY);
  }, []);

  const deferredDraft = useDeferredValue(draft);
  // Validated once per published version, not on every edit.
  const publishedProblems = useMemo(() => safeValidate(published), [published]);
  const problems = useMemo(() => problemsBeyond(safeValidate(deferredDraft), publishedProblems), [deferredDraft, publishedProblems]);

  const value = useMemo<DraftState>(
    () => ({
      draft,
      baseVersion: base,
      dirty,
      problems,
      canUndo: (history?.past.length ?? 0) > 0,
      canRedo: (history?.future.length ?? 0) > 0,
      edit,
      replace,
      undo,
      redo,
      discard,
    }),
    [draft, base, dirty, problems, history, edit, replace, undo, redo, discard],
  );
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

export function useDraft(): DraftState {
  const state = useContext(DraftContext);
  if (!state) throw new Error('useDraft outside DraftProvider');
  return state;
}
