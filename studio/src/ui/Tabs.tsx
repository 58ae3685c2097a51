/**
 * Tabs over one panel: a tablist whose arrow keys move between the tabs (only the current tab is in the tab
 * order) and the current tab's panel. Which tab is current is the caller's (the studio keeps it in the URL).
 */
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabsProps {
  tabs: readonly { id: string; label: string }[];
  current: string;
  onSelect: (id: string) => void;
  /** Names the tablist. */
  label: string;
  /** Starts the ids of the tabs and panels: `<idPrefix>tab-<id>`, `<idPrefix>panel-<id>`. */
  idPrefix?: string;
  /** The current tab's panel. */
  children: ReactNode;
}

export function Tabs({ tabs, current, onSelect, label, idPrefix = '', children }: TabsProps) {
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].id);
    window.setTimeout(() => document.getElementById(`${idPrefix}tab-${tabs[next].id}`)?.focus(), 0);
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${idPrefix}tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={current === t.id}
            aria-controls={`${idPrefix}panel-${t.id}`}
            tabIndex={current === t.id ? 0 : -1}
            className={current === t.id ? 'tab active' : 'tab'}
            onClick={() => onSelect(t.id)}
            onKeyDown={onKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}panel-${current}`} aria-labelledby={`${idPrefix}tab-${current}`} className="tab-panel">
        {children}
      </div>
    </>
  );
}
