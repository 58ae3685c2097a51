/** Display names for actor labels (`user:<id>`, `apiKey:<id>`), read in one query per kind. */
import { isUuid } from '../records/compile-filter.js';

type Queryable = { query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }> };

export async function actorNames(client: Queryable, labels: string[]): Promise<Map<string, string>> {
  const ids = (kind: string) => [...new Set(labels.filter((l) => l.startsWith(`${kind}:`)).map((l) => l.slice(kind.length + 1)))].filter((id) => isUuid(id));
  const names = new Map<string, string>();
  const users = ids('user');
  if (users.length > 0) {
    const { rows } = await client.query<{ id: string; name: string }>(`SELECT id::text, name FROM "trellis"."user" WHERE id = ANY($1::uuid[])`, [users]);
    for (const row of rows) names.set(`user:${row.id}`, row.name);
  }
  const keys = ids('apiKey');
  if (keys.length > 0) {
    const { rows } = await client.query<{ id: string; name: string }>(`SELECT id::text, name FROM "trellis"."api_key" WHERE id = ANY($1::uuid[])`, [keys]);
    for (const row of rows) names.set(`apiKey:${row.id}`, `API key “${row.name}”`);
  }
  return names;
}
