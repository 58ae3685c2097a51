// Pack folders: read, validate, write (export), find, and the install order of their dependencies.
export type { LoadedPack } from './loaded-pack.js';
export { PackFolderError, formatPackProblem, type PackProblem } from './pack-problem.js';
export { readPackFolder, readPackManifest, MANIFEST_FILE } from './read-pack-folder.js';
export { validatePackFolder, type ValidatePackFolderOptions } from './validate-pack-folder.js';
export { writePackFolder, type PackFolderContent } from './write-pack-folder.js';
export { findPacks, findPackDirs, type FindPacksOptions } from './find-packs.js';
export { resolveInstallOrder, PackInstallOrderError, type PackInstallOrderErrorCode } from './install-order.js';
export { seedNaturalKey } from './seed-natural-key.js';
export { parseSeedCsv, formatSeedCsv, type SeedCsvSource } from './seed-csv.js';
export { parseSeedJson } from './read-seed.js';
