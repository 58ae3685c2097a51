/**
 * The record form's layout template for @rjsf/core: the form layout's sections (1–4 columns), grouped under
 * tabs when sections name one (sections without a tab stay above the tabs), and without the fields the form
 * conditions hide. The active tab lives in the form (so "focus the first invalid field" can switch to it).
 */
import { createContext, useContext, useId, type KeyboardEvent } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import type { EntityDefinition } from '@trellis/metadata';
import type { RecordFormContext } from './widgets.js';

export interface SectionSpec {
  label: string;
  columns: number;
  fields: string[];
  tab?: string;
}

interface TabsState {
  active: string | null;
  select: (tab: string) => void;
  /** Messages shown per field (a tab counts the fields with errors it holds). */
  errors: Record<string, string[]>;
}

export const FormTabsContext = createContext<TabsState>({ active: null, select: () => {}, errors: {} });

/**
 * Runtime's resolved sections (label, columns, fields) with the `tab` of the layout section each came from.
 * Resolution keeps the layout's order and drops empty sections; "Other fields" has no tab.
 */
export function sectionsWithTabs(entity: EntityDefinition | undefined, resolved: { label: string; columns: number; fields: string[] }[]): SectionSpec[] {
  const layoutSections = entity?.layouts?.form?.sections ?? [];
  let from = 0;
  return resolved.map((section) => {
    for (let i = from; i < layoutSections.length; i++) {
      const candidate = layoutSections[i];
      if (candidate.label === section.label && section.fields.every((f) => candidate.fields.includes(f))) {
        from = i + 1;
        return candidate.tab ? { ...section, tab: candidate.tab } : section;
      }
    }
    return section;
  });
}

/** The tabs in order of first appearance. */
export const tabsOf = (sections: SectionSpec[]): string[] => [...new Set(sections.map((s) => s.tab).filter((t): t is string => !!t))];

/** The tab holding `field`, if it is in a tabbed section. */
export const tabOfField = (sections: SectionSpec[], field: string): string | undefined => sections.find((s) => s.fields.includes(field))?.tab;

export function FormSectionsTemplate({ properties, uiSchema, registry }: ObjectFieldTemplateProps) {
  const ctx = registry.formContext as RecordFormContext;
  const tabsState = useContext(FormTabsContext);
  const baseId = useId();
  const byName = new Map(properties.map((p) => [p.name, p]));
  const declared = (uiSchema?.['ui:sections'] as SectionSpec[] | undefined) ?? [];
  const placed = new Set(declared.flatMap((s) => s.fields));
  const leftovers = properties.filter((p) => !placed.has(p.name)).map((p) => p.name);
  const sections = leftovers.length ? [...declared, { label: declared.length ? 'Other fields' : 'Details', columns: 2, fields: leftovers }] : declared;
  const visible = (name: string) => ctx.fieldStates?.[name]?.visible !== false;
  const tabs = tabsOf(sections).filter((t) => sections.some((s) => s.tab === t && s.fields.some((f) => byName.has(f) && visible(f))));
  const active = tabs.includes(tabsState.active ?? '') ? tabsState.active! : tabs[0];

  const renderSection = (section: SectionSpec, i: number) => {
    const items = section.fields.map((f) => byName.get(f)).filter((p): p is NonNullable<typeof p> => !!p && !p.hidden && visible(p.name));
    if (items.length === 0) return null;
    const headingId = `${baseId}-section-${i}`;
    return (
      <section key={i} className="form-section">
        <h2 id={headingId} className="form-section-title">
          {section.label}
        </h2>
        <div className={`form-grid cols-${Math.min(4, Math.max(1, section.columns || 1))}`}>
          {items.map((p) => (
            <div key={p.name} className="form-cell">
              {p.content}
            </div>
          ))}
        </div>
      </section>
    );
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = tabs.indexOf(active);
    const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
    if (next < 0) return;
    e.preventDefault();
    tabsState.select(tabs[next]);
    window.setTimeout(() => document.getElementById(`${baseId}-tab-${next}`)?.focus(), 0);
  };
  const errorCount = (tab: string) =>
    sections.filter((s) => s.tab === tab).reduce((n, s) => n + s.fields.filter((f) => visible(f) && (tabsState.errors[f]?.length ?? 0) > 0).length, 0);

  return (
    <div className="form-sections">
      {sections.map((s, i) => (s.tab ? null : renderSection(s, i)))}
      {tabs.length > 0 && (
        <div className="form-tabbed">
          <div className="form-tabs" role="tablist" aria-label="Form tabs">
            {tabs.map((tab, i) => {
              const errors = errorCount(tab);
              return (
                <button
                  key={tab}
                  id={`${baseId}-tab-${i}`}
                  type="button"
                  role="tab"
                  className="form-tab"
                  aria-selected={tab === active}
                  aria-controls={`${baseId}-panel-${i}`}
                  tabIndex={tab === active ? 0 : -1}
                  onClick={() => tabsState.select(tab)}
                  onKeyDown={onTabKey}
                >
                  {tab}
                  {errors > 0 && (
                    <span className="form-tab-errors" aria-label={`${errors} field${errors === 1 ? '' : 's'} with problems`}>
                      {errors}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
          {tabs.map((tab, i) => (
            <div key={tab} id={`${baseId}-panel-${i}`} role="tabpanel" aria-labelledby={`${baseId}-tab-${i}`} hidden={tab !== active}>
              {sections.map((s, j) => (s.tab === tab ? renderSection(s, j) : null))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
