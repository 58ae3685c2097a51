import { componentPointer, originText } from './component-origins.js';

describe('component origins', () => {
  const origins = { '/entities/serviceCase': 'service@1.1.0', '/entities/serviceCase/fields/subject': 'service@1.1.0', '/entities/x': '@scope/pack@2.0.0' };

  it('names the pack and version a component came from, and nothing for the workspace’s own', () => {
    expect(originText(origins, componentPointer('serviceCase'))).toBe('service 1.1.0');
    expect(originText(origins, componentPointer('serviceCase', 'subject'))).toBe('service 1.1.0');
    expect(originText(origins, componentPointer('serviceCase', 'myField'))).toBeUndefined();
    expect(originText(origins, componentPointer('x'))).toBe('@scope/pack 2.0.0');
    expect(originText(undefined, componentPointer('serviceCase'))).toBeUndefined();
  });
});
