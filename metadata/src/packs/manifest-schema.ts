/**
 * The JSON Schema (draft-07) of a pack's `trellis-pack.json`. `schema/trellis-pack.json` is this schema
 * (written by scripts/write-schema.mjs); manifests point at it with `"$schema"` for editor completion.
 */
import { buildDocumentSchema } from '../document-schema.js';
import type { JsonSchema } from '../field-types/field-type.js';

/** Lowercase letters, digits and single hyphens, starting with a letter (same as plugin names), e.g. `b2b-sales`. */
export const PACK_NAME_PATTERN = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$';
export const MAX_PACK_NAME_LENGTH = 60;
/** semver.org's official pattern. */
export const PACK_VERSION_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

const RANGE: JsonSchema = { type: 'string', minLength: 1, description: 'A semver range, e.g. "^1.0.0" or ">=1.2.0 <2.0.0".' };

export function buildPackManifestSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Trellis pack manifest',
    description: 'trellis-pack.json: what a template pack is, its version and the packs it builds on.',
    type: 'object',
    required: ['name', 'version'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Path or URL of this JSON Schema, for editor completion.' },
      name: {
        type: 'string',
        pattern: PACK_NAME_PATTERN,
        maxLength: MAX_PACK_NAME_LENGTH,
        description: 'Pack name: lowercase letters, digits and single hyphens, e.g. "b2b-sales".',
      },
      version: { type: 'string', pattern: PACK_VERSION_PATTERN, description: 'Semantic version of this pack, e.g. "1.2.0".' },
      label: { type: 'string', minLength: 1, description: 'Name shown to people, e.g. "Customer service".' },
      description: { type: 'string', description: 'What the pack sets up, for the studio\'s Packs page.' },
      trellis: { ...RANGE, description: 'Trellis versions this pack works with, a semver range, e.g. ">=0.1.0".' },
      dependencies: {
        type: 'object',
        description: 'Packs installed before this one, by name, with the versions accepted (semver ranges), e.g. { "b2b-sales": "^1.0.0" }.',
        propertyNames: { pattern: PACK_NAME_PATTERN, maxLength: MAX_PACK_NAME_LENGTH },
        additionalProperties: RANGE,
      },
    },
  };
}

/**
 * The schema of one metadata file of a pack (`metadata/*.json`): a metadata document whose sections are all optional,
 * since a pack splits its document over files (e.g. roles.json holds only `roles`). `schema/trellis-pack-metadata.json`.
 */
export function buildPackMetadataFileSchema(): JsonSchema {
  const { required: _required, ...document } = buildDocumentSchema();
  // A pack's translations live in translations/<locale>.json, not in its metadata files.
  const { translations: _translations, ...properties } = document.properties as Record<string, JsonSchema>;
  return {
    ...document,
    properties,
    title: 'Trellis pack metadata file',
    description: 'Part of a pack\'s metadata document: any of entities, workflows and roles; the files of metadata/ are merged by name.',
  };
}
