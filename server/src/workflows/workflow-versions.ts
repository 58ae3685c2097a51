/**
 * Workflow versions: inside each publish, every workflow whose definition differs from its latest stored
 * version (jsonb equality: key order does not matter) gets version n+1. A run records the version it started
 * on with a snapshot of the definition, and finishes on it whatever is published meanwhile.
 */
import type { MetadataDocument, WorkflowDefinition } from '@trellis/metadata';
import type pg from 'pg';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface WorkflowVersionRow {
  version: number;
  metadataVersion: number;
  definition: WorkflowDefinition;
  publishedAt: Date;
  publishedBy: string | null;
}

/** Stores new versions of the changed workflows; returns their names. */
export async function recordWorkflowVersions(
  client: Queryable,
  workspace: string,
  document: MetadataDocument,
  metadataVersion: number,
  publishedBy: string | null,
): Promise<string[]> {
  const workflows = document.workflows ?? {};
  if (Object.keys(workflows).length === 0) return [];
  const { rows } = await client.query<{ workflow: string }>(
    `INSERT INTO "trellis"."workflow_version" (workspace, workflow, version, metadata_version, definition, published_by)
     SELECT $1, d.key, coalesce(l.version, 0) + 1, $2, d.value, $3
       FROM jsonb_each($4::jsonb) d
       LEFT JOIN LATERAL (SELECT v.version, v.definition FROM "trellis"."workflow_version" v
                           WHERE v.workspace = $1 AND v.workflow = d.key ORDER BY v.version DESC LIMIT 1) l ON true
      WHERE l.version IS NULL OR l.definition <> d.value
     ON CONFLICT (workspace, workflow, version) DO NOTHING
     RETURNING workflow`,
    [workspace, metadataVersion, publishedBy, JSON.stringify(workflows)],
  );
  return rows.map((r) => r.workflow);
}

/** The latest version number of every workflow of the workspace. */
export async function latestWorkflowVersions(client: Queryable, workspace: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ workflow: string; version: number }>(
    `SELECT workflow, max(version)::int AS version FROM "trellis"."workflow_version" WHERE workspace = $1 GROUP BY workflow`,
    [workspace],
  );
  return new Map(rows.map((r) => [r.workflow, r.version]));
}

export async function listWorkflowVersions(client: Queryable, workspace: string, workflow: string): Promise<WorkflowVersionRow[]> {
  const { rows } = await client.query<{ version: number; metadata_version: number; definition: WorkflowDefinition; published_at: Date; published_by: string | null }>(
    `SELECT version, metadata_version, definition, published_at, published_by FROM "trellis"."workflow_version"
      WHERE workspace = $1 AND workflow = $2 ORDER BY version DESC`,
    [workspace, workflow],
  );
  return rows.map((r) => ({ version: r.version, metadataVersion: r.metadata_version, definition: r.definition, publishedAt: r.published_at, publishedBy: r.published_by }));
}
