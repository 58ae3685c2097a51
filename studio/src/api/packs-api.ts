/**
 * Operations of the template-pack API at /metadata (needs manageMetadata): the packs installed and available,
 * previews of an install, upgrade or uninstall, the mutations that publish them as one new version, and export.
 */
import { metadataClient } from './graphql-client.js';
import { CURRENT_VERSION_FIELDS, type MetadataPreview, type MetadataVersion } from './metadata-api.js';

export interface PackInfo {
  name: string;
  /** The newest version available in the pack folders. */
  version: string;
  label: string | null;
  description: string | null;
  /** Where the pack comes from (its folder). */
  origin: string;
  /** Null when the pack is not installed in this workspace. */
  installedVersion: string | null;
  dependencies: Record<string, string> | null;
  upgradeAvailable: boolean;
}

export interface PackClash {
  path: string;
  message: string;
}

export interface PackConflict {
  path: string;
  kind: string;
  base: unknown;
  theirs: unknown;
  ours: unknown;
  message: string;
}

export interface PackPreview {
  pack: string;
  version: string;
  installOrder: string[];
  clashes: PackClash[];
  conflicts: PackConflict[];
  changes: unknown;
  plan: MetadataPreview;
  seedCounts: unknown;
  dataLoss: unknown;
  blockedBy: string[];
}

/** For a clash: keep the customer's component, or replace it with the pack's. */
export type ClashChoice = 'keepMine' | 'takePack';
export type ClashChoices = Record<string, ClashChoice>;

/** For an upgrade conflict: keep the customer's value, take the pack's, or give one. */
export type ConflictDecision = { take: 'ours' | 'theirs' } | { value: unknown };
export type ConflictDecisions = Record<string, ConflictDecision>;

const PREVIEW_FIELDS = `pack version installOrder changes seedCounts dataLoss blockedBy
  clashes { path message }
  conflicts { path kind base theirs ours message }
  plan { valid baseVersion destructive changes problems { path message code } steps { kind entity field description destructive sql } }`;

export async function fetchPacks(): Promise<PackInfo[]> {
  const data = await metadataClient.request<{ packs: PackInfo[] }>(
    `query Packs { packs { name version label description origin installedVersion dependencies upgradeAvailable } }`,
  );
  return data.packs;
}

/** `{ "<json pointer>": "<pack>@<version>" }` for the components of the current document that came from a pack. */
export async function fetchComponentOrigins(): Promise<Record<string, string>> {
  const data = await metadataClient.request<{ componentOrigins: Record<string, string> | null }>(`query ComponentOrigins { componentOrigins }`);
  return data.componentOrigins ?? {};
}

export async function previewPackInstall(name: string, clashChoices?: ClashChoices): Promise<PackPreview> {
  const data = await metadataClient.request<{ previewPackInstall: PackPreview }>(
    `query PreviewPackInstall($name: String!, $clashChoices: JSON) { previewPackInstall(name: $name, clashChoices: $clashChoices) { ${PREVIEW_FIELDS} } }`,
    { name, clashChoices: clashChoices ?? null },
  );
  return data.previewPackInstall;
}

export async function installPack(name: string, clashChoices: ClashChoices): Promise<MetadataVersion> {
  const data = await metadataClient.request<{ installPack: MetadataVersion }>(
    `mutation InstallPack($name: String!, $clashChoices: JSON) { installPack(name: $name, clashChoices: $clashChoices) { ${CURRENT_VERSION_FIELDS} } }`,
    { name, clashChoices },
  );
  return data.installPack;
}

/** `clashChoices`: for the clashes of the dependencies the new version installs first. */
export async function previewPackUpgrade(name: string, decisions?: ConflictDecisions, clashChoices?: ClashChoices): Promise<PackPreview> {
  const data = await metadataClient.request<{ previewPackUpgrade: PackPreview }>(
    `query PreviewPackUpgrade($name: String!, $decisions: JSON, $clashChoices: JSON) {
      previewPackUpgrade(name: $name, decisions: $decisions, clashChoices: $clashChoices) { ${PREVIEW_FIELDS} } }`,
    { name, decisions: decisions ?? null, clashChoices: clashChoices ?? null },
  );
  return data.previewPackUpgrade;
}

export async function upgradePack(name: string, decisions: ConflictDecisions, clashChoices: ClashChoices = {}): Promise<MetadataVersion> {
  const data = await metadataClient.request<{ upgradePack: MetadataVersion }>(
    `mutation UpgradePack($name: String!, $decisions: JSON!, $clashChoices: JSON) {
      upgradePack(name: $name, decisions: $decisions, clashChoices: $clashChoices) { ${CURRENT_VERSION_FIELDS} } }`,
    { name, decisions, clashChoices },
  );
  return data.upgradePack;
}

export async function previewPackUninstall(name: string): Promise<PackPreview> {
  const data = await metadataClient.request<{ previewPackUninstall: PackPreview }>(
    `query PreviewPackUninstall($name: String!) { previewPackUninstall(name: $name) { ${PREVIEW_FIELDS} } }`,
    { name },
  );
  return data.previewPackUninstall;
}

export async function uninstallPack(name: string): Promise<MetadataVersion> {
  const data = await metadataClient.request<{ uninstallPack: MetadataVersion }>(
    `mutation UninstallPack($name: String!) { uninstallPack(name: $name) { ${CURRENT_VERSION_FIELDS} } }`,
    { name },
  );
  return data.uninstallPack;
}

export interface ExportedPackFile {
  path: string;
  content: string;
}

export interface ExportPackRequest {
  name: string;
  version: string;
  description: string | null;
  /** Null for the whole workspace. */
  entities: string[] | null;
  workflows: string[] | null;
}

/** The workspace (or the chosen entities and workflows) as the files of a pack folder. Error: PACK_EXPORT_INVALID. */
export async function exportPack(request: ExportPackRequest): Promise<ExportedPackFile[]> {
  const data = await metadataClient.request<{ exportPack: { files: ExportedPackFile[] } }>(
    `query ExportPack($name: String!, $version: String!, $description: String, $entities: [String!], $workflows: [String!]) {
      exportPack(name: $name, version: $version, description: $description, entities: $entities, workflows: $workflows) }`,
    { ...request },
  );
  return data.exportPack.files;
}
