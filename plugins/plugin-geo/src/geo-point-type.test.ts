import { Ajv } from 'ajv';
import { validateDocument } from '@trellis/metadata';
import { evaluateRule } from '@trellis/runtime';
import { registerContributions } from '@trellis/plugin-sdk';
import plugin, { geoPointFieldType } from './index.js';

const ajv = new Ajv({ strict: false });
const field = { type: 'geoPoint', label: 'Location' };

describe('the geoPoint field type', () => {
  it('is a valid plugin', () => {
    expect(plugin.name).toBe('geo');
    expect(plugin.fieldTypes).toEqual([geoPointFieldType]);
  });

  it('accepts { lat, lng } in range and nothing else', () => {
    const validate = ajv.compile(geoPointFieldType.jsonSchema(field));
    expect(validate({ lat: 48.85, lng: 2.35 })).toBe(true);
    expect(validate({ lat: 91, lng: 2.35 })).toBe(false);
    expect(validate({ lat: 48.85 })).toBe(false);
    expect(validate({ lat: 48.85, lng: 2.35, alt: 3 })).toBe(false);
  });

  it('stores latitude in the main column and longitude beside it', () => {
    expect(geoPointFieldType.columns(field)).toEqual([
      { suffix: '', sqlType: 'double precision' },
      { suffix: '_lng', sqlType: 'double precision' },
    ]);
  });

  it('compiles "within" to haversine SQL over the column references, every value a parameter', () => {
    const params: unknown[] = [];
    const sql = geoPointFieldType.filters!['within']!.sql({ lat: 't."loc"', lng: 't."loc_lng"' }, { lat: 48.85, lng: 2.35, km: 25 } as never, (v) => {
      params.push(v);
      return `$${params.length}`;
    });
    expect(params).toEqual([48.85, 2.35, 25]);
    expect(sql).toContain('radians(t."loc" - $1::float8)');
    expect(sql).toContain('radians(t."loc_lng" - $2::float8)');
    expect(sql).toMatch(/<= \$3::float8$/);
    expect(sql).not.toMatch(/48\.85|25(?!\d)/);
  });

  it('once registered, documents use the type and rules use distanceKm', () => {
    const undo = registerContributions(plugin);
    try {
      const doc = {
        entities: {
          site: {
            label: 'Site', pluralLabel: 'Sites', plural: 'sites',
            fields: { name: { type: 'text', label: 'Name' }, location: field },
            rules: {
              inEurope: {
                invalidWhen: { '>': [{ distanceKm: [{ var: 'record.location' }, [50, 10]] }, 3000] },
                message: 'Sites are in Europe',
              },
            },
          },
        },
      };
      expect(validateDocument(doc as never)).toEqual([]);
      const paris = { lat: 48.8566, lng: 2.3522 };
      expect(evaluateRule({ distanceKm: [{ var: 'paris' }, [51.5074, -0.1278]] }, { paris })).toBeCloseTo(343.6, 0);
      expect(evaluateRule({ distanceKm: [{ var: 'paris' }, { var: 'paris' }] }, { paris })).toBe(0);
      expect(evaluateRule({ distanceKm: [null, [1, 1]] })).toBeNull();
      expect(evaluateRule({ distanceKm: [[95, 1], [1, 1]] })).toBeNull();
    } finally {
      undo();
    }
  });
});
