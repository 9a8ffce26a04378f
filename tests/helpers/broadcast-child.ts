/**
 * The broadcast as a separate process, for the kill tests: opens the database, writes the due
 * digests (idempotent: digest_runs), and runs the delivery worker against the Bot API at
 * NEWSBRIEF_API_ROOT until the outbox is empty, then exits 0. The parent SIGKILLs it at random
 * moments and starts it again. Env: NEWSBRIEF_DB, NEWSBRIEF_API_ROOT, NEWSBRIEF_DIGEST_NOW (ms),
 * NEWSBRIEF_RATE (global msg/s), NEWSBRIEF_TOKEN.
 */
import { createDeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { sendDueDigests } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { createHttpTransport } from '../../src/telegram/bot-api-transport.js';
import { createSender } from '../../src/telegram/sender.js';
import { SEED_CATALOG } from './delivery-seed.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`tests/broadcast-child: ${name} is not set`);
  return value;
};

const db = openDatabase(env('NEWSBRIEF_DB'));
const logger = createSilentLogger();
const outbox = createSqliteOutboxRepository(db);
const subscribers = createSqliteSubscriberRepository(db);
const sender = createSender({
  transport: createHttpTransport({ apiRoot: env('NEWSBRIEF_API_ROOT'), token: env('NEWSBRIEF_TOKEN') }),
  globalPerSecond: Number(env('NEWSBRIEF_RATE')),
  maxInFlight: Number(env('NEWSBRIEF_IN_FLIGHT')),
  clock: Date.now,
});
const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger, baseBackoffMs: 50, maxBackoffMs: 500 });
worker.start();
await sendDueDigests(
  { subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, worker, logger },
  Number(env('NEWSBRIEF_DIGEST_NOW')),
);
const timer = setInterval(() => {
  const stats = outbox.stats(0);
  if (stats.pending === 0 && stats.sending === 0 && worker.inFlight() === 0) {
    clearInterval(timer);
    void worker.stop().then(() => {
      sender.close();
      db.close();
      process.exit(0);
    });
  }
}, 20);
