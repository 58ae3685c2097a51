/** Studio: the draft's entities, with their state against the published version, and "New entity". */
import { useState } from 'react';
import { useDraft } from '../app/draft-context.js';
import { useMetadata } from '../app/metadata-context.js';
import { ComponentSource } from '../packs/ComponentSource.js';
import { componentPointer, originText, useComponentOrigins } from '../packs/component-origins.js';
import { href, navigate } from '../app/router.js';
import { EmptyState } from '../ui/Feedback.js';
import { Icon } from '../ui/Icon.js';
import { DraftStatusBadges, draftStatus } from './DraftStatus.js';
import { NewEntityDialog } from './NewEntityDialog.js';
import { problemsForEntity } from './problem-paths.js';
import { StudioToolbar } from './StudioToolbar.js';

export function EntitiesPage() {
  const { draft, problems } = useDraft();
  const { stored: published } = useMetadata();
  const [creating, setCreating] = useState(false);
  const origins = useComponentOrigins();
  const entities = Object.entries(draft.entities);

  const status = (name: string) => {
    const renamedFrom = draft.entities[name].renamedFrom;
    return draftStatus(published.entities[name] ?? (renamedFrom ? published.entities[renamedFrom] : undefined), draft.entities[name]);
  };

  return (
    <div className="page">
      <StudioToolbar />
      <header className="page-header">
        <div>
          <h1>Entities</h1>
          <p className="page-subtitle">The record types of this workspace. Edits go to a draft until you publish.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" /> New entity
        </button>
      </header>
      {entities.length === 0 ? (
        <EmptyState title="No entities yet" action={<button type="button" className="btn" onClick={() => setCreating(true)}>Create the first entity</button>}>
          An entity is a kind of record, such as a company or an opportunity.
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Entities">
            <thead>
              <tr>
                <th scope="col"><span className="th-plain">Label</span></th>
                <th scope="col"><span className="th-plain">Name</span></th>
                <th scope="col" className="num"><span className="th-plain">Fields</span></th>
                <th scope="col"><span className="th-plain">Description</span></th>
                <th scope="col"><span className="th-plain">Source</span></th>
                <th scope="col"><span className="th-plain">Status</span></th>
              </tr>
            </thead>
            <tbody>
              {entities.map(([name, entity]) => {
                const s = status(name);
                const count = problemsForEntity(problems, name).length;
                return (
                  <tr key={name} className="clickable" onClick={() => navigate(`/studio/entities/${name}`)}>
                    <td>
                      <a className="row-link" href={href(`/studio/entities/${name}`)} onClick={(e) => e.stopPropagation()}>
                        {entity.label}
                      </a>
                    </td>
                    <td><code>{name}</code></td>
                    <td className="num">{Object.keys(entity.fields).length}</td>
                    <td className="muted">{entity.description}</td>
                    <td><ComponentSource origin={originText(origins, componentPointer(name))} /></td>
                    <td>
                      <DraftStatusBadges status={s} problems={count} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <NewEntityDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

