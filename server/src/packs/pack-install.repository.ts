/** The trellis.pack_install rows: which packs a workspace has, at which version, with the document installed. */
import type { MetadataDocument, PackManifest } from '@trellis/metadata';
import type { Queryable } from '../records/record.service.js';

export interface PackInstall {
  pack: string;
  version: string;
  manifest: PackManifest;
  /** The pack's document as installed: the base of the next upgrade's merge. */
  document: MetadataDocument;
  installedAt: Date;
  installedBy: string;
}

interface Row {
  pack: string;
  version: string;
  manifest: PackManifest;
  document: MetadataDocument;
  installed_at: Date;
  installed_by: string;
}

/** The workspace's installed packs, in install order. */
export async function readInstalls(db: Queryable, workspace: string): Promise<PackInstall[]> {
  const { rows } = await db.query<Row>(
    `SELECT pack, version, manifest, document, installed_at, installed_by FROM trellis.pack_install WHERE workspace = $1 ORDER BY installed_at, pack`,
    [workspace],
  );
  return rows.map((r) => ({ pack: r.pack, version: r.version, manifest: r.manifest, document: r.document, installedAt: r.installed_at, installedBy: r.installed_by }));
}

/** Records an install or an upgrade (an upgrade keeps the first install's time, so install order stays). */
export async function writeInstall(db: Queryable, workspace: string, install: Omit<PackInstall, 'installedAt'>): Promise<void> {
  await db.query(
    // clock_timestamp(), not now(): packs one install brings (dependencies first) get distinct times, in that order.
    `INSERT INTO trellis.pack_install (workspace, pack, version, manifest, document, installed_by, installed_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
     ON CONFLICT (workspace, pack) DO UPDATE SET version = EXCLUDED.version, manifest = EXCLUDED.manifest, document = EXCLUDED.document, installed_by = EXCLUDED.installed_by`,
    [workspace, install.pack, install.version, JSON.stringify(install.manifest), JSON.stringify(install.document), install.installedBy],
  );
}

export async function deleteInstall(db: Queryable, workspace: string, pack: string): Promise<void> {
  await db.query(`DELETE FROM trellis.pack_install WHERE workspace = $1 AND pack = $2`, [workspace, pack]);
}
