/** The /metadata GraphQL operations the CLI uses (see server/src/metadata-store and server/src/packs). */

const PREVIEW = `valid problems { path message code } baseVersion destructive changes
  steps { kind entity field description destructive }`;

export const CURRENT_METADATA = `query CurrentMetadata { currentMetadata { version document } }`;

export const PREVIEW_METADATA = `query PreviewMetadata($document: JSON!) { previewMetadata(document: $document) { ${PREVIEW} } }`;

export const PUBLISH_METADATA = `mutation PublishMetadata($document: JSON!, $message: String, $baseVersion: Int) {
  publishMetadata(document: $document, message: $message, baseVersion: $baseVersion) { version message } }`;

const PACK_PREVIEW = `pack version installOrder clashes { path message }
  conflicts { path kind base theirs ours message } changes seedCounts dataLoss blockedBy
  plan { ${PREVIEW} }`;

export const PACKS = `query Packs { packs { name version label description origin installedVersion dependencies upgradeAvailable } }`;

export const PREVIEW_PACK_INSTALL = `query PreviewPackInstall($name: String!, $clashChoices: JSON) {
  previewPackInstall(name: $name, clashChoices: $clashChoices) { ${PACK_PREVIEW} } }`;

export const INSTALL_PACK = `mutation InstallPack($name: String!, $clashChoices: JSON) {
  installPack(name: $name, clashChoices: $clashChoices) { version message } }`;

export const PREVIEW_PACK_UPGRADE = `query PreviewPackUpgrade($name: String!, $decisions: JSON, $clashChoices: JSON) {
  previewPackUpgrade(name: $name, decisions: $decisions, clashChoices: $clashChoices) { ${PACK_PREVIEW} } }`;

export const UPGRADE_PACK = `mutation UpgradePack($name: String!, $decisions: JSON!, $clashChoices: JSON) {
  upgradePack(name: $name, decisions: $decisions, clashChoices: $clashChoices) { version message } }`;

export const PREVIEW_PACK_UNINSTALL = `query PreviewPackUninstall($name: String!) { previewPackUninstall(name: $name) { ${PACK_PREVIEW} } }`;

export const UNINSTALL_PACK = `mutation UninstallPack($name: String!) { uninstallPack(name: $name) { version message } }`;

export const EXPORT_PACK = `query ExportPack($name: String!, $version: String!, $entities: [String!], $workflows: [String!]) {
  exportPack(name: $name, version: $version, entities: $entities, workflows: $workflows) }`;
