/**
 * The sending side of bench/broadcast.ts, in its own process so its peak RSS is the bot's alone
 * (the emulator, which records every call, stays in the parent). Runs the digest tick for the
 * seeded database, the delivery worker, and /latest-like replies (a twentieth of the limit: every
 * 50 ms at 400 msg/s) sent as the bot sends a command's answer: straight to the Bot API through
 * the bot's replies client, each accepted one counted in the sender's buckets (as main.ts wires
 * it). Prints one JSON line with its figures.
 * Env: BENCH_DB, BENCH_API_ROOT, BENCH_TOKEN, BENCH_LIMIT, BENCH_IN_FLIGHT.
 */
import { createRepliesTelegram } from '../src/bot/replies-telegram.js';
import { sendHtml } from '../src/bot/telegram-adapter.js';
import { createDeliveryWorker } from '../src/jobs/deliver-outbox.js';
import { sendDueDigests } from '../src/jobs/send-digests.js';
import { createSilentLogger } from '../src/log.js';
import { openDatabase } from '../src/store/database.js';
import { createSqliteArticleRepository } from '../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../src/store/sqlite/subscriber-repository.js';
import { createHttpTransport } from '../src/telegram/bot-api-transport.js';
import { createSender } from '../src/telegram/sender.js';
import { SEED_CATALOG } from '../tests/helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z');
export const REPLY_CHAT_BASE = 10_000_000;
const env = (name: string): string => process.env[name] ?? '';

let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const logger = createSilentLogger();
const db = openDatabase(env('BENCH_DB'));
const outbox = createSqliteOutboxRepository(db);
const subscribers = createSqliteSubscriberRepository(db);

const tickStarted = performance.now();
const report = await sendDueDigests(
  { subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger },
  DIGEST_MINUTE,
);
const tickMs = performance.now() - tickStarted;

const limit = Number(env('BENCH_LIMIT'));
const maxInFlight = Number(env('BENCH_IN_FLIGHT'));
const sender = createSender({ transport: createHttpTransport({ apiRoot: env('BENCH_API_ROOT'), token: env('BENCH_TOKEN') }), globalPerSecond: limit, maxInFlight, clock: Date.now });
const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger });
worker.start();

// The bot's reply path, wired as main.ts wires it: a reply skips the sender's queue, and each one
// Telegram accepted takes a token from the sender's global and chat buckets.
const telegram = createRepliesTelegram(env('BENCH_TOKEN'), env('BENCH_API_ROOT'), { onSent: (chatId) => sender.noteExternalSend(chatId) });
const latencies: number[] = [];
let repliesFailed = 0;
let replyChat = REPLY_CHAT_BASE;
const replyTimer = setInterval(() => {
  const at = performance.now();
  sendHtml(telegram, replyChat++, 'latest').then(
    () => latencies.push(performance.now() - at),
    () => (repliesFailed += 1),
  );
}, 20_000 / limit);

for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const stats = outbox.stats(0);
  if (stats.pending === 0 && stats.sending === 0 && worker.inFlight() === 0) break;
}
clearInterval(replyTimer);
await worker.stop();
await new Promise((resolve) => setTimeout(resolve, 200));
sender.close();
clearInterval(rssTimer);
latencies.sort((a, b) => a - b);
const stats = outbox.stats(0);
db.close();
process.stdout.write(`${JSON.stringify({
  digests: report.done,
  tick_ms: Math.round(tickMs),
  replies: latencies.length,
  replies_failed: repliesFailed,
  p50_ms: latencies[Math.floor(latencies.length / 2)] ?? null,
  p95_ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? null,
  peak_rss_mb: Math.round(peakRss / 2 ** 20),
  failed: stats.failed,
  dead: stats.dead,
  rate_limits: sender.rateLimits(),
})}\n`);
process.exit(0);
