/**
 * @trellis/plugin-text-tools — an example Trellis plugin.
 * - operations `slugify` and `formatPhone`, usable in every JSON Logic rule, formula and condition;
 * - the workflow action `text-tools.webhookWithRetry`.
 */
import { definePlugin } from '@trellis/plugin-sdk';
import { formatPhone, slugify } from './text.js';
import { webhookWithRetry } from './webhook.js';

export { formatPhone, slugify } from './text.js';
export { webhookWithRetry } from './webhook.js';

export default definePlugin({
  name: 'text-tools',
  version: '0.1.0',
  description: 'slugify and formatPhone JSON Logic operations, and a webhook action retried on transient failures.',
  operations: {
    slugify: (text: unknown, separator?: unknown) => slugify(text, separator),
    formatPhone: (value: unknown, countryCode?: unknown) => formatPhone(value, countryCode),
  },
  actions: { webhookWithRetry: webhookWithRetry as never },
});
