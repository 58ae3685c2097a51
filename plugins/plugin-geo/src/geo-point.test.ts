import { distanceKm, formatGeoPoint, isGeoPoint, parseGeoPoint } from './geo-point.js';

const paris = { lat: 48.8566, lng: 2.3522 };
const london = { lat: 51.5074, lng: -0.1278 };

describe('geo points', () => {
  it('measures great-circle distances (Paris–London ≈ 343.6 km, a point to itself 0, antipodes half the Earth)', () => {
    expect(distanceKm(paris, london)).toBeCloseTo(343.6, 0);
    expect(distanceKm(london, paris)).toBeCloseTo(distanceKm(paris, london), 9);
    expect(distanceKm(paris, paris)).toBe(0);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015.1, 0);
  });

  it('tells points from other values', () => {
    expect(isGeoPoint(paris)).toBe(true);
    expect(isGeoPoint({ lat: 91, lng: 0 })).toBe(false);
    expect(isGeoPoint({ lat: 1 })).toBe(false);
    expect(isGeoPoint(null)).toBe(false);
  });

  it('formats a point in words, hemispheres included', () => {
    expect(formatGeoPoint(paris)).toBe('48.8566° N, 2.3522° E');
    expect(formatGeoPoint({ lat: -33.8688, lng: -70.6693 })).toBe('33.8688° S, 70.6693° W');
    expect(formatGeoPoint('nowhere')).toBe('');
  });

  it('reads pasted coordinates in the usual forms', () => {
    expect(parseGeoPoint('48.8566, 2.3522')).toEqual(paris);
    expect(parseGeoPoint('48.8566 2.3522')).toEqual(paris);
    expect(parseGeoPoint('33.8688° S, 70.6693° W')).toEqual({ lat: -33.8688, lng: -70.6693 });
    expect(parseGeoPoint('48.8566')).toBeNull();
    expect(parseGeoPoint('95, 10')).toBeNull();
  });
});
