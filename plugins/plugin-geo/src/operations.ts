/** The plugin's JSON Logic operations (the same in the studio's forms and on the server). */
import type { PluginOperationDefinition } from '@trellis/plugin-sdk';
import { distanceKm, isGeoPoint, type GeoPoint } from './geo-point.js';

/** A point field's value, or `[lat, lng]` (JSON Logic reads an object literal as an operation). */
function pointOf(value: unknown): GeoPoint | null {
  if (isGeoPoint(value)) return value;
  if (Array.isArray(value) && value.length === 2) {
    const point = { lat: value[0] as number, lng: value[1] as number };
    return isGeoPoint(point) ? point : null;
  }
  return null;
}

export const geoOperations: Record<string, PluginOperationDefinition> = {
  distanceKm: {
    evaluate: ((a: unknown, b: unknown) => {
      const [from, to] = [pointOf(a), pointOf(b)];
      return from && to ? Math.round(distanceKm(from, to) * 1000) / 1000 : null;
    }) as never,
    minArgs: 2,
    maxArgs: 2,
    result: 'number',
    description: 'Distance in km (3 decimals) between two geo points (a geoPoint value or [lat, lng]); null when either is missing.',
  },
};
