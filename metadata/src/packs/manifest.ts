/**
 * A pack's manifest (`trellis-pack.json`): its type and a pure shape check against the published schema,
 * with ajv's errors turned into problems saying what, where (JSON pointer) and how to fix.
 * Semver ranges are only checked for being non-empty strings here; the plugin SDK checks them with semver.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { MetadataProblem } from '../types.js';
import { buildPackManifestSchema } from './manifest-schema.js';

export interface PackManifest {
  /** Path or URL of metadata/schema/trellis-pack.json, for editors. */
  $schema?: string;
  /** Lowercase letters, digits and single hyphens, e.g. `b2b-sales`. */
  name: string;
  /** Semantic version, e.g. `1.0.0`. */
  version: string;
  label?: string;
  description?: string;
  /** Trellis versions the pack works with (semver range). */
  trellis?: string;
  /** Packs installed first, by name → semver range. */
  dependencies?: Record<string, string>;
}

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(buildPackManifestSchema()));

const EXAMPLE = '{ "name": "service", "version": "1.0.0", "dependencies": { "b2b-sales": "^1.0.0" } }';

function describe(error: ErrorObject): MetadataProblem {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const at = path === '' ? 'the manifest' : path.slice(1).replace(/\//g, '.');
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${String(params.missingProperty)}`, code: 'manifest-required', message: `${at} needs "${String(params.missingProperty)}", e.g. ${EXAMPLE}` };
    case 'additionalProperties':
      return {
        path: `${path}/${String(params.additionalProperty)}`,
        code: 'manifest-unknown-property',
        message: `${at} has an unknown property "${String(params.additionalProperty)}"; allowed: name, version, label, description, trellis, dependencies`,
      };
    case 'pattern':
    case 'maxLength':
      if (error.propertyName !== undefined) return dependencyName(path, error.propertyName);
      if (path === '/version') return { path, code: 'manifest-version', message: 'version must be a semantic version like "1.2.3"' };
      return { path, code: 'manifest-name', message: `${at} must be 1-60 lowercase letters, digits and single hyphens, starting with a letter (e.g. "b2b-sales")` };
    case 'propertyNames':
      return dependencyName(path, String(params.propertyName));
    default:
      return { path, code: `manifest-${error.keyword}`, message: `${at} ${error.message ?? 'is invalid'}` };
  }
}

const dependencyName = (path: string, name: string): MetadataProblem => ({
  path: `${path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
  code: 'manifest-dependency-name',
  message: `dependency "${name}" is not a pack name: use the dependency's "name" (lowercase letters, digits and single hyphens, e.g. "b2b-sales")`,
});

/** Problems of a parsed trellis-pack.json; `[]` when its shape is valid. */
export function validatePackManifest(value: unknown): MetadataProblem[] {
  const validate = validator();
  if (validate(value)) return [];
  // A bad dependency name is reported twice by ajv (pattern, then propertyNames): keep one per path and code.
  const problems = (validate.errors ?? []).map(describe);
  return problems.filter((p, i) => problems.findIndex((q) => q.path === p.path && q.code === p.code) === i);
}
