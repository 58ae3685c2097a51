// Writes the published JSON Schemas from the built package (run after tsc); tests keep the checked-in files in sync:
// schema/metadata.json (a metadata document with the built-in field types), schema/trellis-pack.json (a pack
// manifest) and schema/trellis-pack-metadata.json (one of a pack's metadata/*.json files).
import { writeFileSync } from 'node:fs';
import { buildDocumentSchema } from '../dist/document-schema.js';
import { buildPackManifestSchema, buildPackMetadataFileSchema } from '../dist/packs/manifest-schema.js';

const schemas = {
  'metadata.json': buildDocumentSchema(),
  'trellis-pack.json': buildPackManifestSchema(),
  'trellis-pack-metadata.json': buildPackMetadataFileSchema(),
};
for (const [file, schema] of Object.entries(schemas)) {
  const target = new URL(`../schema/${file}`, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
