/** Shown in place of a list or a record of an entity the person's roles cannot read. */
import { useMetadata } from '../app/metadata-context.js';
import { EmptyState } from '../ui/Feedback.js';

export function NoAccess({ entityName }: { entityName: string }) {
  const { doc } = useMetadata();
  const entity = doc.entities[entityName];
  return (
    <div className="page">
      <EmptyState title="No access" action={<a className="btn" href="#/">Go to the start page</a>}>
        Your roles do not let you see {entity ? entity.pluralLabel.toLowerCase() : 'these records'}. Ask an administrator if you need to.
      </EmptyState>
    </div>
  );
}
