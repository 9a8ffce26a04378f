/**
 * bench:bot — /latest reply latency through the Bot API emulator with a realistic store:
 * 10,000 subscribers and 50,000 briefings in a temp SQLite file, 200 simulated users.
 *
 * Two phases, both measured from "update pushed" to "reply received by the emulator":
 * - paced (the headline figure): each user sends /latest ROUNDS times, reading for a random
 *   0-2 s (seeded) after each reply, starting at a random moment in the first 2 s — people, not a loop;
 * - burst: all 200 users send /latest at the same instant (after one unmeasured warm-up burst);
 *   p95 there is queueing behind 199 others (about 200 / replies_per_s), printed for reference.
 * The emulator runs in the same process (it shares the CPU with the bot), and over plain http,
 * where telegraf does not keep connections alive; both make these figures pessimistic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/bot/create-bot.js';
import { startBot, stopBot } from '../src/bot/start-bot.js';
import { loadFeedsFile } from '../src/feeds-file.js';
import { createSilentLogger } from '../src/log.js';
import { openDatabase, type SqliteDatabase } from '../src/store/database.js';
import { createSqliteSubscriberRepository } from '../src/store/sqlite/subscriber-repository.js';
import { BotApiEmulator } from '../tests/helpers/bot-api-emulator.js';

const SUBSCRIBERS = 10_000;
const BRIEFINGS = 50_000;
const USERS = 200;
const ROUNDS = 5;
const THINK_MS = 2_000;
let seed32 = 20260105;
/** A seeded uniform random number in [0, 1), so every run offers the same load. */
const random = () => ((seed32 = (seed32 * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NOW = Date.UTC(2026, 0, 5, 9);

const feeds = loadFeedsFile('feeds.json');
const topics = [...new Set(feeds.flatMap((feed) => feed.topics))];
const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-bot-'));
const db = openDatabase(join(dir, 'bench.db'));
seed(db);

const emulator = await new BotApiEmulator().start();
const logger = createSilentLogger();
const subscribers = createSqliteSubscriberRepository(db);
const bot = createBot(
  { subscribers, feeds, adminIds: [], defaults: { timezone: 'Europe/Amsterdam', digestTime: '07:30', language: 'en' }, now: () => Date.now(), logger },
  { token: emulator.token, apiRoot: emulator.apiRoot },
);
const running = await startBot(bot, { webhook: null, defaultLanguage: 'en', logger });

const waiting = new Map<number, () => void>();
emulator.sendListeners.add((message) => waiting.get(message.chat_id)?.());
const latencies: number[] = [];
const burst: number[] = [];

async function latest(chatId: number, into: number[]): Promise<void> {
  const replied = new Promise<void>((resolve) => waiting.set(chatId, resolve));
  const sent = performance.now();
  emulator.sendText({ id: chatId, first_name: 'Bench', language_code: 'en' }, '/latest');
  await replied;
  into.push(performance.now() - sent);
  waiting.delete(chatId);
}

async function user(chatId: number): Promise<void> {
  await sleep(random() * THINK_MS);
  for (let round = 0; round < ROUNDS; round += 1) {
    await latest(chatId, latencies);
    await sleep(random() * THINK_MS);
  }
}

const chats = Array.from({ length: USERS }, (_, i) => 1 + i * Math.floor(SUBSCRIBERS / USERS));
const started = performance.now();
await Promise.all(chats.map((chatId) => user(chatId)));
const elapsedS = (performance.now() - started) / 1000;
await Promise.all(chats.map((chatId) => latest(chatId + 2, []))); // warm-up burst, not measured
const burstStarted = performance.now();
await Promise.all(chats.map((chatId) => latest(chatId + 1, burst)));
const burstS = (performance.now() - burstStarted) / 1000;

await stopBot(running, 'bench done', 2_000);
await emulator.stop();
db.close();
rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
burst.sort((a, b) => a - b);
const percentile = (values: readonly number[], p: number) =>
  Number((values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0).toFixed(2));
const pct = (p: number) => percentile(latencies, p);
const result = {
  bench: 'bot',
  subscribers: SUBSCRIBERS,
  briefings: BRIEFINGS,
  users: USERS,
  requests: latencies.length,
  p50_ms: pct(50),
  p95_ms: pct(95),
  p99_ms: pct(99),
  replies_per_s: Number((latencies.length / elapsedS).toFixed(1)),
  burst_p95_ms: percentile(burst, 95),
  burst_replies_per_s: Number((burst.length / burstS).toFixed(1)),
};
process.stdout.write(`/latest through the emulator: ${result.requests} replies from ${USERS} users, ${SUBSCRIBERS} subscribers, ${BRIEFINGS} briefings\n`);
process.stdout.write(`paced: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (target <= 50), p99 ${result.p99_ms} ms, ${result.replies_per_s} replies/s\n`);
process.stdout.write(`burst (all ${USERS} at once): p95 ${result.burst_p95_ms} ms, ${result.burst_replies_per_s} replies/s\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);

/** 10,000 private chats with one or two topics, 50,000 ok briefings spread over the feeds and the last week. */
function seed(database: SqliteDatabase): void {
  const insertChat = database.prepare(
    `INSERT INTO subscribers (chat_id, chat_type, language, timezone, digest_time, active, created_at, updated_at)
     VALUES (?, 'private', 'en', 'Europe/Amsterdam', '07:30', 1, ?, ?)`,
  );
  const insertSub = database.prepare(`INSERT OR IGNORE INTO subscriptions (chat_id, kind, value) VALUES (?, 'topic', ?)`);
  const insertArticle = database.prepare(
    `INSERT INTO articles (feed_id, id, url, title, published_at, first_seen_at, updated_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBriefing = database.prepare(
    `INSERT INTO briefings (article_seq, headline, sentences, language, words, chars, method, created_at, status)
     VALUES (?, ?, ?, ?, 40, 240, 'extractive', ?, 'ok')`,
  );
  const sentences = JSON.stringify([
    'The minister said on Monday that the plan would be presented to parliament before the summer.',
    'Opposition parties called the proposal insufficient and asked for an independent review.',
  ]);
  database.transaction(() => {
    for (let chatId = 1; chatId <= SUBSCRIBERS; chatId += 1) {
      insertChat.run(chatId, NOW, NOW);
      insertSub.run(chatId, topics[chatId % topics.length]);
      insertSub.run(chatId, topics[(chatId * 7) % topics.length]);
    }
    for (let i = 0; i < BRIEFINGS; i += 1) {
      const feed = feeds[i % feeds.length]!;
      const at = NOW - (BRIEFINGS - i) * 12_000;
      const seq = Number(insertArticle.run(feed.id, `a${i}`, `https://news.example/${feed.id}/${i}`, `Headline ${i}`, at, at, at, `h${i}`).lastInsertRowid);
      insertBriefing.run(seq, `Headline number ${i} about something that happened`, sentences, feed.language, at);
    }
  })();
}
