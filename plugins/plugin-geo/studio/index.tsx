/** The geo plugin's studio half: the same field type and operation as the server, plus the coordinate widget. */
import { defineStudioPlugin } from '@trellis/plugin-sdk/studio';
import { geoPointFieldType } from '../src/geo-point-type.js';
import { geoOperations } from '../src/operations.js';
import { GeoPointWidget } from './GeoPointWidget.js';

export default defineStudioPlugin({
  name: 'geo',
  fieldTypes: [geoPointFieldType],
  operations: geoOperations,
  widgets: { geoPoint: GeoPointWidget },
});
