import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startLoopbackFeedFolder, until, type RunningApp } from '../helpers/app-process.js';
import type { FeedServer } from '../helpers/feed-server.js';

/**
 * Two bots started on one DATABASE_PATH (a second `npm start`, a container restarted while the
 * old one still runs): the second refuses in one line naming the first, and exits 1; a bot that
 * stopped cleanly or was killed never keeps the next one from starting.
 */

describe('one bot per database', () => {
  let feeds: FeedServer;
  let dir: string;
  const apps: RunningApp[] = [];
  const start = (database: string) => {
    const app = startApp({ FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, database) });
    apps.push(app);
    return app;
  };
  const started = (app: RunningApp) => until(() => app.output().includes('"msg":"newsbrief started"'), 'the bot to start');

  beforeAll(async () => {
    ({ feeds, dir } = await startLoopbackFeedFolder('nb-lease-'));
  });
  afterEach(() => {
    for (const app of apps.splice(0)) app.child.kill('SIGKILL');
  });
  afterAll(async () => {
    await feeds.close();
  });

  it('refuses a second bot on the same database, naming the first, and lets the next start once the first stopped', async () => {
    const first = start('shared.db');
    await started(first);
    const second = start('shared.db');
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`^newsbrief: DATABASE_PATH: .*shared\\.db: another newsbrief already runs on this database \\(pid ${first.child.pid} on ${hostname()}, running since `, 'm'));
    expect(second.output()).toContain('Stop that one first, or give this one its own DATABASE_PATH');
    expect(second.output()).not.toContain('newsbrief started');
    expect(second.output()).not.toMatch(/\n\s+at /);
    expect(first.child.exitCode).toBeNull();
    const health = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'health'], {
      env: { PATH: process.env.PATH ?? '', FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'shared.db') }, encoding: 'utf8',
    });
    expect(health.stdout).toMatch(new RegExp(`^bot: runs on this database \\(pid ${first.child.pid} on ${hostname()}, running since .*, last heartbeat \\d+ s ago\\)$`, 'm'));

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const third = start('shared.db');
    await started(third);
    expect(third.output()).not.toContain('instance lease');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('starts at once after the bot before it was killed (its lease still fresh), saying it takes over', async () => {
    const first = start('killed.db');
    await started(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = start('killed.db');
    await started(second);
    expect(second.output()).toMatch(new RegExp(`instance lease: taking over from a bot that did not stop cleanly \\(pid ${first.child.pid} on `));
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('refuses while a bot on another host renews its lease, and starts once that lease is 90 s old', async () => {
    const path = join(dir, 'elsewhere.db');
    const first = start('elsewhere.db');
    await started(first);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const db = new Database(path);
    const writeLease = (heartbeatAt: number) => db.prepare('INSERT OR REPLACE INTO instance_lease (id, host, pid, started_at, heartbeat_at) VALUES (1, ?, ?, ?, ?)')
      .run('other-host', 4242, heartbeatAt - 3_600_000, heartbeatAt);
    try {
      writeLease(Date.now());
      const refused = start('elsewhere.db');
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toMatch(/^newsbrief: DATABASE_PATH: .*another newsbrief already runs on this database \(pid 4242 on other-host, /m);

      writeLease(Date.now() - 91_000);
      const next = start('elsewhere.db');
      await started(next);
      expect(next.output()).toContain('taking over from a bot that did not stop cleanly (pid 4242 on other-host');
      next.child.kill('SIGTERM');
      expect(await next.exited).toBe(0);
    } finally {
      db.close();
    }
  });
});
