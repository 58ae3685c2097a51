/** Who created a task, as people read it: a user's name, an API key, or a workflow's label. */
import type { MetadataDocument } from '@trellis/metadata';
import { actorNames } from '../auth/actor-names.js';

type Queryable = Parameters<typeof actorNames>[0];

export async function creatorNames(client: Queryable, document: MetadataDocument, labels: (string | null)[]): Promise<Map<string, string>> {
  const known = [...new Set(labels.filter((l): l is string => l !== null))];
  const names = await actorNames(client, known);
  for (const label of known) {
    if (!label.startsWith('workflow:')) continue;
    const name = label.slice('workflow:'.length);
    names.set(label, `Workflow “${document.workflows?.[name]?.label ?? name}”`);
  }
  return names;
}
