/**
 * Inbound webhook secrets, one per workflow (trellis.workflow_secret): part of the webhook's URL, compared in
 * constant time. Created when a webhook workflow is first published (or its URL first asked for); rotating
 * one invalidates the old URL at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MetadataDocument } from '@trellis/metadata';
import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

const newSecret = (): string => randomBytes(24).toString('base64url');

/** The workflow's secret, created when it has none. */
export async function ensureSecret(client: Queryable, workspace: string, workflow: string): Promise<string> {
  await client.query(
    `INSERT INTO "trellis"."workflow_secret" (workspace, workflow, secret) VALUES ($1, $2, $3) ON CONFLICT (workspace, workflow) DO NOTHING`,
    [workspace, workflow, newSecret()],
  );
  const { rows } = await client.query<{ secret: string }>(`SELECT secret FROM "trellis"."workflow_secret" WHERE workspace = $1 AND workflow = $2`, [workspace, workflow]);
  return rows[0]!.secret;
}

export async function rotateSecret(client: Queryable, workspace: string, workflow: string): Promise<string> {
  const secret = newSecret();
  await client.query(
    `INSERT INTO "trellis"."workflow_secret" (workspace, workflow, secret) VALUES ($1, $2, $3)
     ON CONFLICT (workspace, workflow) DO UPDATE SET secret = EXCLUDED.secret, created_at = now()`,
    [workspace, workflow, secret],
  );
  return secret;
}

/** Gives every webhook workflow of the document a secret (inside the publish). */
export async function ensureWebhookSecrets(client: Queryable, workspace: string, document: MetadataDocument): Promise<void> {
  for (const [name, def] of Object.entries(document.workflows ?? {})) {
    if (def.trigger.type === 'webhook') await ensureSecret(client, workspace, name);
  }
}

/** Whether `given` is the workflow's secret (constant time; false when it has none). */
export async function secretMatches(client: Queryable, workspace: string, workflow: string, given: string): Promise<boolean> {
  const { rows } = await client.query<{ secret: string }>(`SELECT secret FROM "trellis"."workflow_secret" WHERE workspace = $1 AND workflow = $2`, [workspace, workflow]);
  // Compare digests: equal lengths whatever was sent, and no early exit on the first differing byte.
  const expected = createHash('sha256').update(rows[0]?.secret ?? randomBytes(24).toString('base64url')).digest();
  const actual = createHash('sha256').update(given).digest();
  return timingSafeEqual(expected, actual) && rows.length === 1;
}

export const webhookPath = (workflow: string, secret: string): string => `/hooks/workflows/${encodeURIComponent(workflow)}/${encodeURIComponent(secret)}`;
