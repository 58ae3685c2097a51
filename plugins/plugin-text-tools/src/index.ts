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
    slugify: {
      evaluate: ((text: unknown, separator?: unknown) => slugify(text, separator)) as never,
      minArgs: 1,
      maxArgs: 2,
      result: 'string',
      description: "A URL-safe slug of the text (accents removed, lowercase, words joined by '-' or the separator given).",
    },
    formatPhone: {
      evaluate: ((value: unknown, countryCode?: unknown) => formatPhone(value, countryCode)) as never,
      minArgs: 1,
      maxArgs: 2,
      result: 'string',
      description: "The phone number in E.164 form (+ and digits), using the country code given for national numbers; null when it cannot be one.",
    },
  },
  actions: { webhookWithRetry: webhookWithRetry as never },
});
