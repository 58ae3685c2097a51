/** The parts every pack preview shows: install order, what changes, the plan (problems, destructive steps), counts. */
import type { ReactNode } from 'react';
import type { MetadataPreview } from '../api/metadata-api.js';
import { Icon } from '../ui/Icon.js';
import { PlanSteps } from '../studio/PlanSteps.js';
import { changeSentences, plural, type CountRow } from './pack-words.js';

export function InstallOrderCard({ order, pack }: { order: string[]; pack: string }) {
  if (order.length <= 1) return null;
  return (
    <section className="card" aria-labelledby="pack-order-title">
      <h2 id="pack-order-title" className="card-title">
        Install order <span className="count">{plural(order.length, 'pack')}</span>
      </h2>
      <p className="muted small">Dependencies are installed first, in the same publish.</p>
      <ol className="pack-order" aria-label="Install order">
        {order.map((name) => (
          <li key={name}>
            <code>{name}</code>
            {name !== pack && <span className="badge">Dependency</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ChangesCard({ changes, title = 'Changes', empty = 'No changes.' }: { changes: unknown; title?: string; empty?: string }) {
  const sentences = changeSentences(changes);
  return (
    <section className="card" aria-labelledby="pack-changes-title">
      <h2 id="pack-changes-title" className="card-title">
        {title} {sentences.length > 0 && <span className="count">{sentences.length}</span>}
      </h2>
      {sentences.length ? (
        <ul className="change-list">
          {sentences.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}

export function PlanCard({ plan, title = 'Migration plan', note }: { plan: MetadataPreview; title?: string; note?: ReactNode }) {
  return (
    <>
      {!plan.valid && (
        <section className="card card-danger" aria-labelledby="pack-problems-title">
          <h2 id="pack-problems-title" className="card-title">
            <Icon name="warning" /> {plural(plan.problems.length, 'problem')} to solve first
          </h2>
          <ul className="problem-list">
            {plan.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '/'}</code> {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="pack-plan-title">
        <h2 id="pack-plan-title" className="card-title">
          {title} <span className="count">{plural(plan.steps.length, 'step')}</span>
          {plan.destructive && <span className="badge badge-red">Destructive</span>}
        </h2>
        {note && <p className="muted small pack-plan-note">{note}</p>}
        <PlanSteps steps={plan.steps} label={title} />
      </section>
    </>
  );
}

export function CountsCard({ id, title, rows, noun, empty, danger }: { id: string; title: string; rows: CountRow[]; noun: string; empty: string; danger?: boolean }) {
  return (
    <section className={danger && rows.length ? 'card card-danger' : 'card'} aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {danger && rows.length > 0 && <Icon name="warning" className="danger-icon" />} {title}
      </h2>
      {rows.length ? (
        <table className="pack-counts" aria-labelledby={id}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">
                  <code>{r.label}</code>
                </th>
                <td className="num">{plural(r.count, r.noun ?? noun)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
