import * as runtime from './index.js';

describe('@trellis/runtime entry point', () => {
  it('exports validation, form schema, list and rule functions', () => {
    for (const name of ['recordJsonSchema', 'compileRecordValidator', 'formatFieldLabel', 'toFormSchema', 'toListColumns', 'evaluateRule', 'registerOperation']) {
      expect(typeof (runtime as Record<string, unknown>)[name]).toBe('function');
    }
  });
});

describe('@trellis/runtime rule engine exports', () => {
  it('exports the rule functions and registers the rule operations on import', () => {
    for (const name of ['buildRuleContext', 'applyChanges', 'compileEntityRules', 'checkRecordRules', 'evaluateConditions', 'hasRecordRules', 'withoutHiddenFieldErrors', 'sameValue', 'isBlankValue']) {
      expect(typeof (runtime as Record<string, unknown>)[name]).toBe('function');
    }
    expect(runtime.listOperations()).toEqual(expect.arrayContaining(['changed', 'regexMatch', 'round']));
  });
});
