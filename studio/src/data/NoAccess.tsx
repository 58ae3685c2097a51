/** Shown in place of a list or a record of an entity the person's roles cannot read. */
import { EmptyState } from '../ui/Feedback.js';
import { inSentence } from './data-locale.js';
import { useDataLocale } from './use-data-locale.js';
import { useTranslatedDocument } from './use-access.js';

export function NoAccess({ entityName }: { entityName: string }) {
  const doc = useTranslatedDocument();
  const { locale } = useDataLocale();
  const entity = doc.entities[entityName];
  return (
    <div className="page">
      <EmptyState title="No access" action={<a className="btn" href="#/">Go to the start page</a>}>
        Your roles do not let you see {entity ? inSentence(entity.pluralLabel, locale) : 'these records'}. Ask an administrator if you need to.
      </EmptyState>
    </div>
  );
}
