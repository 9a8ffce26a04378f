/**
 * npm run bench:broadcast — a digest broadcast to BENCH_CHATS (20,000) chats through the Bot API
 * emulator, whose global limit is BENCH_LIMIT (400) msg/s, with the sender configured to the same.
 * The emulator runs here; the bot side (digest tick, worker, sender, and /latest-like replies, a
 * twentieth of the limit, sent the bot's way: straight to the Bot API and counted in the sender's
 * buckets) runs in bench/broadcast-sender.ts as a child process, so its peak RSS is measured alone.
 * Prints rate / limit, 429s after the first second, duplicates, lost messages, peak RSS and reply
 * p50/p95; the last line is one JSON object.
 * Env: BENCH_CHATS, BENCH_LIMIT, BENCH_IN_FLIGHT (Bot API calls at once, default 4 as the bot's
 * SEND_MAX_IN_FLIGHT), BENCH_LATENCY_MS (the emulator answers this much later, as a real round
 * trip to Telegram would; default 0).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/database.js';
import { BotApiEmulator } from '../tests/helpers/bot-api-emulator.js';
import { seedBriefings, seedChats } from '../tests/helpers/delivery-seed.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 20_000);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 400);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const REPLY_CHAT_BASE = 10_000_000;
const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z');
const CHILD = fileURLToPath(new URL('./broadcast-sender.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'newsbrief-bench-broadcast-'));
const dbPath = join(dir, 'bench.db');
const emulator = await new BotApiEmulator({ limits: { perChatPerSecond: 1, globalPerSecond: LIMIT, perGroupPerMinute: 20 }, latencyMs: LATENCY_MS }).start();

try {
  const db = openDatabase(dbPath);
  seedBriefings(db, DIGEST_MINUTE, 30);
  const chatIds = Array.from({ length: CHATS }, (_, i) => (i % 20 === 19 ? -(i + 1) : i + 1));
  seedChats(db, chatIds.map((chatId) => ({ chatId, language: chatId % 2 === 0 ? 'nl' as const : 'en' as const })), DIGEST_MINUTE);
  db.close();
  console.log(`seeded ${CHATS} chats; broadcasting at a limit of ${LIMIT} msg/s, ${IN_FLIGHT} call(s) in flight, round trip ${LATENCY_MS} ms ...`);

  const childOut = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, BENCH_DB: dbPath, BENCH_API_ROOT: emulator.apiRoot, BENCH_TOKEN: emulator.token, BENCH_LIMIT: String(LIMIT), BENCH_IN_FLIGHT: String(IN_FLIGHT) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench/broadcast: sender exited ${code}`))));
  });
  const side = JSON.parse(childOut.trim().split('\n').at(-1)!) as {
    digests: number; tick_ms: number; replies: number; replies_failed: number; p50_ms: number; p95_ms: number; peak_rss_mb: number; failed: number; dead: number;
  };

  const calls = emulator.callsOf('sendMessage');
  const first = calls[0]?.at ?? 0;
  const okCalls = calls.filter((call) => call.ok);
  const lastBroadcast = Math.max(...okCalls.filter((call) => Number(call.params.chat_id) < REPLY_CHAT_BASE).map((call) => call.at));
  const seconds = (lastBroadcast - first) / 1000;
  // Replies share the global limit, so they count towards the achieved rate.
  const rate = okCalls.filter((call) => call.at <= lastBroadcast).length / seconds;
  const perChat = new Map<number, number>();
  for (const message of emulator.sent) if (message.chat_id < REPLY_CHAT_BASE) perChat.set(message.chat_id, (perChat.get(message.chat_id) ?? 0) + 1);
  const duplicates = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const lost = chatIds.filter((id) => !perChat.has(id)).length;
  const n429 = calls.filter((call) => call.errorCode === 429);
  const n429After1s = n429.filter((call) => call.at - first > 1_000).length;

  const buckets: number[] = [];
  for (const call of okCalls) buckets[Math.floor((call.at - first) / 10_000)] = (buckets[Math.floor((call.at - first) / 10_000)] ?? 0) + 1;
  console.log(`msg/s per 10 s: ${Array.from(buckets, (n) => ((n ?? 0) / 10).toFixed(0)).join(' ')}`);
  console.log(`digest tick: ${side.digests} digests written in ${side.tick_ms} ms`);
  console.log(`broadcast: ${perChat.size} chats in ${seconds.toFixed(1)} s, ${rate.toFixed(1)} msg/s of ${LIMIT} (${side.replies} replies included)`);
  console.log(`429: ${n429.length} (after 1 s: ${n429After1s}); duplicates ${duplicates}; lost ${lost}; failed ${side.failed}; dead ${side.dead}`);
  console.log(`replies while broadcasting: p50 ${side.p50_ms?.toFixed(1)} ms, p95 ${side.p95_ms?.toFixed(1)} ms; sender peak RSS ${side.peak_rss_mb} MB`);
  console.log(JSON.stringify({
    bench: 'broadcast',
    chats: CHATS,
    limit: LIMIT,
    in_flight: IN_FLIGHT,
    latency_ms: LATENCY_MS,
    rate_to_limit: Number((rate / LIMIT).toFixed(3)),
    n429_after_1s: n429After1s,
    duplicates,
    lost,
    peak_rss_mb: side.peak_rss_mb,
    latest_p95_ms: Number(side.p95_ms.toFixed(1)),
    latest_p50_ms: Number(side.p50_ms.toFixed(1)),
    replies_failed: side.replies_failed,
  }));
} finally {
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
