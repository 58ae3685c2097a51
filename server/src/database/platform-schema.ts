/**
 * The platform's own tables (schema `trellis`), managed by TypeORM entities and migrations.
 * A capability adding a platform table registers its entity and migration here.
 */
import { MetadataVersionEntity } from '../metadata-store/metadata-version.entity.js';
import { CreateMetadataVersion1732350000000 } from '../metadata-store/1732350000000-create-metadata-version.migration.js';
import { CreateIdentity1764000000000 } from '../auth/1764000000000-create-identity.migration.js';
import { CreateRecordAudit1764000001000 } from '../audit/1764000001000-create-record-audit.migration.js';
import { CreateWorkflows1765000000000 } from '../workflows/1765000000000-create-workflows.migration.js';
import { CreateInbox1765000001000 } from '../inbox/1765000001000-create-inbox.migration.js';
import { CreatePackInstall1766000000000 } from '../packs/1766000000000-create-pack-install.migration.js';

export const PLATFORM_SCHEMA = 'trellis';

export const platformEntities = [MetadataVersionEntity];

export const platformMigrations = [
  CreateMetadataVersion1732350000000, CreateIdentity1764000000000, CreateRecordAudit1764000001000,
  CreateWorkflows1765000000000,
  CreateInbox1765000001000,
  CreatePackInstall1766000000000,
];
