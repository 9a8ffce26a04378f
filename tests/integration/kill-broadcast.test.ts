import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { runBroadcastChild } from '../helpers/run-broadcast-child.js';
import { seedBriefings, seedChats } from '../helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z');
const CHATS = 300;
const KILLS = 6;
/** Bot API calls at once, as the bot sends by default (SEND_MAX_IN_FLIGHT). */
const IN_FLIGHT = 4;

/**
 * The calls to Telegram a kill left unanswered: messages the outbox holds as `sending`, each
 * with its attempt number, so a message still `sending` after a run killed before it recovered
 * anything is the same call, not a second one. Read by this process from the file: a line the
 * child printed after recovering could be lost to a kill, and the resend with it.
 */
function unansweredCalls(dbPath: string): string[] {
  const db = openDatabase(dbPath);
  try {
    return db.prepare<[], { id: number; attempts: number }>(`SELECT id, attempts FROM outbox WHERE state = 'sending'`).all().map((row) => `${row.id}:${row.attempts}`);
  } finally {
    db.close();
  }
}

describe('SIGKILL during a broadcast', () => {
  let dir: string;
  let emulator: BotApiEmulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-kill-'));
    emulator = await new BotApiEmulator({ limits: { perChatPerSecond: 1, globalPerSecond: 150, perGroupPerMinute: 20 } }).start();
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no digest and repeats only the calls in flight at a kill: at most one per chat', async () => {
    const dbPath = join(dir, 'kill.db');
    const db = openDatabase(dbPath);
    seedBriefings(db, DIGEST_MINUTE, 20);
    const chatIds = Array.from({ length: CHATS }, (_, i) => (i % 10 === 9 ? -(i + 1) : i + 1));
    seedChats(db, chatIds.map((chatId) => ({ chatId, language: chatId % 3 === 0 ? 'nl' : 'en' as const })), DIGEST_MINUTE);
    db.close();
    const env = { NEWSBRIEF_DB: dbPath, NEWSBRIEF_API_ROOT: emulator.apiRoot, NEWSBRIEF_DIGEST_NOW: String(DIGEST_MINUTE), NEWSBRIEF_RATE: '150', NEWSBRIEF_TOKEN: emulator.token, NEWSBRIEF_IN_FLIGHT: String(IN_FLIGHT) };

    let kills = 0;
    let exited = false;
    let runs = 0;
    const callsAtKill = new Set<string>();
    const runLog: Array<{ killAfter: number | null; code: number | null; unanswered: string[] }> = [];
    // Kill at random moments, each run a little later so the broadcast moves on; then let it finish.
    while (!exited && runs < KILLS + 20) {
      const killAfter = kills < KILLS ? 400 + Math.floor(Math.random() * 900) : null;
      const code = await runBroadcastChild(env, killAfter);
      const unanswered = code === null ? unansweredCalls(dbPath) : [];
      runLog.push({ killAfter, code, unanswered });
      for (const call of unanswered) callsAtKill.add(call);
      runs += 1;
      if (code === null) kills += 1;
      else exited = true;
    }
    expect(exited).toBe(true);

    const received = new Map<number, string[]>();
    for (const message of emulator.sent) received.set(message.chat_id, [...(received.get(message.chat_id) ?? []), message.text]);
    const lost = chatIds.filter((id) => (received.get(id)?.length ?? 0) === 0);
    const duplicates = chatIds.reduce((sum, id) => sum + Math.max(0, (received.get(id)?.length ?? 0) - 1), 0);
    const check = openDatabase(dbPath);
    const open = check.prepare<[], { id: number; chat_id: number; state: string; attempts: number; last_error: string | null }>(
      `SELECT id, chat_id, state, attempts, last_error FROM outbox WHERE state <> 'sent'`).all();
    expect(lost, JSON.stringify({ runs: runLog, open })).toEqual([]);
    for (const [chatId, texts] of received) expect(new Set(texts).size, `chat ${chatId} got different texts: ${JSON.stringify(texts)}`).toBe(1);
    expect(kills).toBeGreaterThan(0);
    // A chat got its digest twice only when its message was the one in flight at a kill.
    const chatOf = check.prepare<[number], { chat_id: number }>('SELECT chat_id FROM outbox WHERE id = ?');
    const inFlightAtKill = [...callsAtKill].map((call) => Number(call.split(':')[0]));
    const inFlightChats = inFlightAtKill.map((id) => chatOf.get(id)?.chat_id);
    const repeated = [...received].filter(([, texts]) => texts.length > 1).map(([chatId]) => chatId);
    const rowsOf = check.prepare<[number], { id: number; attempts: number; last_error: string | null }>('SELECT id, attempts, last_error FROM outbox WHERE chat_id = ?');
    const story = JSON.stringify({ runs: runLog, repeated: repeated.map((chatId) => ({ chatId, copies: received.get(chatId)?.length, rows: rowsOf.all(chatId) })) });
    expect(inFlightAtKill.length, story).toBeLessThanOrEqual(kills * IN_FLIGHT);
    // Each kill left at most IN_FLIGHT calls unanswered, each to a different chat.
    for (const run of runLog) {
      expect(run.unanswered.length, story).toBeLessThanOrEqual(IN_FLIGHT);
      const chats = run.unanswered.map((call) => chatOf.get(Number(call.split(':')[0]))?.chat_id);
      expect(new Set(chats).size, story).toBe(chats.length);
    }
    expect(duplicates, story).toBeLessThanOrEqual(inFlightAtKill.length);
    for (const [chatId, texts] of received) {
      const extra = texts.length - 1;
      expect(extra, `chat ${chatId} got ${texts.length} copies`).toBeLessThanOrEqual(inFlightChats.filter((c) => c === chatId).length);
    }
    expect(open, JSON.stringify({ runs: runLog })).toEqual([]);
    expect(check.prepare('SELECT COUNT(*) AS n FROM digest_runs').get()).toEqual({ n: CHATS });
    check.close();
    console.log(JSON.stringify({ kill_test: { chats: CHATS, kills, in_flight_at_kill: inFlightAtKill.length, duplicates, runs } }));
  }, 90_000);
});
