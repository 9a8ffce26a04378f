import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { createLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { createHttpTransport } from '../../src/telegram/bot-api-transport.js';
import { createSender } from '../../src/telegram/sender.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { seedChats } from '../helpers/delivery-seed.js';

const START = Date.parse('2025-06-02T05:30:00Z');
const CHAT = 5;

/**
 * Telegram accepted a message and the database refused to record it: another process held the
 * write lock past the busy timeout (`newsbrief housekeep --vacuum`, a long write), or the disk
 * was full. The row must not stay `sending` for the rest of the run.
 */
describe('an accepted message whose answer the database could not record at once', () => {
  let dir: string;
  let path: string;
  let db: SqliteDatabase;
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-record-'));
    path = join(dir, 'test.db');
    db = openDatabase(path);
    emulator = await new BotApiEmulator().start();
  });
  afterEach(async () => {
    await emulator.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records it once the database takes writes again, sends the parts after it, and never sends it again after a restart', async () => {
    seedChats(db, [{ chatId: CHAT }], START);
    const parts = [1, 2, 3].map((n) => ({ key: `digest:${CHAT}:2025-06-02:Europe/Amsterdam:${n}`, chatId: CHAT, kind: 'digest' as const, priority: 0, payload: { text: `part ${n} of 3` } }));
    createSqliteOutboxRepository(db).enqueue(parts, START);
    const logLines: string[] = [];
    const logger = createLogger('debug', [], { write: (line: string) => void logLines.push(line) });

    // Telegram delivers part 1; its answer is held back while another process takes the write lock.
    emulator.interruptNext('sendMessage', 'hang-after');
    const first = startWorker(db, logger);
    await emulator.waitFor(() => emulator.messagesTo(CHAT).length === 1);
    const other = openDatabase(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      emulator.answerHung();
      await emulator.waitFor(() => logLines.some((line) => line.includes('recording an outcome failed')), 30_000);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    // The lock is gone: part 1 is recorded as sent, and parts 2 and 3 follow in this same run.
    await emulator.waitFor(() => first.outbox.stats(0).sentToday === 3, 15_000);
    await first.stop();

    // A restart finds nothing in flight, so it sends nothing again.
    const restartedDb = openDatabase(path);
    try {
      const restarted = startWorker(restartedDb, logger);
      expect(restarted.resumed).toEqual([]);
      await restarted.stop();
    } finally {
      restartedDb.close();
    }
    expect(emulator.messagesTo(CHAT).map((message) => message.text)).toEqual(['part 1 of 3', 'part 2 of 3', 'part 3 of 3']);
  });

  function startWorker(connection: SqliteDatabase, logger: ReturnType<typeof createLogger>) {
    const outbox = createSqliteOutboxRepository(connection);
    const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 100, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(connection), clock: Date.now, logger });
    const resumed = worker.start();
    return {
      outbox,
      resumed,
      async stop() {
        await worker.stop();
        sender.close();
      },
    };
  }
});
