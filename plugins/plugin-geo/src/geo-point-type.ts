/**
 * The `geoPoint` field type: stored in two `double precision` columns (`<field>` = latitude, `<field>_lng` =
 * longitude), read and written as `{ lat, lng }` (GraphQL `GeoPoint` / `GeoPointInput`), edited with the
 * coordinate widget, filtered by `isNull` and by distance: `location: { within: { lat, lng, km } }`.
 */
import type { FieldTypeDefinition, JsonSchema } from '@trellis/metadata';
import { EARTH_RADIUS_KM, MAX_DISTANCE_KM, formatGeoPoint, type GeoPoint } from './geo-point.js';

const latitude: JsonSchema = { type: 'number', minimum: -90, maximum: 90, title: 'Latitude' };
const longitude: JsonSchema = { type: 'number', minimum: -180, maximum: 180, title: 'Longitude' };

interface Within extends GeoPoint {
  km: number;
}

/** Haversine distance from the stored point to the operand's, in SQL (no PostGIS needed). */
function withinSql(columns: Record<string, string>, operand: Within, param: (value: unknown) => string): string {
  const lat = columns['lat']!;
  const lng = columns['lng']!;
  const pLat = `${param(operand.lat)}::float8`;
  const pLng = `${param(operand.lng)}::float8`;
  const h = `power(sin(radians(${lat} - ${pLat}) / 2), 2) + cos(radians(${pLat})) * cos(radians(${lat})) * power(sin(radians(${lng} - ${pLng}) / 2), 2)`;
  return `2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(${h}))) <= ${param(operand.km)}::float8`;
}

export const geoPointFieldType: FieldTypeDefinition = {
  name: 'geoPoint',
  label: 'Geo point',
  description: 'A place on Earth as latitude and longitude, such as a site or a delivery address; lists can filter by distance.',
  properties: [],
  columns: () => [
    { suffix: '', sqlType: 'double precision' },
    { suffix: '_lng', sqlType: 'double precision' },
  ],
  graphql: () => ({ output: 'GeoPoint', input: 'GeoPointInput' }),
  graphqlTypes: [
    { name: 'GeoPoint', kind: 'object', description: 'A point in decimal degrees (WGS 84).', fields: { lat: 'Float!', lng: 'Float!' } },
    { name: 'GeoPointInput', kind: 'input', description: 'A point in decimal degrees (WGS 84).', fields: { lat: 'Float!', lng: 'Float!' } },
    { name: 'GeoWithinInput', kind: 'input', description: 'Points at most `km` kilometres from (lat, lng).', fields: { lat: 'Float!', lng: 'Float!', km: 'Float!' } },
  ],
  jsonSchema: () => ({
    type: 'object',
    properties: { lat: latitude, lng: longitude },
    required: ['lat', 'lng'],
    additionalProperties: false,
  }),
  filterOperators: ['isNull'],
  filters: {
    within: {
      label: 'is within',
      input: 'GeoWithinInput',
      operandSchema: {
        type: 'object',
        properties: {
          km: { type: 'number', exclusiveMinimum: 0, maximum: MAX_DISTANCE_KM, title: 'Distance (km)' },
          lat: latitude,
          lng: longitude,
        },
        required: ['km', 'lat', 'lng'],
        additionalProperties: false,
      },
      sql: withinSql as never,
      describe: ((operand: Within) => `${operand.km} km of ${formatGeoPoint(operand)}`) as never,
    },
  },
  sortable: false,
  widget: 'geoPoint',
  supportsUnique: false,
  formatValue: (_field, value) => formatGeoPoint(value),
};
