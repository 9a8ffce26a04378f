import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../src/bot/terminal-chat.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { FIXED_NOW, TEST_FEEDS } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

/**
 * Runs the terminal chat as user 7 (a bot admin) on `db` with `lines` as input, which stays open
 * after them when `keepOpen` (a terminal nobody closed); resolves with what it printed.
 */
async function chatOn(db: SqliteDatabase, lines: readonly string[], keepOpen = false): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const text = lines.join('\n');
  if (keepOpen) input.write(`${text}\n`);
  else input.end(text);
  await runTerminalChat(
    { subscribers: createSqliteSubscriberRepository(db), feeds: () => TEST_FEEDS, adminIds: [7], defaults: { timezone: 'UTC', digestTime: '07:30', language: 'en' }, digestCatchUpHours: 3, now: () => FIXED_NOW, logger: createSilentLogger() },
    { input, output, userId: 7, firstName: 'Op', languageCode: 'en' },
  );
  return printed;
}

describe('newsbrief chat (the terminal chat)', () => {
  let dir: string;
  let db: SqliteDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-chat-'));
    db = openDatabase(join(dir, 'chat.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the same commands on the same store, with numbered buttons, and no Telegram', async () => {
    seedBriefings(db, [{ feedId: 'bbc-world', headline: 'Talks & <progress>', createdAt: FIXED_NOW, url: 'https://bbc.example/1' }]);
    const printed = await chatOn(db, ['/start', '1', '/latest', '/time 6:00', '/settings', '4', '/nonsense', '/subscribe @elsewhere']);
    expect(printed).toContain('Hello Op!');
    expect(printed).toContain('[1] Follow the default selection');
    expect(printed).toContain('(edited) Now following: Tech, World.');
    expect(printed).toContain('Talks & <progress>');
    expect(printed).toContain('BBC News World (https://bbc.example/1)');
    expect(printed).toContain('Your daily digest arrives at 06:00 (UTC).');
    expect(printed).toContain('[1] Nederlands   [2] Deutsch   [3] Français\n[4] Turn off daily digest');
    expect(printed).toContain('Daily digest: off');
    expect(printed).toContain('I do not know that command.');
    expect(printed).toContain('I cannot find @elsewhere.');
    expect(printed).not.toContain('Something went wrong');
    expect(createSqliteSubscriberRepository(db).find(7)).toMatchObject({ topics: ['tech', 'world'], digestTime: null });
  });

  it('ends at /quit or exit, even while the input stays open', async () => {
    for (const quit of ['/quit', 'exit']) {
      const printed = await chatOn(db, ['/help', quit, '/latest'], true);
      expect(printed).toContain('/quit or Ctrl-D to leave');
      expect(printed).toContain('What I can do');
      expect(printed).not.toContain('There are no briefings yet');
      expect(printed).not.toContain('I do not know that command');
    }
  });
});
