import { dependenciesFirst } from './dependencies-first.js';

const pack = (name: string, dependencies: Record<string, string> = {}) => ({ pack: name, manifest: { dependencies } });

describe('dependenciesFirst', () => {
  it('puts a dependency installed after its dependent (by an upgrade) before it', () => {
    const installs = [pack('projects', { 'fixture-base': '^1.0.0' }), pack('notes'), pack('fixture-base')];
    expect(dependenciesFirst(installs).map((i) => i.pack)).toEqual(['fixture-base', 'projects', 'notes']);
  });

  it('keeps the install order otherwise, and ends on a cycle instead of looping', () => {
    expect(dependenciesFirst([pack('b'), pack('a')]).map((i) => i.pack)).toEqual(['b', 'a']);
    expect(dependenciesFirst([pack('a', { b: '*' }), pack('b', { a: '*' })]).map((i) => i.pack)).toEqual(['b', 'a']);
  });
});
