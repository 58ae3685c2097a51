import * as runtime from './index.js';

describe('@trellis/runtime entry point', () => {
  it('exports validation, form schema, list and rule functions', () => {
    for (const name of ['recordJsonSchema', 'compileRecordValidator', 'formatFieldLabel', 'toFormSchema', 'toListColumns', 'evaluateRule', 'registerOperation']) {
      expect(typeof (runtime as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
