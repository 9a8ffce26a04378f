import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { Transport } from '../../src/telegram/bot-api-transport.js';
import { createSender, type Sender } from '../../src/telegram/sender.js';
import { seedChats } from '../helpers/delivery-seed.js';

const START = Date.parse('2025-06-02T05:30:00Z');
const MINUTE = 60_000;
const logger = createSilentLogger();

/**
 * A Telegram outage lasts minutes to hours, which no test can wait for: the worker runs with its
 * default retry policy on fake timers, against a transport that answers 502 until the outage ends
 * (the emulator's real HTTP cannot run on a fake clock).
 */
describe('delivery through a Telegram outage, with the default retry policy', () => {
  let dir: string;
  let db: SqliteDatabase;
  let worker: DeliveryWorker | null = null;
  let sender: Sender | null = null;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-outage-'));
    db = openDatabase(join(dir, 'test.db'));
  });
  afterEach(async () => {
    await worker?.stop();
    sender?.close();
    worker = null;
    sender = null;
    vi.useRealTimers();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the worker on one queued message to chat 1; Telegram answers 502 until `outageEnds`. */
  function deliverThrough(outageEnds: number) {
    seedChats(db, [{ chatId: 1 }], START);
    const outbox = createSqliteOutboxRepository(db);
    outbox.enqueue([{ key: 'digest:1:2025-06-02:0', chatId: 1, kind: 'digest', priority: 0, payload: { text: 'Your digest' } }], START);
    const delivered: string[] = [];
    let calls = 0;
    const transport: Transport = {
      async sendMessage(message) {
        calls += 1;
        if (Date.now() < outageEnds) return { kind: 'transient', reason: 'telegram: 502 Bad Gateway' };
        delivered.push(message.text);
        return { kind: 'sent', messageId: calls };
      },
    };
    sender = createSender({ transport, globalPerSecond: 25, clock: Date.now });
    worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger });
    worker.start();
    const state = () => db.prepare('SELECT state, last_error FROM outbox').get() as { state: string; last_error: string | null };
    return { delivered, calls: () => calls, state };
  }

  it('keeps a digest through a 30-minute outage and sends it once Telegram is back', async () => {
    const run = deliverThrough(START + 30 * MINUTE);
    await vi.advanceTimersByTimeAsync(29 * MINUTE);
    expect(run.state()).toEqual({ state: 'pending', last_error: 'telegram: 502 Bad Gateway' });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(run.delivered).toEqual(['Your digest']);
    expect(run.state()).toEqual({ state: 'sent', last_error: null });
  });

  it('records a digest as failed, with the reason, once Telegram has failed it for three hours', async () => {
    const run = deliverThrough(Infinity);
    await vi.advanceTimersByTimeAsync(170 * MINUTE);
    expect(run.state().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    expect(run.state()).toEqual({ state: 'failed', last_error: 'telegram: 502 Bad Gateway' });
    const calls = run.calls();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(run.calls()).toBe(calls);
    expect(run.delivered).toEqual([]);
  });
});
