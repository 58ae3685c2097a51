/** Values of a record that the system sets (auto-numbers, …): shown above the form, never edited or sent. */
import type { MetadataDocument } from '@trellis/metadata';
import { readOnlyFields } from '../api/record-queries.js';
import { CellValue } from './CellValue.js';

interface Props {
  doc: MetadataDocument;
  entityName: string;
  node: Record<string, unknown>;
}

export function ReadOnlyFields({ doc, entityName, node }: Props) {
  const entity = doc.entities[entityName];
  const names = entity ? readOnlyFields(entity) : [];
  if (names.length === 0) return null;
  return (
    <dl className="readonly-fields">
      {names.map((name) => (
        <div key={name} className="readonly-field" data-field={name}>
          <dt>{entity!.fields[name]!.label}</dt>
          <dd>
            <CellValue doc={doc} name={name} field={entity!.fields[name]} value={node[name]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
