import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { buildPackManifestSchema, buildPackMetadataFileSchema } from './manifest-schema.js';
import { validatePackManifest } from './manifest.js';

const valid = { name: 'service', version: '1.0.0', label: 'Customer service', description: 'Cases', trellis: '>=0.1.0', dependencies: { 'b2b-sales': '^1.0.0' } };

describe('pack manifest', () => {
  it('equals the checked-in schema/trellis-pack.json (run `npm run build` in metadata/ to refresh it)', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../schema/trellis-pack.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(buildPackManifestSchema());
  });

  it('publishes the pack metadata file schema: a document whose sections are all optional', () => {
    const checkedIn = JSON.parse(readFileSync(new URL('../../schema/trellis-pack-metadata.json', import.meta.url), 'utf8'));
    expect(checkedIn).toEqual(buildPackMetadataFileSchema());
    const validate = new Ajv({ strict: true }).compile(buildPackMetadataFileSchema());
    expect(validate({ $schema: './trellis-pack-metadata.json', roles: {} })).toBe(true);
    expect(validate({ colour: 'red' })).toBe(false);
  });

  it('compiles under ajv strict mode', () => {
    expect(new Ajv({ strict: true }).compile(buildPackManifestSchema())(valid)).toBe(true);
  });

  it('accepts a full manifest and a minimal one', () => {
    expect(validatePackManifest(valid)).toEqual([]);
    expect(validatePackManifest({ $schema: '../schema/trellis-pack.json', name: 'a', version: '0.1.0-beta.1' })).toEqual([]);
  });

  it('names missing and unknown properties with how to fix them', () => {
    expect(validatePackManifest({ version: '1.0.0', colour: 'red' })).toEqual([
      expect.objectContaining({ path: '/name', code: 'manifest-required', message: expect.stringContaining('the manifest needs "name", e.g. {') }),
      expect.objectContaining({ path: '/colour', code: 'manifest-unknown-property', message: expect.stringContaining('allowed: name, version') }),
    ]);
  });

  it('refuses bad names, versions and dependency names', () => {
    const problems = validatePackManifest({ name: 'Service', version: 'v1', dependencies: { B2B: '^1', ok: '' } });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/name', 'manifest-name'],
      ['/version', 'manifest-version'],
      ['/dependencies/B2B', 'manifest-dependency-name'],
      ['/dependencies/ok', 'manifest-minLength'],
    ]);
    expect(problems[1]!.message).toBe('version must be a semantic version like "1.2.3"');
  });

  it('refuses a manifest that is not an object', () => {
    expect(validatePackManifest([])).toEqual([expect.objectContaining({ path: '', code: 'manifest-type' })]);
  });
});
