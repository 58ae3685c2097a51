/**
 * Geo points: `{ lat, lng }` in decimal degrees (WGS 84), and distances between them on the Earth's surface
 * (haversine on the mean Earth radius: within 0.5% of the ellipsoid, plenty for "sites within 25 km").
 * Pure: the same code runs in the studio and on the server.
 */

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Half the Earth's circumference: no two points are farther apart. */
export const MAX_DISTANCE_KM = 20038;

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (typeof value !== 'object' || value === null) return false;
  const { lat, lng } = value as Record<string, unknown>;
  return typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two points. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const h =
    Math.sin(radians(b.lat - a.lat) / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(radians(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `48.8566° N, 2.3522° E` (4 decimals ≈ 11 m); empty for a value that is not a point. */
export function formatGeoPoint(value: unknown): string {
  if (!isGeoPoint(value)) return '';
  const part = (n: number, positive: string, negative: string) => `${Math.abs(n).toFixed(4)}° ${n >= 0 ? positive : negative}`;
  return `${part(value.lat, 'N', 'S')}, ${part(value.lng, 'E', 'W')}`;
}

/**
 * Reads coordinates typed or pasted in the common forms: `48.8566, 2.3522`, `48.8566 2.3522`,
 * `48.8566° N, 2.3522° W`. Null when the text is not two numbers in range.
 */
export function parseGeoPoint(text: string): GeoPoint | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*°?\s*([NS])?\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*°?\s*([EW])?\s*$/i.exec(text);
  if (!match) return null;
  const lat = Number(match[1]) * (match[2]?.toUpperCase() === 'S' ? -1 : 1);
  const lng = Number(match[3]) * (match[4]?.toUpperCase() === 'W' ? -1 : 1);
  const point = { lat, lng };
  return isGeoPoint(point) ? point : null;
}
