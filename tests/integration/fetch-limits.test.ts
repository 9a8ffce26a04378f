import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { createHostLimiter } from '../../src/feeds/host-limiter.js';
import { feedResponse, startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

describe('per-host concurrency', () => {
  it('never has more requests in flight on one host than the limit', async () => {
    for (let i = 0; i < 12; i += 1) {
      server.route(`/many-${i}.xml`, (req, res) => {
        setTimeout(() => feedResponse('<rss/>')(req, res), 30);
      });
    }
    server.resetCounts();
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, perHostConcurrency: 2, jitterMs: 10 });
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => fetcher.fetchDocument({ url: server.url(`/many-${i}.xml`) })));
    expect(outcomes.every((outcome) => outcome.kind === 'ok')).toBe(true);
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(1);
    expect(server.maxInFlight()).toBeLessThanOrEqual(2);
  });
});

describe('waiting for a host slot', () => {
  it('does not count the wait behind other feeds of the host against the timeout', async () => {
    // Six answers of 300 ms one after another: the last waits 1.5 s for its slot, longer than the
    // 1.2 s timeout, while each answer alone leaves the timeout a wide margin on a busy machine.
    const paths = Array.from({ length: 6 }, (_, i) => `/queued-${i}.xml`);
    for (const path of paths) {
      server.route(path, (req, res) => {
        setTimeout(() => feedResponse('<rss/>')(req, res), 300);
      });
    }
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, perHostConcurrency: 1, jitterMs: 0, timeoutMs: 1_200 });
    const outcomes = await Promise.all(paths.map((path) => fetcher.fetchDocument({ url: server.url(path) })));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(paths.map(() => 'ok'));
  });

  it('gives up waiting when the caller aborts, without sending the request', async () => {
    server.route('/held.xml', (req, res) => {
      setTimeout(() => feedResponse('<rss/>')(req, res), 100);
    });
    server.route('/never.xml', feedResponse('<rss/>'));
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, perHostConcurrency: 1, jitterMs: 0 });
    const controller = new AbortController();
    const first = fetcher.fetchDocument({ url: server.url('/held.xml') });
    const second = fetcher.fetchDocument({ url: server.url('/never.xml'), signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ reason: 'aborted', retryable: true });
    await first;
    expect(server.hits('/never.xml')).toBe(0);
  });
});

describe('createHostLimiter', () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };

  it('starts queued tasks in order as slots free up, per host', async () => {
    const limiter = createHostLimiter(2);
    const started: string[] = [];
    const gates = new Map(['a1', 'a2', 'a3', 'b1'].map((name) => [name, gate()]));
    const task = (name: string) => () => {
      started.push(name);
      return gates.get(name)!.opened.then(() => name);
    };
    const runs = [limiter.run('a', task('a1')), limiter.run('a', task('a2')), limiter.run('a', task('a3')), limiter.run('b', task('b1'))];
    await Promise.resolve();
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(limiter.active('a')).toBe(2);
    gates.get('a1')!.open();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3']);
    for (const g of gates.values()) g.open();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(limiter.active('a')).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('h', () => Promise.resolve(7))).toBe(7);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limiter = createHostLimiter(1);
    const hold = gate();
    const first = limiter.run('h', () => hold.opened);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run('h', async () => { ran = true; }, controller.signal);
    controller.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    hold.open();
    await first;
    expect(ran).toBe(false);
    expect(limiter.active('h')).toBe(0);
  });

  it('rejects a limit below one', () => {
    expect(() => createHostLimiter(0)).toThrow(RangeError);
  });
});
