import { definePlugin } from '@trellis/plugin-sdk';
import { metadata } from './metadata.js';
import { seed } from './seed.js';

export { metadata } from './metadata.js';
export { seed } from './seed.js';

/** The starter sales pack: companies, people and opportunities, with sample records. */
export default definePlugin({
  name: 'starter-sales',
  version: '0.1.0',
  description: 'Companies, the people who work there and the deals in progress with them, with sample data.',
  metadata,
  seed,
});
