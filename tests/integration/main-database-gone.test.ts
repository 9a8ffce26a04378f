import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startLoopbackFeedFolder, until } from '../helpers/app-process.js';
import type { FeedServer } from '../helpers/feed-server.js';

/**
 * The database file taken away from the running bot. SQLite goes on writing to the open file, so
 * nothing failed; but what it stored from then on vanished at the stop, and the next start began
 * with an empty database, without a word. It now stops, exits 1 and says why.
 */

describe('the database file gone while the bot runs', () => {
  let feeds: FeedServer;
  let dir: string;

  beforeAll(async () => {
    ({ feeds, dir } = await startLoopbackFeedFolder('nb-db-gone-'));
  });
  afterAll(async () => {
    await feeds.close();
  });

  const cases = [
    { what: 'its folder removed', take: (data: string) => rmSync(data, { recursive: true }), said: 'was deleted or moved' },
    { what: 'the file moved away', take: (data: string) => renameSync(join(data, 'newsbrief.db'), join(dir, 'moved.db')), said: 'was deleted or moved' },
    { what: 'another file put in its place', take: (data: string) => renameSync(join(dir, 'other.db'), join(data, 'newsbrief.db')), said: 'was replaced by another file' },
  ];
  it.each(cases)('stops with exit 1 and one line saying so: $what', async ({ take, said }) => {
    const data = mkdtempSync(join(dir, 'data-'));
    writeFileSync(join(dir, 'other.db'), '');
    const app = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATA_DIR: data });
    try {
      await until(() => app.output().includes('poll tick finished'), 'the first poll');
      take(data);
      expect(await app.exited).toBe(1);
      expect(app.output()).toContain('"msg":"stopped"');
      expect(app.output().split('\n')).toContain(
        `newsbrief: DATABASE_PATH: ${data}/newsbrief.db ${said} while newsbrief ran; it stopped, since nothing it stored from then on could be kept. Start it again to use the file now at that path (a new, empty one if there is none)`,
      );
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it('starts again on a new database once the folder was removed', async () => {
    const data = join(dir, 'again');
    const first = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATA_DIR: data });
    await until(() => first.output().includes('poll tick finished'), 'the first poll');
    rmSync(data, { recursive: true });
    expect(await first.exited).toBe(1);
    const second = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATA_DIR: data });
    try {
      await until(() => second.output().includes('"new":3'), 'the articles stored again');
      expect(existsSync(join(data, 'newsbrief.db'))).toBe(true);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
