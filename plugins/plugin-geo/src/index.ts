/**
 * @trellis/plugin-geo — an example Trellis plugin proving the field-type extension point:
 * - the field type `geoPoint` (two columns, its own GraphQL types, a `within` distance filter in SQL);
 * - the JSON Logic operation `distanceKm`;
 * - the studio half (studio/index.tsx): the coordinate widget, picked up by the studio bundle.
 */
import { definePlugin } from '@trellis/plugin-sdk';
import { geoPointFieldType } from './geo-point-type.js';
import { geoOperations } from './operations.js';

export { geoPointFieldType } from './geo-point-type.js';
export { geoOperations } from './operations.js';
export * from './geo-point.js';

export default definePlugin({
  name: 'geo',
  version: '0.1.0',
  description: 'A geoPoint field type with a coordinate widget and a distance filter, and the distanceKm operation.',
  fieldTypes: [geoPointFieldType],
  operations: geoOperations,
});
