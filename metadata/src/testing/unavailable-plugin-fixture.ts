import type { MetadataDocument } from '../types.js';

/** Published while a plugin provided `geoPoint`; tests do not register it, as when the plugin is gone. A fresh copy each call. */
export const siteWithGeoPoint = (): MetadataDocument =>
  ({
    entities: {
      site: {
        label: 'Site',
        pluralLabel: 'Sites',
        plural: 'sites',
        displayField: 'name',
        fields: { name: { type: 'text', label: 'Name' }, city: { type: 'text', label: 'City' }, location: { type: 'geoPoint', label: 'Location' } },
      },
    },
  }) as unknown as MetadataDocument;
