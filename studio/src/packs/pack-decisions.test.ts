import { initialEditText, parseEditedValue, progressText, summarizeClashes, summarizeDecisions } from './pack-decisions.js';

const conflicts = [{ path: '/entities/case/label' }, { path: '/entities/case/fields/priority/options' }, { path: '/entities/case/fields/sla/label' }];

describe('upgrade decisions', () => {
  it('is incomplete until every conflict is decided, and sends only usable decisions', () => {
    const s = summarizeDecisions(conflicts, { '/entities/case/label': { kind: 'ours' } });
    expect(s.complete).toBe(false);
    expect(s.undecided).toEqual(['/entities/case/fields/priority/options', '/entities/case/fields/sla/label']);
    expect(s.decisions).toEqual({ '/entities/case/label': { take: 'ours' } });
  });

  it('turns keep mine / take pack\'s / edit into the server\'s decisions', () => {
    const s = summarizeDecisions(conflicts, {
      '/entities/case/label': { kind: 'ours' },
      '/entities/case/fields/priority/options': { kind: 'theirs' },
      '/entities/case/fields/sla/label': { kind: 'edit', text: ' "SLA due" ' },
    });
    expect(s).toEqual({
      complete: true,
      undecided: [],
      invalid: [],
      decisions: {
        '/entities/case/label': { take: 'ours' },
        '/entities/case/fields/priority/options': { take: 'theirs' },
        '/entities/case/fields/sla/label': { value: 'SLA due' },
      },
    });
  });

  it('keeps an edited value that is not JSON out of the decisions, and says why', () => {
    const s = summarizeDecisions([conflicts[0]], { '/entities/case/label': { kind: 'edit', text: 'SLA due' } });
    expect(s.complete).toBe(false);
    expect(s.decisions).toEqual({});
    expect(s.invalid).toEqual([{ path: '/entities/case/label', message: expect.stringMatching(/^Not valid JSON/) }]);
    expect(parseEditedValue('  ')).toEqual({ error: 'Enter a JSON value (a string needs quotes).' });
    expect(parseEditedValue('null')).toEqual({ value: null });
  });

  it('ignores choices for paths that are not conflicts (a merge computed again)', () => {
    const s = summarizeDecisions([conflicts[0]], { '/entities/case/label': { kind: 'theirs' }, '/gone': { kind: 'ours' } });
    expect(s.decisions).toEqual({ '/entities/case/label': { take: 'theirs' } });
    expect(s.complete).toBe(true);
  });

  it('has nothing to decide without conflicts', () => {
    expect(summarizeDecisions([], {})).toEqual({ decisions: {}, undecided: [], invalid: [], complete: true });
  });

  it('starts the editor from the customer\'s value, else the pack\'s', () => {
    expect(initialEditText({ ours: { label: 'Mine' }, theirs: 'x' })).toBe('{\n  "label": "Mine"\n}');
    expect(initialEditText({ ours: undefined, theirs: 'Pack' })).toBe('"Pack"');
    expect(initialEditText({ ours: null, theirs: null })).toBe('null');
  });

  it('counts progress', () => {
    expect(progressText(3, 1, 'conflict')).toBe('2 of 3 conflicts decided');
    expect(progressText(1, 0, 'clash')).toBe('1 of 1 clash decided');
    expect(progressText(6, 0, 'clash')).toBe('6 of 6 clashes decided');
  });
});

describe('install clash choices', () => {
  it('is complete once every clash has a choice', () => {
    const clashes = [{ path: '/entities/case' }, { path: '/roles/agent' }];
    expect(summarizeClashes(clashes, { '/entities/case': 'keepMine' })).toEqual({ choices: { '/entities/case': 'keepMine' }, unchosen: ['/roles/agent'], complete: false });
    expect(summarizeClashes(clashes, { '/entities/case': 'keepMine', '/roles/agent': 'takePack', '/x': 'takePack' })).toEqual({
      choices: { '/entities/case': 'keepMine', '/roles/agent': 'takePack' },
      unchosen: [],
      complete: true,
    });
  });
});
