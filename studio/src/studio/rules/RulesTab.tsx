/** The entity designer's "Rules" tab: the entity's validation rules, switched on and off, added, edited, removed. */
import { useState } from 'react';
import { describeCondition, formatFieldLabel } from '@trellis/runtime';
import { useDraft } from '../../app/draft-context.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { EmptyState } from '../../ui/Feedback.js';
import { Icon } from '../../ui/Icon.js';
import { RowActions } from '../../ui/RowActions.js';
import { parseProblemPath, problemsForEntity } from '../problem-paths.js';
import { removeRule, setRuleActive } from './rule-edits.js';
import { RuleDialog } from './RuleDialog.js';

export function RulesTab({ entityName }: { entityName: string }) {
  const { draft, edit, problems } = useDraft();
  const entity = draft.entities[entityName];
  const rules = Object.entries(entity.rules ?? {});
  const [editor, setEditor] = useState<{ rule?: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const labelOf = (field: string) => formatFieldLabel(field, entity.fields[field]);
  const ruleProblems = (name: string) =>
    problemsForEntity(problems, entityName).filter((p) => {
      const loc = parseProblemPath(p.path);
      return !loc.field && loc.rest[0] === 'rules' && loc.rest[1] === name;
    });

  return (
    <section className="card" aria-labelledby="rules-title">
      <header className="card-header">
        <div>
          <h2 id="rules-title" className="card-title">
            Validation rules
          </h2>
          <p className="muted small">
            A record is refused while a rule’s condition holds — in forms (before saving), the API and bulk writes alike.
          </p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setEditor({})}>
          <Icon name="plus" /> Add rule
        </button>
      </header>
      {rules.length === 0 ? (
        <EmptyState title="No validation rules yet">
          For example: “A won opportunity needs a close date”, or “The stage may not go back from won”.
        </EmptyState>
      ) : (
        <table className="data-table rules-table" aria-label="Validation rules">
          <thead>
            <tr>
              <th scope="col"><span className="th-plain">Rule</span></th>
              <th scope="col"><span className="th-plain">Invalid when</span></th>
              <th scope="col"><span className="th-plain">Message</span></th>
              <th scope="col"><span className="th-plain">Shown next to</span></th>
              <th scope="col" className="center"><span className="th-plain">Active</span></th>
              <th scope="col" className="actions-col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rules.map(([name, rule]) => {
              const title = rule.label || name;
              const found = ruleProblems(name);
              return (
                <tr key={name} className={found.length ? 'has-problem' : rule.active === false ? 'inactive' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setEditor({ rule: name })}>
                      {title}
                    </button>
                    <div>
                      <code className="muted small">{name}</code>
                    </div>
                    {found.map((p, i) => (
                      <p key={i} className="field-error row-problem">
                        <Icon name="warning" size={13} /> {p.message}
                      </p>
                    ))}
                  </td>
                  <td className="rule-summary">{rule.invalidWhen === undefined ? '—' : describeCondition(rule.invalidWhen, labelOf)}</td>
                  <td>{rule.message}</td>
                  <td>{rule.fields?.length ? rule.fields.map(labelOf).join(', ') : <span className="muted">Whole record</span>}</td>
                  <td className="center">
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={`Rule ${title} active`}
                      checked={rule.active !== false}
                      onChange={(e) => edit((d) => setRuleActive(d, entityName, name, e.target.checked))}
                    />
                  </td>
                  <RowActions what={`rule ${title}`} onEdit={() => setEditor({ rule: name })} onRemove={() => setRemoving(name)} />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {editor && <RuleDialog entityName={entityName} ruleName={editor.rule} onClose={() => setEditor(null)} />}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove rule “${entity.rules?.[removing]?.label || removing}”?`}
          confirmLabel="Remove rule"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((d) => removeRule(d, entityName, removing));
            setRemoving(null);
          }}
        >
          <p>Once published, records are no longer checked against it. To pause a rule instead, switch it off.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
