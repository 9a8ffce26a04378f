import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { runBroadcastChild } from '../helpers/run-broadcast-child.js';
import { seedChats } from '../helpers/delivery-seed.js';

const NOW = Date.parse('2025-06-02T05:30:00Z');
const CHATS = 60;
const PARTS = 3;
const KILLS = 5;
const IN_FLIGHT = 4;

/** The outbox ids a kill left `sending`: the only messages a restart may send a second time. */
function sendingIds(dbPath: string): number[] {
  const db = openDatabase(dbPath);
  try {
    return db.prepare<[], { id: number }>(`SELECT id FROM outbox WHERE state = 'sending'`).all().map((row) => row.id);
  } finally {
    db.close();
  }
}

/**
 * A digest split into parts, killed at random moments while Telegram fails some calls with 502:
 * after the restarts each chat has every part once and in order, and a part came twice only when
 * it was the call in flight at a kill (a part already sent is never sent again, a later one never lost).
 */
describe('SIGKILL while digests of several parts go out', () => {
  let dir: string;
  let emulator: BotApiEmulator;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-kill-parts-'));
    // Answers 40 ms late, as over a network: a kill then mostly finds calls in flight.
    emulator = await new BotApiEmulator({ latencyMs: 40, limits: { perChatPerSecond: 1, globalPerSecond: 150, perGroupPerMinute: 20 } }).start();
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends every part once and in order, repeating only a part in flight at a kill', async () => {
    const dbPath = join(dir, 'parts.db');
    const db = openDatabase(dbPath);
    const chatIds = Array.from({ length: CHATS }, (_, i) => i + 1);
    // No digest time: the tick writes nothing, the parts below are the whole broadcast.
    seedChats(db, chatIds.map((chatId) => ({ chatId, digestTime: null })), NOW);
    const parts = chatIds.flatMap((chatId) => Array.from({ length: PARTS }, (_, i) => ({
      key: `digest:${chatId}:2025-06-02:Europe/Amsterdam:${i + 1}`, chatId, kind: 'digest' as const, priority: 0, payload: { text: `chat ${chatId} part ${i + 1}` },
    })));
    createSqliteOutboxRepository(db).enqueue(parts, NOW);
    db.close();
    // Some parts fail and wait out a back-off while the later parts of their chat wait behind them.
    emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 12);
    const env = { NEWSBRIEF_DB: dbPath, NEWSBRIEF_API_ROOT: emulator.apiRoot, NEWSBRIEF_DIGEST_NOW: String(NOW), NEWSBRIEF_RATE: '40', NEWSBRIEF_TOKEN: emulator.token, NEWSBRIEF_IN_FLIGHT: String(IN_FLIGHT) };

    let kills = 0;
    let exited = false;
    const inFlightAtKill: number[] = [];
    for (let runs = 0; !exited && runs < KILLS + 20; runs += 1) {
      const killAfter = kills < KILLS ? 800 + Math.floor(Math.random() * 1_500) : null;
      const code = await runBroadcastChild(env, killAfter);
      if (code === null) {
        kills += 1;
        // A row still `sending` from the run before (killed before it recovered anything) is the same call.
        for (const id of sendingIds(dbPath)) if (!inFlightAtKill.includes(id)) inFlightAtKill.push(id);
      } else {
        exited = true;
      }
    }
    expect(exited).toBe(true);
    expect(kills).toBeGreaterThan(0);

    const check = openDatabase(dbPath);
    const textOf = new Map(check.prepare<[], { id: number; payload: string }>('SELECT id, payload FROM outbox').all()
      .map((row) => [row.id, (JSON.parse(row.payload) as { text: string }).text]));
    const open = check.prepare(`SELECT id, state, last_error FROM outbox WHERE state <> 'sent'`).all();
    check.close();
    const mayRepeat = new Set(inFlightAtKill.map((id) => textOf.get(id)));
    const story = JSON.stringify({ kills, inFlightAtKill: inFlightAtKill.map((id) => textOf.get(id)), open });
    console.log(JSON.stringify({ kill_parts_test: { kills, in_flight_at_kill: inFlightAtKill.length, sent: emulator.sent.length } }));
    expect(open, story).toEqual([]);
    for (const chatId of chatIds) {
      const received = emulator.messagesTo(chatId).map((message) => message.text);
      const expected = Array.from({ length: PARTS }, (_, i) => `chat ${chatId} part ${i + 1}`);
      // In order, nothing lost: with repeats taken out, exactly the parts.
      expect(received.filter((text, i) => text !== received[i - 1]), story).toEqual(expected);
      // A part came twice only when it was in flight at a kill.
      const repeated = received.filter((text, i) => text === received[i - 1]);
      expect(repeated.filter((text) => !mayRepeat.has(text)), story).toEqual([]);
    }
  }, 90_000);
});
