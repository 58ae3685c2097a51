/** Operations of the metadata API at /metadata (code-first, static schema). */
import type { MetadataDocument, SuspendedComponent } from '@trellis/metadata';
import { metadataClient, type MetadataProblem } from './graphql-client.js';

export interface MetadataVersion {
  version: number;
  document: MetadataDocument;
  author: string;
  /** The publisher's display name (a user's name, an API key's), when known. */
  authorName?: string | null;
  message: string | null;
  createdAt: string;
  changes: unknown;
  plan: unknown;
  /** Only on the current version: what runs now when a plugin the document needs is missing (null: all of it). */
  servedDocument?: MetadataDocument | null;
  /** Only on the current version: the components left out of servedDocument, each with why. */
  suspended?: SuspendedComponent[];
}

export interface PlanStepView {
  kind: string;
  entity: string | null;
  field: string | null;
  description: string;
  destructive: boolean;
  sql: string[];
}

export interface MetadataPreview {
  valid: boolean;
  problems: MetadataProblem[];
  baseVersion: number;
  steps: PlanStepView[];
  destructive: boolean;
  changes: unknown;
}

const VERSION_FIELDS = 'version document author authorName message createdAt changes plan';
/** The version the app runs on: with what of it is served now (see MetadataVersion.servedDocument). */
export const CURRENT_VERSION_FIELDS = `${VERSION_FIELDS} servedDocument suspended { path message }`;

export async function fetchCurrentMetadata(): Promise<MetadataVersion> {
  const data = await metadataClient.request<{ currentMetadata: MetadataVersion }>(
    `query CurrentMetadata { currentMetadata { ${CURRENT_VERSION_FIELDS} } }`,
  );
  return data.currentMetadata;
}

export async function fetchMetadataVersions(limit = 50): Promise<MetadataVersion[]> {
  const data = await metadataClient.request<{ metadataVersions: MetadataVersion[] }>(
    `query MetadataVersions($limit: Int) { metadataVersions(limit: $limit) { ${VERSION_FIELDS} } }`,
    { limit },
  );
  return data.metadataVersions;
}

export async function previewMetadata(document: MetadataDocument): Promise<MetadataPreview> {
  const data = await metadataClient.request<{ previewMetadata: MetadataPreview }>(
    `query PreviewMetadata($document: JSON!) {
      previewMetadata(document: $document) {
        valid baseVersion destructive changes
        problems { path message code }
        steps { kind entity field description destructive sql }
      }
    }`,
    { document },
  );
  return data.previewMetadata;
}

export async function publishMetadata(document: MetadataDocument, message: string | undefined, baseVersion: number): Promise<MetadataVersion> {
  const data = await metadataClient.request<{ publishMetadata: MetadataVersion }>(
    `mutation PublishMetadata($document: JSON!, $message: String, $baseVersion: Int) {
      publishMetadata(document: $document, message: $message, baseVersion: $baseVersion) { ${CURRENT_VERSION_FIELDS} }
    }`,
    { document, message: message || null, baseVersion },
  );
  return data.publishMetadata;
}
