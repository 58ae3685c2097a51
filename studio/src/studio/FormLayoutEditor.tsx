/**
 * Form layout: sections (label, 1–4 columns, optional tab) holding fields in order; fields move up/down across
 * sections; each field may have conditions (visible / required / read-only when).
 */
import { useState } from 'react';
import type { FormLayout, FormSection } from '@trellis/metadata';
import { describeCondition } from '@trellis/runtime';
import { useDraft } from '../app/draft-context.js';
import { EmptyState } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { belongsOnForm, defaultFormLayout, setFormLayout } from './doc-edits.js';
import { problemsForEntity, parseProblemPath } from './problem-paths.js';
import { moveField, removeSection as withoutSection } from './layout-edits.js';
import { ConditionsDialog } from './rules/ConditionsDialog.js';
import { withSectionTab } from './rules/rule-edits.js';

const CONDITION_BADGES = [
  ['visibleWhen', 'Visible when…'],
  ['requiredWhen', 'Required when…'],
  ['readOnlyWhen', 'Read-only when…'],
] as const;

export function FormLayoutEditor({ entityName }: { entityName: string }) {
  const { draft, edit, problems } = useDraft();
  const entity = draft.entities[entityName];
  const layout = entity.layouts?.form;
  const save = (next: FormLayout | undefined, key?: string) => edit((d) => setFormLayout(d, entityName, next), key);
  const [conditionsFor, setConditionsFor] = useState<string | null>(null);

  const layoutProblems = problemsForEntity(problems, entityName).filter((p) => {
    const loc = parseProblemPath(p.path);
    return !loc.field && loc.rest[0] === 'layouts' && loc.rest[1] === 'form';
  });

  if (!layout) {
    return (
      <EmptyState
        title="No form layout yet"
        action={
          <button type="button" className="btn btn-primary" onClick={() => save(defaultFormLayout(entity))}>
            Create form layout
          </button>
        }
      >
        Without a layout the form shows every field in one two-column section.
      </EmptyState>
    );
  }

  const placed = new Set(layout.sections.flatMap((s) => s.fields));
  const unplaced = Object.entries(entity.fields).filter(([n, f]) => belongsOnForm(f) && !placed.has(n));
  const label = (n: string) => entity.fields[n]?.label ?? n;
  const updateSection = (i: number, patch: Partial<FormSection>, key?: string) =>
    save({ ...layout, sections: layout.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) }, key);
  const moveSection = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= layout.sections.length) return;
    const sections = [...layout.sections];
    [sections[i], sections[j]] = [sections[j], sections[i]];
    save({ ...layout, sections });
  };
  const removeSection = (i: number) => save(withoutSection(layout, i));

  return (
    <div className="layout-editor">
      {layoutProblems.map((p, i) => (
        <p key={i} className="field-error">
          <Icon name="warning" size={13} /> {p.message}
        </p>
      ))}
      <div className="sections-editor">
        {layout.sections.map((section, i) => (
          <section key={i} className="card section-card" aria-label={`Section ${i + 1}: ${section.label}`}>
            <header className="section-card-header">
              <label className="visually-hidden" htmlFor={`section-${i}-label`}>
                Section {i + 1} label
              </label>
              <input
                id={`section-${i}-label`}
                className="input section-label-input"
                value={section.label}
                onChange={(e) => updateSection(i, { label: e.target.value }, `section-label-${i}`)}
              />
              <label className="inline-label" htmlFor={`section-${i}-columns`}>
                Columns
              </label>
              <select
                id={`section-${i}-columns`}
                aria-label={`Section ${i + 1} columns`}
                className="input input-narrow"
                value={section.columns ?? 1}
                onChange={(e) => updateSection(i, { columns: Number(e.target.value) })}
              >
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <label className="inline-label" htmlFor={`section-${i}-tab`}>
                Tab
              </label>
              <input
                id={`section-${i}-tab`}
                aria-label={`Section ${i + 1} tab`}
                className="input input-tab"
                list="form-layout-tabs"
                placeholder="(no tab)"
                title="Sections with the same tab show together under that tab"
                value={section.tab ?? ''}
                onChange={(e) => save(withSectionTab(layout, i, e.target.value), `section-tab-${i}`)}
              />
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move section ${section.label} up`} disabled={i === 0} onClick={() => moveSection(i, -1)}>
                <Icon name="chevronUp" />
              </button>
              <button
                type="button"
                className="btn btn-icon btn-ghost"
                aria-label={`Move section ${section.label} down`}
                disabled={i === layout.sections.length - 1}
                onClick={() => moveSection(i, 1)}
              >
                <Icon name="chevronDown" />
              </button>
              <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove section ${section.label}`} onClick={() => removeSection(i)}>
                <Icon name="trash" />
              </button>
            </header>
            {section.fields.length === 0 && <p className="muted small">Empty section: move fields here with the arrows.</p>}
            <ol className={`layout-fields cols-${section.columns ?? 1}`}>
              {section.fields.map((f, fi) => {
                return (
                  <li key={f} className={entity.fields[f] ? 'layout-field' : 'layout-field missing'}>
                    <span className="layout-field-label">
                      {label(f)}
                      {!entity.fields[f] && <span className="field-error"> (no such field)</span>}
                    </span>
                    <span className="layout-field-actions">
                      {entity.fields[f] && (
                        <button
                          type="button"
                          className={layout.conditions?.[f] ? 'btn btn-small btn-active condition-button' : 'btn btn-small btn-ghost condition-button'}
                          aria-label={`Conditions of ${label(f)}`}
                          title={
                            layout.conditions?.[f]
                              ? CONDITION_BADGES.filter(([k]) => layout.conditions?.[f]?.[k] !== undefined)
                                  .map(([k, text]) => `${text.replace('…', '')} ${describeCondition(layout.conditions![f]![k], label)}`)
                                  .join('; ')
                              : 'Visible / required / read-only when…'
                          }
                          onClick={() => setConditionsFor(f)}
                        >
                          {layout.conditions?.[f]
                            ? CONDITION_BADGES.filter(([k]) => layout.conditions?.[f]?.[k] !== undefined).map(([, text]) => text).join(' ')
                            : 'Conditions'}
                        </button>
                      )}
                      <button type="button" className="btn btn-icon btn-ghost" aria-label={`Move ${label(f)} up`} disabled={i === 0 && fi === 0} onClick={() => save(moveField(layout, f, -1))}>
                        <Icon name="arrowUp" />
                      </button>
                      <button
                        type="button"
                        className="btn btn-icon btn-ghost"
                        aria-label={`Move ${label(f)} down`}
                        disabled={i === layout.sections.length - 1 && fi === section.fields.length - 1}
                        onClick={() => save(moveField(layout, f, 1))}
                      >
                        <Icon name="arrowDown" />
                      </button>
                      <button
                        type="button"
                        className="btn btn-icon btn-ghost"
                        aria-label={`Remove ${label(f)} from the form`}
                        onClick={() => updateSection(i, { fields: section.fields.filter((x) => x !== f) })}
                      >
                        <Icon name="x" />
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
      <datalist id="form-layout-tabs">
        {[...new Set(layout.sections.map((s) => s.tab).filter((t): t is string => !!t))].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {conditionsFor && <ConditionsDialog entityName={entityName} field={conditionsFor} onClose={() => setConditionsFor(null)} />}
      <div className="layout-footer">
        <button
          type="button"
          className="btn"
          onClick={() => save({ ...layout, sections: [...layout.sections, { label: `Section ${layout.sections.length + 1}`, columns: 2, fields: [] }] })}
        >
          <Icon name="plus" /> Add section
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => save(undefined)}>
          Remove form layout
        </button>
      </div>
      {unplaced.length > 0 && (
        <section className="card" aria-labelledby="unplaced-title">
          <h3 id="unplaced-title" className="card-title">
            Not on the form
          </h3>
          <p className="muted small">These fields show in an “Other fields” section at the end of the form until you place them.</p>
          <ul className="unplaced">
            {unplaced.map(([n, f]) => (
              <li key={n}>
                <span>{f.label}</span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={layout.sections.length === 0}
                  onClick={() => {
                    const last = layout.sections.length - 1;
                    updateSection(last, { fields: [...layout.sections[last].fields, n] });
                  }}
                >
                  Add {f.label} to {layout.sections[layout.sections.length - 1]?.label ?? 'the form'}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
