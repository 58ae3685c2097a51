/** Draft controls shown on studio pages: undo/redo (Ctrl+Z / Ctrl+Shift+Z), discard, and the way to publish. */
import { useEffect, useState } from 'react';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { SuspendedBanner } from '../app/SuspendedNotice.js';
import { href } from '../app/router.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Icon } from '../ui/Icon.js';

const isEditable = (el: EventTarget | null): boolean => {
  if (!(el instanceof HTMLElement)) return false;
  if (el.closest('.monaco-editor')) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || el.isContentEditable) return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
};

export function StudioToolbar() {
  const { dirty, canUndo, canRedo, undo, redo, discard, baseVersion, problems } = useDraft();
  const { version } = useMetadata();
  const [confirm, setConfirm] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return (
    <>
      <div className="studio-toolbar" role="toolbar" aria-label="Draft">
        <span className={dirty ? 'draft-state dirty' : 'draft-state'}>
          {dirty ? (
            <>
              <span className="dot" aria-hidden="true" /> Draft with unpublished changes
            </>
          ) : (
            <>Published version {version}</>
          )}
          {dirty && baseVersion !== version && (
            <span className="draft-stale"> · based on version {baseVersion}; version {version} was published since</span>
          )}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-icon" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={undo}>
          <Icon name="undo" />
        </button>
        <button type="button" className="btn btn-icon" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={redo}>
          <Icon name="redo" />
        </button>
        <button type="button" className="btn" disabled={!dirty && !canUndo} onClick={() => setConfirm(true)}>
          Discard draft
        </button>
        <a className={dirty ? 'btn btn-primary' : 'btn'} href={href('/studio/publish')} aria-disabled={!dirty || undefined}>
          Review &amp; publish{problems.length > 0 && dirty ? ` (${problems.length} problem${problems.length === 1 ? '' : 's'})` : ''}
        </a>
        <ConfirmDialog
          open={confirm}
          title="Discard the draft?"
          confirmLabel="Discard draft"
          danger
          onConfirm={() => {
            discard();
            setConfirm(false);
          }}
          onCancel={() => setConfirm(false)}
        >
          <p>All unpublished changes are lost. The studio shows published version {version} again.</p>
        </ConfirmDialog>
      </div>
      <SuspendedBanner />
    </>
  );
}
