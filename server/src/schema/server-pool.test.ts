import { ServerPool } from './server-pool.js';

/** A pool of fake servers that records what was started and stopped. */
function pool(max: number, pinned: string[] = []) {
  const started: string[] = [];
  const stopped: string[] = [];
  const servers = new ServerPool<string>({
    max,
    pinned: new Set(pinned),
    stop: async (server) => void stopped.push(server),
  });
  const start = (key: string) => async () => {
    started.push(key);
    if (key === 'broken') throw new Error('cannot start');
    return key;
  };
  const use = (key: string) => servers.with(key, start(key), async (server) => server);
  return { servers, started, stopped, use, start };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ServerPool', () => {
  it('starts a server once per key and reuses it', async () => {
    const { started, use } = pool(4);
    expect(await use('a')).toBe('a');
    expect(await use('a')).toBe('a');
    expect(await use('b')).toBe('b');
    expect(started).toEqual(['a', 'b']);
  });

  it('beyond max, drops and stops the least recently used server, never a pinned one', async () => {
    const { servers, stopped, use } = pool(2, ['full']);
    await use('full');
    await use('a');
    await use('b'); // three servers for a max of two: the oldest unpinned one, a, goes
    await settle();
    expect(stopped).toEqual(['a']);
    await use('b');
    await use('c');
    await settle();
    expect(stopped).toEqual(['a', 'b']);
    expect(servers.keys()).toEqual(['full', 'c']);
  });

  it('uses recency, not start order: a server in use stays', async () => {
    const { servers, stopped, use } = pool(2);
    await use('a');
    await use('b');
    await use('a');
    await use('c');
    await settle();
    expect(stopped).toEqual(['b']);
    expect(servers.keys()).toEqual(['a', 'c']);
  });

  it('stops a dropped server only once its requests in flight are answered', async () => {
    const { servers, stopped, start } = pool(1);
    let finish!: () => void;
    const slow = servers.with('a', start('a'), (server) => new Promise<string>((resolve) => (finish = () => resolve(server))));
    await settle();
    await servers.with('b', start('b'), async (server) => server); // drops a while its request runs
    await settle();
    expect(stopped).toEqual([]);
    finish();
    expect(await slow).toBe('a');
    await settle();
    expect(stopped).toEqual(['a']);
  });

  it('forgets a server that failed to start, so the next request tries again', async () => {
    const { started, use } = pool(4);
    await expect(use('broken')).rejects.toThrow('cannot start');
    await expect(use('broken')).rejects.toThrow('cannot start');
    expect(started).toEqual(['broken', 'broken']);
  });

  it('stops every server at shutdown', async () => {
    const { servers, stopped, use } = pool(4, ['full']);
    await use('full');
    await use('a');
    await servers.stopAll();
    expect(stopped.sort()).toEqual(['a', 'full']);
    expect(servers.keys()).toEqual([]);
  });
});
