/** Versions as the /metadata API returns them: with their authors' display names and, for the current one, what this server suspends. */
import type pg from 'pg';
import { actorNames } from '../auth/actor-names.js';
import type { CurrentVersion, PublishedVersion } from './metadata-store.types.js';
import type { MetadataVersion } from './metadata.types.js';

export async function apiVersions(pool: pg.Pool, versions: (PublishedVersion | CurrentVersion)[]): Promise<MetadataVersion[]> {
  const names = await actorNames(pool, versions.map((v) => v.author));
  return versions.map((v) => {
    const suspended = 'suspended' in v ? v.suspended : [];
    return { ...v, authorName: names.get(v.author) ?? null, suspended, servedDocument: suspended.length > 0 && 'served' in v ? v.served : null };
  });
}

export async function apiVersion(pool: pg.Pool, version: PublishedVersion | CurrentVersion): Promise<MetadataVersion> {
  return (await apiVersions(pool, [version]))[0]!;
}
