import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTerminalChat } from '../../src/bot/terminal-chat.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { FIXED_NOW, TEST_FEEDS } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

describe('newsbrief chat (the terminal chat)', () => {
  it('runs the same commands on the same store, with numbered buttons, and no Telegram', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbrief-chat-'));
    const db = openDatabase(join(dir, 'chat.db'));
    try {
      seedBriefings(db, [{ feedId: 'bbc-world', headline: 'Talks & <progress>', createdAt: FIXED_NOW, url: 'https://bbc.example/1' }]);
      const subscribers = createSqliteSubscriberRepository(db);
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      input.end(['/start', '1', '/latest', '/time 6:00', '/settings', '4', '/nonsense', '/subscribe @elsewhere'].join('\n'));
      await runTerminalChat(
        { subscribers, feeds: () => TEST_FEEDS, adminIds: [7], defaults: { timezone: 'UTC', digestTime: '07:30', language: 'en' }, now: () => FIXED_NOW, logger: createSilentLogger() },
        { input, output, userId: 7, firstName: 'Op', languageCode: 'en' },
      );
      expect(printed).toContain('Hello Op!');
      expect(printed).toContain('[1] Follow the default selection');
      expect(printed).toContain('(edited) Now following: tech, world.');
      expect(printed).toContain('Talks & <progress>');
      expect(printed).toContain('BBC News World (https://bbc.example/1)');
      expect(printed).toContain('Your daily digest arrives at 06:00 (UTC).');
      expect(printed).toContain('[1] Nederlands   [2] Deutsch   [3] Français\n[4] Digest off');
      expect(printed).toContain('Daily digest: off');
      expect(printed).toContain('I do not know that command.');
      expect(printed).toContain('I cannot find @elsewhere.');
      expect(printed).not.toContain('Something went wrong');
      expect(subscribers.find(7)).toMatchObject({ topics: ['tech', 'world'], digestTime: null });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends at /quit or exit, even while the input stays open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsbrief-chat-'));
    const db = openDatabase(join(dir, 'chat.db'));
    try {
      for (const quit of ['/quit', 'exit']) {
        const input = new PassThrough();
        const output = new PassThrough();
        let printed = '';
        output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
        input.write(['/help', quit, '/latest', ''].join('\n'));
        await runTerminalChat(
          { subscribers: createSqliteSubscriberRepository(db), feeds: () => TEST_FEEDS, adminIds: [], defaults: { timezone: 'UTC', digestTime: '07:30', language: 'en' }, now: () => FIXED_NOW, logger: createSilentLogger() },
          { input, output, userId: 8, firstName: 'Op', languageCode: 'en' },
        );
        expect(printed).toContain('/quit or Ctrl-D to leave');
        expect(printed).toContain('What I can do');
        expect(printed).not.toContain('There are no briefings yet');
        expect(printed).not.toContain('I do not know that command');
      }
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
