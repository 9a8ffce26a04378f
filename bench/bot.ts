/**
 * bench:bot — /latest reply latency through the Bot API emulator with a realistic store:
 * 10,000 subscribers and 50,000 briefings in a temp SQLite file, 200 simulated users.
 *
 * The emulator and the load run here; the bot runs in a child process (this file with `--child`)
 * on the same database, so the two share the machine's cores as a real deployment would share it
 * with Telegram. Latency is "update pushed" to "reply received by the emulator". Two phases:
 * - burst (the headline, the stricter one): 200 chats send /latest at the same instant, BURSTS
 *   times with a fresh 200 each time (after one unmeasured warm-up burst), so each reply queues
 *   behind up to 199 others;
 * - paced: each user sends /latest ROUNDS times, reading for a random 0-2 s (seeded) after each
 *   reply, starting at a random moment in the first 2 s — people, not a loop.
 * The last line is one JSON object; p50/p95/p99 and replies_per_s there are the burst's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/bot/create-bot.js';
import { linkOf } from '../src/core/story-keys.js';
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
const BURSTS = 5;
const THINK_MS = 2_000;
const TARGET_P95_MS = 50;
const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux
const NOW = Date.UTC(2026, 0, 5, 9);
let seed32 = 20260105;
/** A seeded uniform random number in [0, 1), so every run offers the same load. */
const random = () => ((seed32 = (seed32 * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const feeds = loadFeedsFile('feeds.json');

if (process.argv[2] === '--child') await runBot(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await runBench();

/** The bot side: long polling against the emulator until stdin closes. */
async function runBot(dbPath: string, apiRoot: string, token: string): Promise<void> {
  const db = openDatabase(dbPath);
  const logger = createSilentLogger();
  const bot = createBot(
    { subscribers: createSqliteSubscriberRepository(db), feeds: () => feeds, adminIds: [], defaults: { timezone: 'Europe/Amsterdam', digestTime: '07:30', language: 'en' }, digestCatchUpHours: 3, now: () => Date.now(), logger },
    { token, apiRoot },
  );
  const running = await startBot(bot, { webhook: null, defaultLanguage: 'en', logger });
  process.stdout.write('ready\n');
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
  await stopBot(running, 'bench done', 2_000);
  db.close();
  process.exit(0);
}

async function runBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-bot-'));
  const dbPath = join(dir, 'bench.db');
  const db = openDatabase(dbPath);
  seed(db);
  db.close();
  const emulator = await new BotApiEmulator().start();
  const child = await startChild(dbPath, emulator.apiRoot, emulator.token);

  const waiting = new Map<number, () => void>();
  emulator.sendListeners.add((message) => waiting.get(message.chat_id)?.());
  async function latest(chatId: number, into: number[]): Promise<void> {
    const replied = new Promise<void>((resolve) => waiting.set(chatId, resolve));
    const sent = performance.now();
    emulator.sendText({ id: chatId, first_name: 'Bench', language_code: 'en' }, '/latest');
    await replied;
    into.push(performance.now() - sent);
    waiting.delete(chatId);
  }
  const chats = Array.from({ length: USERS }, (_, i) => 1 + i * Math.floor(SUBSCRIBERS / USERS));

  const paced: number[] = [];
  const pacedStarted = performance.now();
  await Promise.all(chats.map(async (chatId) => {
    await sleep(random() * THINK_MS);
    for (let round = 0; round < ROUNDS; round += 1) {
      await latest(chatId, paced);
      await sleep(random() * THINK_MS);
    }
  }));
  const pacedS = (performance.now() - pacedStarted) / 1000;

  await Promise.all(chats.map((chatId) => latest(chatId + 1, []))); // warm-up burst, not measured
  const burst: number[] = [];
  let burstS = 0;
  const cpu = { bot: 0, bench: 0 };
  for (let round = 0; round < BURSTS; round += 1) {
    await sleep(200);
    const botBefore = cpuMsOf(child.pid);
    const benchBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(chats.map((chatId) => latest(chatId + 2 + round, burst)));
    burstS += (performance.now() - started) / 1000;
    const benchUsed = process.cpuUsage(benchBefore);
    cpu.bench += (benchUsed.user + benchUsed.system) / 1000;
    cpu.bot += cpuMsOf(child.pid) - botBefore;
  }
  const connections = emulator.connectionCount;

  child.stdin?.end();
  await new Promise((resolve) => child.once('exit', resolve));
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });

  const b = summary(burst, burstS);
  const p = summary(paced, pacedS);
  const result = {
    bench: 'bot', subscribers: SUBSCRIBERS, briefings: BRIEFINGS, users: USERS,
    p50_ms: b.p50, p95_ms: b.p95, p99_ms: b.p99, replies_per_s: b.perS, requests: burst.length, phase: 'burst',
    paced_p50_ms: p.p50, paced_p95_ms: p.p95, paced_p99_ms: p.p99, paced_replies_per_s: p.perS, paced_requests: paced.length,
    meets_target: b.p95 <= TARGET_P95_MS, connections,
    bot_cpu_ms_per_reply: Number((cpu.bot / burst.length).toFixed(3)),
    bench_cpu_ms_per_reply: Number((cpu.bench / burst.length).toFixed(3)),
  };
  const verdict = (value: number) => (value <= TARGET_P95_MS ? `meets the target of <= ${TARGET_P95_MS}` : `MISSES the target of <= ${TARGET_P95_MS}`);
  process.stdout.write(`/latest through the emulator (bot in a child process): ${USERS} users, ${SUBSCRIBERS} subscribers, ${BRIEFINGS} briefings, ${connections} TCP connections\n`);
  process.stdout.write(`burst (all ${USERS} at once, ${BURSTS}x): p50 ${b.p50} ms, p95 ${b.p95} ms (${verdict(b.p95)}), p99 ${b.p99} ms, ${b.perS} replies/s\n`);
  process.stdout.write(`burst CPU per reply: bot ${result.bot_cpu_ms_per_reply} ms, emulator + load ${result.bench_cpu_ms_per_reply} ms (Linux /proc; 0 elsewhere)\n`);
  process.stdout.write(`paced (${ROUNDS} each, 0-2 s apart): p50 ${p.p50} ms, p95 ${p.p95} ms (${verdict(p.p95)}), p99 ${p.p99} ms, ${p.perS} replies/s\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); 0 when unavailable. */
function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the ")" that ends the command name.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

function summary(values: number[], seconds: number) {
  values.sort((a, b) => a - b);
  const at = (q: number) => Number((values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0).toFixed(2));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), perS: Number((values.length / seconds).toFixed(1)) };
}

/** Starts the bot child and resolves once it is polling. */
async function startChild(dbPath: string, apiRoot: string, token: string): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the bot child there (`node --cpu-prof`).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dbPath, apiRoot, token], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/bot: the bot child exited with ${code} before it was ready`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return child;
}

/** 10,000 private chats with one or two topics, 50,000 ok briefings (each its own story) spread over the feeds and the last week. */
function seed(database: SqliteDatabase): void {
  const topics = [...new Set(feeds.flatMap((feed) => feed.topics))];
  const insertChat = database.prepare(
    `INSERT INTO subscribers (chat_id, chat_type, language, timezone, digest_time, active, created_at, updated_at)
     VALUES (?, 'private', 'en', 'Europe/Amsterdam', '07:30', 1, ?, ?)`,
  );
  const insertSub = database.prepare(`INSERT OR IGNORE INTO subscriptions (chat_id, kind, value) VALUES (?, 'topic', ?)`);
  const insertArticle = database.prepare(
    `INSERT INTO articles (feed_id, id, url, link, title, published_at, first_seen_at, updated_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      // The link as ingestion stores it, so /latest pays for its check against links the chat already had.
      const url = `https://news.example/${feed.id}/${i}`;
      const seq = Number(insertArticle.run(feed.id, `a${i}`, url, linkOf(url), `Headline ${i}`, at, at, at, `h${i}`).lastInsertRowid);
      // Two words of its own per headline, so no two are the same story by the digest's rule
      // (clusterStories: 6 of 7 words shared made every briefing one story, and /latest showed one).
      insertBriefing.run(seq, `Headline number ${i} about something that happened, report ${BRIEFINGS + i}`, sentences, feed.language, at);
    }
  })();
}
