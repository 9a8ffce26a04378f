import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Digest } from '../../src/core/digest.js';
import { CHAT_STOPPED, createDeliveryWorker, type DeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { listDigestCandidates, MAX_DIGEST_CANDIDATES } from '../../src/jobs/digest-parts.js';
import { housekeep } from '../../src/jobs/housekeeping.js';
import { outboxStats } from '../../src/jobs/outbox-stats.js';
import { sendDueDigests, type SendDigestsDeps } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import type { BriefingRecord } from '../../src/store/article-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqlitePageRepository } from '../../src/store/sqlite/page-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { OutgoingMessage, Transport } from '../../src/telegram/bot-api-transport.js';
import { renderDigest } from '../../src/telegram/render-digest.js';
import type { SendOutcome } from '../../src/telegram/send-errors.js';
import { createSender } from '../../src/telegram/sender.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z'); // 07:30 in Amsterdam
const logger = createSilentLogger();

/** Answers per chat from a script; everything else is delivered. Records every delivery. */
function scriptedTransport(script: Record<number, (n: number) => SendOutcome>) {
  const delivered = new Map<number, string[]>();
  const calls = new Map<number, number>();
  const transport: Transport = {
    async sendMessage(message: OutgoingMessage) {
      const n = (calls.get(message.chatId) ?? 0) + 1;
      calls.set(message.chatId, n);
      const outcome = script[message.chatId]?.(n) ?? { kind: 'sent', messageId: n };
      if (outcome.kind === 'sent') delivered.set(message.chatId, [...(delivered.get(message.chatId) ?? []), message.text]);
      return outcome;
    },
  };
  return { transport, delivered, calls };
}

describe('outbox worker and digest tick on SQLite', () => {
  let dir: string;
  let db: SqliteDatabase;
  let worker: DeliveryWorker | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-delivery-'));
    db = openDatabase(join(dir, 'test.db'));
    seedBriefings(db, DIGEST_MINUTE, 20);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (): SendDigestsDeps => ({
    subscribers: createSqliteSubscriberRepository(db),
    articles: createSqliteArticleRepository(db),
    outbox: createSqliteOutboxRepository(db),
    catalog: SEED_CATALOG,
    options: { topN: 8, quietLine: false, catchUpHours: 3 },
    logger,
  });

  async function deliver(transport: Transport, maxAttempts = 4): Promise<void> {
    const outbox = createSqliteOutboxRepository(db);
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 200, groupPerMinute: 6000, clock: Date.now });
    worker = createDeliveryWorker({
      outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger, maxAttempts, retryForMs: 0, baseBackoffMs: 5, maxBackoffMs: 20,
    });
    worker.start();
    for (let i = 0; i < 500; i++) {
      const stats = outbox.stats(0);
      if (stats.pending === 0 && stats.sending === 0 && worker.inFlight() === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.stop();
    sender.close();
  }

  it('tells a chat whose every topic left feeds.json, once, instead of going silent', async () => {
    seedChats(db, [{ chatId: 1, topics: ['world'] }, { chatId: 2, topics: ['sport', 'culture'], language: 'nl' }], DIGEST_MINUTE);
    const report = await sendDueDigests(deps(), DIGEST_MINUTE);
    expect(report).toMatchObject({ due: 2, done: 1, gone: 1, quiet: 0, failed: [] });
    const { transport, delivered } = scriptedTransport({});
    await deliver(transport);
    expect(delivered.get(1)![0]).toContain('Your digest');
    expect(delivered.get(2)).toHaveLength(1);
    expect(delivered.get(2)![0]).toContain('Niets wat je volgt wordt nog aangeboden');
    // No names are known here: the topics are shown by their ids with a capital.
    expect(delivered.get(2)![0]).toMatch(/<b>(Sport|Culture)<\/b>, <b>(Sport|Culture)<\/b>/);

    // The next day chat 2's digest time comes again: it is not told a second time.
    const nextDay = DIGEST_MINUTE + 86_400_000;
    expect(await sendDueDigests(deps(), nextDay)).toMatchObject({ due: 2, gone: 1 });
    const again = scriptedTransport({});
    await deliver(again.transport);
    expect(again.delivered.get(2)).toBeUndefined();
    expect(createSqliteSubscriberRepository(db).find(2)?.lastDigestDate).toBe('2025-06-03');

    // Housekeeping a month later clears the sent digests but not the notice: still not told again.
    const keeper = { articles: createSqliteArticleRepository(db), outbox: createSqliteOutboxRepository(db), subscribers: createSqliteSubscriberRepository(db), pages: createSqlitePageRepository(db), logger };
    expect((await housekeep(keeper, Date.now() + 31 * 86_400_000, 30)).messages).toBeGreaterThan(0);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE + 32 * 86_400_000)).toMatchObject({ gone: 1 });
    const monthOn = scriptedTransport({});
    await deliver(monthOn.transport);
    expect(monthOn.delivered.get(2)).toBeUndefined();
  });

  it('names the topics of that notice in the chat\'s language while their names are known', async () => {
    seedChats(db, [{ chatId: 2, topics: ['sport', 'culture'], language: 'nl' }], DIGEST_MINUTE);
    expect(await sendDueDigests({ ...deps(), topicNames: new Map([['sport', { nl: 'Sportnieuws', en: 'Sports' }]]) }, DIGEST_MINUTE)).toMatchObject({ gone: 1 });
    const { transport, delivered } = scriptedTransport({});
    await deliver(transport);
    expect(delivered.get(2)![0]).toMatch(/: <b>(Sportnieuws|Culture)<\/b>, <b>(Sportnieuws|Culture)<\/b> staan niet meer/);
  });

  it('tells a chat again when what it follows comes back to feeds.json and then leaves once more', async () => {
    seedChats(db, [{ chatId: 2, topics: ['sport'] }], DIGEST_MINUTE);
    const day = (n: number) => DIGEST_MINUTE + n * 86_400_000;
    const sport = { ...SEED_CATALOG[0]!, id: 'sport-c', topics: ['sport'] };
    const notices = async (): Promise<number> => {
      const { transport, delivered } = scriptedTransport({});
      await deliver(transport);
      return (delivered.get(2) ?? []).filter((text) => text.includes('Nothing you follow is offered any more')).length;
    };

    expect(await sendDueDigests(deps(), day(0))).toMatchObject({ gone: 1 });
    expect(await notices()).toBe(1);
    expect(await sendDueDigests(deps(), day(1))).toMatchObject({ gone: 1 });
    expect(await notices()).toBe(0);
    // The sport feed is back for a day: the chat gets its (quiet) digest, and the notice is retired.
    expect(await sendDueDigests({ ...deps(), catalog: [...SEED_CATALOG, sport] }, day(2))).toMatchObject({ gone: 0, quiet: 1 });
    expect(await notices()).toBe(0);
    // It leaves again: the chat is told again, once.
    expect(await sendDueDigests(deps(), day(3))).toMatchObject({ gone: 1 });
    expect(await notices()).toBe(1);
    expect(await sendDueDigests(deps(), day(4))).toMatchObject({ gone: 1 });
    expect(await notices()).toBe(0);
  });

  it('delivers every due chat its digest once; blocked and vanished chats are marked inactive and skipped', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3, language: 'nl' }, { chatId: 4 }, { chatId: 5, digestTime: null }], DIGEST_MINUTE);
    const report = await sendDueDigests(deps(), DIGEST_MINUTE);
    expect(report).toMatchObject({ due: 4, done: 4, alreadySent: 0, failed: [] });
    const { transport, delivered } = scriptedTransport({
      2: () => ({ kind: 'chat_gone', reason: 'telegram: 403 Forbidden: bot was blocked by the user' }),
      4: () => ({ kind: 'chat_gone', reason: 'telegram: 400 Bad Request: chat not found' }),
    });
    await deliver(transport);
    expect(delivered.get(1)).toHaveLength(1);
    expect(delivered.get(1)![0]).toContain('Your digest');
    expect(delivered.get(3)![0]).toContain('Je overzicht');
    expect([...delivered.keys()].sort()).toEqual([1, 3]);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.find(2)?.active).toBe(false);
    expect(subscribers.find(4)?.active).toBe(false);
    expect(subscribers.find(1)?.lastDigestDate).toBe('2025-06-02');
    expect(outboxStats(createSqliteOutboxRepository(db), DIGEST_MINUTE, 'Europe/Amsterdam')).toMatchObject({ pending: 0, dead: 2, inactiveChats: 2 });
    // The next day, inactive chats are not even considered.
    const nextDay = await sendDueDigests(deps(), DIGEST_MINUTE + 86_400_000);
    expect(nextDay.due).toBe(2);
  });

  it('moves a migrated group to its new id and delivers there', async () => {
    seedChats(db, [{ chatId: -42 }], DIGEST_MINUTE);
    await sendDueDigests(deps(), DIGEST_MINUTE);
    const { transport, delivered } = scriptedTransport({
      [-42]: () => ({ kind: 'migrated', newChatId: -1004242, reason: 'telegram: 400 group chat was upgraded to a supergroup chat' }),
    });
    await deliver(transport);
    expect(delivered.get(-1004242)).toHaveLength(1);
    expect(delivered.has(-42)).toBe(false);
    const subscribers = createSqliteSubscriberRepository(db);
    expect(subscribers.find(-42)).toBeNull();
    expect(subscribers.find(-1004242)?.chatType).toBe('supergroup');
  });

  it('retries 5xx with back-off, then records the message as failed with the reason', async () => {
    seedChats(db, [{ chatId: 7 }, { chatId: 8 }], DIGEST_MINUTE);
    await sendDueDigests(deps(), DIGEST_MINUTE);
    const { transport, delivered, calls } = scriptedTransport({
      7: (n) => (n < 3 ? { kind: 'transient', reason: 'telegram: 502 Bad Gateway' } : { kind: 'sent', messageId: 99 }),
      8: () => ({ kind: 'transient', reason: 'telegram: 500 Internal Server Error' }),
    });
    await deliver(transport, 4);
    expect(delivered.get(7)).toHaveLength(1);
    expect(calls.get(8)).toBe(4);
    const row = db.prepare(`SELECT state, attempts, last_error FROM outbox WHERE chat_id = 8`).get();
    expect(row).toEqual({ state: 'failed', attempts: 4, last_error: 'telegram: 500 Internal Server Error' });
    expect(db.prepare(`SELECT telegram_message_id FROM outbox WHERE chat_id = 7`).get()).toEqual({ telegram_message_id: 99 });
  });

  it('writes no second digest for the same local date, even with stale chat data after a restart', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2, timezone: 'Asia/Kolkata', digestTime: '11:00' }], DIGEST_MINUTE);
    const subscribers = createSqliteSubscriberRepository(db);
    const staleSchedules = subscribers.listDigestSchedules();
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ done: 2 });
    // Same minute again, as after a crash and restart.
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ due: 0 });
    // A restarted process that read the chats before the commit still cannot write a second one.
    const stale = { ...deps(), subscribers: { find: subscribers.find, receivedCopies: subscribers.receivedCopies, listDigestSchedules: () => staleSchedules } };
    expect(await sendDueDigests(stale, DIGEST_MINUTE + 60_000)).toMatchObject({ due: 2, done: 0, alreadySent: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 2 });
  });

  it('writes a crowded minute in groups of chats, with a turn for the bot and a wake-up for the worker after each', async () => {
    seedChats(db, Array.from({ length: 250 }, (_, i) => ({ chatId: i + 1 })), DIGEST_MINUTE);
    const written: number[] = [];
    const wakes: number[] = [];
    const count = () => db.prepare('SELECT COUNT(*) FROM digest_runs').pluck().get() as number;
    const worker = { wake: () => void wakes.push(count()) };
    const report = await sendDueDigests({ ...deps(), worker }, DIGEST_MINUTE, { yieldToOthers: async () => void written.push(count()) });
    expect(report).toMatchObject({ due: 250, done: 250, failed: [] });
    expect(written).toEqual([100, 200]);
    expect(wakes).toEqual([100, 200, 250]);
  });

  it('stops between groups on shutdown; the next tick writes the rest, and nobody gets two', async () => {
    seedChats(db, Array.from({ length: 150 }, (_, i) => ({ chatId: i + 1 })), DIGEST_MINUTE);
    const shutdown = new AbortController();
    const first = await sendDueDigests(deps(), DIGEST_MINUTE, { signal: shutdown.signal, yieldToOthers: async () => shutdown.abort() });
    expect(first).toMatchObject({ due: 150, done: 100 });
    const second = await sendDueDigests(deps(), DIGEST_MINUTE + 60_000);
    expect(second).toMatchObject({ due: 50, done: 50 });
    expect(db.prepare('SELECT COUNT(DISTINCT chat_id) AS chats, COUNT(*) AS parts FROM outbox').get()).toEqual({ chats: 150, parts: 150 });
  });

  it('records a group that could not be written as failed, claims nothing for it, and writes it at the next tick', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    const broken = { ...outbox, commitDigests: () => { throw new Error('SQLITE_FULL: database or disk is full'); } };
    const report = await sendDueDigests({ ...deps(), outbox: broken }, DIGEST_MINUTE);
    expect(report.failed).toEqual([1, 2].map((chatId) => ({ chatId, error: 'SQLITE_FULL: database or disk is full' })));
    expect(db.prepare('SELECT COUNT(*) FROM digest_runs').pluck().get()).toBe(0);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE + 60_000)).toMatchObject({ due: 2, done: 2, failed: [] });
  });

  it('writes nothing for a chat that stopped between reading the schedules and making its digest', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST_MINUTE);
    const subscribers = createSqliteSubscriberRepository(db);
    const schedules = subscribers.listDigestSchedules();
    subscribers.stop(2, DIGEST_MINUTE);
    const report = await sendDueDigests({ ...deps(), subscribers: { find: subscribers.find, receivedCopies: subscribers.receivedCopies, listDigestSchedules: () => schedules } }, DIGEST_MINUTE);
    expect(report).toMatchObject({ due: 2, done: 1, quiet: 0, alreadySent: 0 });
    expect(db.prepare('SELECT chat_id FROM outbox').pluck().all()).toEqual([1]);
    // No claim either: a chat that subscribes again later today still gets today's digest.
    expect(db.prepare('SELECT chat_id FROM digest_runs').pluck().all()).toEqual([1]);
  });

  it('sends nothing on a quiet day unless the quiet line is on, and still records the day', async () => {
    db.exec('DELETE FROM briefings');
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST_MINUTE);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ due: 2, done: 0, quiet: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM digest_runs').get()).toEqual({ n: 2 });
    expect(createSqliteSubscriberRepository(db).lastDeliveryAt(1)).toBeNull();
    const quietDeps = { ...deps(), options: { topN: 8, quietLine: true, catchUpHours: 3 } };
    await sendDueDigests(quietDeps, DIGEST_MINUTE + 86_400_000);
    const texts = db.prepare<[], { payload: string }>('SELECT payload FROM outbox').all().map((row) => JSON.parse(row.payload).text as string);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('quiet day');
  });

  it('gives a chat that follows nothing no quiet-day line, whose news only its topics would bring, and records no day for it', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2, topics: [] }], DIGEST_MINUTE);
    const quietDeps = { ...deps(), options: { topN: 8, quietLine: true, catchUpHours: 3 } };
    expect(await sendDueDigests(quietDeps, DIGEST_MINUTE)).toMatchObject({ due: 1, done: 1, quiet: 0, failed: [] });
    expect(db.prepare('SELECT DISTINCT chat_id FROM outbox').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT chat_id FROM digest_runs').pluck().all()).toEqual([1]);
  });

  it('sleeps until a back-off ends instead of polling for the parts waiting behind it', async () => {
    vi.useFakeTimers({ now: DIGEST_MINUTE });
    try {
      seedChats(db, [{ chatId: 9 }], Date.now());
      const outbox = createSqliteOutboxRepository(db);
      const payload = { text: 'part' };
      outbox.enqueue([1, 2, 3].map((part) => ({ key: `p:${part}`, chatId: 9, kind: 'digest' as const, priority: 0, payload })), Date.now());
      const first = db.prepare<[], { id: number }>('SELECT MIN(id) AS id FROM outbox').get()!.id;
      outbox.reschedule(first, Date.now() + 30_000, 'telegram: 502 Bad Gateway', true);
      let polls = 0;
      const counting = { ...outbox, nextDue: (...args: Parameters<typeof outbox.nextDue>) => (polls++, outbox.nextDue(...args)) };
      expect(outbox.nextWakeAt()).toBe(DIGEST_MINUTE + 30_000);
      const { transport, calls } = scriptedTransport({});
      const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 200, clock: Date.now });
      worker = createDeliveryWorker({ outbox: counting, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger });
      worker.start();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(polls).toBe(1);
      expect(calls.size).toBe(0);
      await vi.advanceTimersByTimeAsync(25_000);
      expect(calls.get(9)).toBe(3);
      await worker.stop();
      sender.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('with more calls in flight than chats, overlaps the chats but never two messages of one chat, whose parts stay in order', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }], DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    const parts = [1, 2, 3, 4];
    outbox.enqueue([1, 2].flatMap((chatId) => parts.map((part) => ({
      key: `m:${chatId}:${part}`, chatId, kind: 'push' as const, priority: 0, payload: { text: `part ${part}` },
    }))), Date.now());
    const open = new Map<number, number>();
    let atOnce = 0;
    let mostAtOnce = 0;
    let mostOfOneChat = 0;
    const received = new Map<number, string[]>();
    const transport: Transport = {
      async sendMessage(message) {
        open.set(message.chatId, (open.get(message.chatId) ?? 0) + 1);
        atOnce += 1;
        mostAtOnce = Math.max(mostAtOnce, atOnce);
        mostOfOneChat = Math.max(mostOfOneChat, open.get(message.chatId)!);
        await new Promise((resolve) => setTimeout(resolve, 20)); // a round trip to Telegram, longer than a chat's own spacing here
        open.set(message.chatId, open.get(message.chatId)! - 1);
        atOnce -= 1;
        received.set(message.chatId, [...(received.get(message.chatId) ?? []), message.text]);
        return { kind: 'sent', messageId: 1 };
      },
    };
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 1000, maxInFlight: 4, clock: Date.now });
    worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger });
    worker.start();
    const count = () => [...received.values()].reduce((sum, texts) => sum + texts.length, 0);
    for (let i = 0; i < 300 && count() < 8; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    sender.close();
    expect(mostAtOnce).toBe(2);
    expect(mostOfOneChat).toBe(1);
    expect([...received.values()]).toEqual([parts.map((part) => `part ${part}`), parts.map((part) => `part ${part}`)]);
  });

  it.each([1, 4])('never has more rows marked sending than calls in flight (%i), not even between one answer and the next call', async (maxInFlight) => {
    const chatIds = Array.from({ length: 12 }, (_, i) => i + 1);
    seedChats(db, chatIds.map((chatId) => ({ chatId })), DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    outbox.enqueue(chatIds.map((chatId) => ({ key: `m:${chatId}`, chatId, kind: 'push' as const, priority: 0, payload: { text: 'hi' } })), Date.now());
    const countSending = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE state = 'sending'");
    // What a SIGKILL would find at the start of each call: the rows whose fate is unknown.
    const sendingAtCall: number[] = [];
    const transport: Transport = {
      async sendMessage() {
        sendingAtCall.push(countSending.get()!.n);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { kind: 'sent', messageId: 1 };
      },
    };
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 1000, maxInFlight, clock: Date.now });
    worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger });
    worker.start();
    for (let i = 0; i < 300 && sendingAtCall.length < chatIds.length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await worker.stop();
    sender.close();
    expect(sendingAtCall).toHaveLength(chatIds.length);
    expect(Math.max(...sendingAtCall)).toBeLessThanOrEqual(maxInFlight);
  });

  it('on a graceful stop leaves the attempts of messages dropped before their call as they were', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3 }], DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    outbox.enqueue([1, 2, 3].map((chatId) => ({ key: `m:${chatId}`, chatId, kind: 'push' as const, priority: 0, payload: { text: 'hi' } })), Date.now());
    db.exec('UPDATE outbox SET attempts = 2'); // each already failed twice
    let release: () => void = () => {};
    const calls: number[] = [];
    const transport: Transport = {
      sendMessage: (message) => {
        calls.push(message.chatId);
        return new Promise<SendOutcome>((resolve) => (release = () => resolve({ kind: 'sent', messageId: 1 })));
      },
    };
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 200, maxInFlight: 1, clock: Date.now });
    worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(db), clock: Date.now, logger });
    worker.start();
    for (let i = 0; i < 200 && calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual([1]);
    const stopping = worker.stop();
    release();
    await stopping;
    sender.close();
    const rows = db.prepare('SELECT chat_id, state, attempts FROM outbox ORDER BY chat_id').all();
    expect(rows).toEqual([
      { chat_id: 1, state: 'sent', attempts: 3 },
      { chat_id: 2, state: 'pending', attempts: 2 },
      { chat_id: 3, state: 'pending', attempts: 2 },
    ]);
  });

  it('drops, instead of sending, the digest of a chat that stopped or deleted its data after it was written', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3 }], DIGEST_MINUTE);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ done: 3 });
    const subscribers = createSqliteSubscriberRepository(db);
    subscribers.stop(2, DIGEST_MINUTE); // /stop
    subscribers.remove(3); // /stop, then "delete my data"
    const { transport, delivered } = scriptedTransport({});
    await deliver(transport);
    expect([...delivered.keys()]).toEqual([1]);
    const rows = db.prepare('SELECT chat_id, state, last_error FROM outbox ORDER BY chat_id').all();
    expect(rows).toEqual([
      { chat_id: 1, state: 'sent', last_error: null },
      { chat_id: 2, state: 'dead', last_error: CHAT_STOPPED },
      { chat_id: 3, state: 'dead', last_error: CHAT_STOPPED },
    ]);
  });

  it('heads a digest caught up after local midnight with the date it was due on', async () => {
    // New York's 23:30 digest of Sunday 2025-06-01, made at 00:30 local on Monday (within the 3 h catch-up).
    const caughtUp = Date.parse('2025-06-02T04:30:00Z');
    seedChats(db, [{ chatId: 1, timezone: 'America/New_York', digestTime: '23:30' }], caughtUp - 86_400_000);
    expect(await sendDueDigests(deps(), caughtUp)).toMatchObject({ due: 1, done: 1 });
    const { payload } = db.prepare<[], { payload: string }>('SELECT payload FROM outbox').get()!;
    const text = JSON.parse(payload).text as string;
    expect(text).toContain('Sunday 1 June');
    expect(text).not.toContain('Monday 2 June');
    expect(createSqliteSubscriberRepository(db).find(1)?.lastDigestDate).toBe('2025-06-01');
  });

  it('keeps the newest stories when the window holds more candidates than one query returns', async () => {
    // More old briefings (of a feed nobody follows) than the candidate cap, all before the fresh ones.
    const article = db.prepare(`INSERT INTO articles (feed_id, id, url, title, published_at, first_seen_at, updated_at, content_hash)
      VALUES ('elsewhere', ?, NULL, 'Old', ?, ?, ?, 'h')`);
    const briefing = db.prepare(`INSERT INTO briefings (article_seq, headline, sentences, language, words, chars, method, created_at, status)
      VALUES (?, 'Old', '["Old."]', 'en', 1, 4, 'lead', ?, 'ok')`);
    db.transaction(() => {
      for (let i = 0; i <= MAX_DIGEST_CANDIDATES; i++) {
        const at = DIGEST_MINUTE - 20 * 3_600_000 + i;
        briefing.run(Number(article.run(`old-${i}`, at, at, at).lastInsertRowid), at);
      }
    })();
    seedChats(db, [{ chatId: 1 }], DIGEST_MINUTE);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ due: 1, done: 1, quiet: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM chat_deliveries WHERE chat_id = 1').get()).toEqual({ n: 8 });
  });

  it('shares one rendering between chats with the same content and records the shown articles as received', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: 2 }, { chatId: 3, topics: ['tech'] }], DIGEST_MINUTE);
    const rendered: Digest[] = [];
    const render: typeof renderDigest = (digest, titles) => (rendered.push(digest), renderDigest(digest, titles));
    expect(await sendDueDigests({ ...deps(), render }, DIGEST_MINUTE)).toMatchObject({ done: 3 });
    // Chats 1 and 2 have the same content: two renderings for three chats.
    expect(rendered).toHaveLength(2);
    const texts = db.prepare<[], { chat_id: number; payload: string }>('SELECT chat_id, payload FROM outbox ORDER BY chat_id').all();
    expect(texts[0]!.payload).toBe(texts[1]!.payload);
    expect(texts[2]!.payload).not.toBe(texts[0]!.payload);
    expect(texts[0]!.payload).toContain('+12 more; /latest shows those you have not seen yet');
    expect(db.prepare('SELECT COUNT(*) AS n FROM chat_deliveries WHERE chat_id = 1').get()).toEqual({ n: 8 });
    expect(createSqliteSubscriberRepository(db).lastDeliveryAt(1)).toBe(DIGEST_MINUTE);
  });

  it('closes a channel\'s digest without pointing to /latest, also when a private chat has the same content', async () => {
    seedChats(db, [{ chatId: 1 }, { chatId: -1001, chatType: 'channel' as const }], DIGEST_MINUTE);
    expect(await sendDueDigests(deps(), DIGEST_MINUTE)).toMatchObject({ done: 2 });
    const text = (chatId: number) => (db.prepare<[number], { payload: string }>('SELECT payload FROM outbox WHERE chat_id = ?').all(chatId))
      .map((row) => JSON.parse(row.payload).text as string).join('\n\n');
    expect(text(1)).toMatch(/\+12 more; \/latest shows those you have not seen yet$/);
    expect(text(-1001)).toMatch(/\n\+12 more stories$/);
  });
});

describe('listDigestCandidates', () => {
  /** The repository's contract: created after the cursor, oldest first (then by seq), at most `limit`. */
  function fakeArticles(records: readonly BriefingRecord[]) {
    const sorted = [...records].sort((a, b) => a.createdAt - b.createdAt || a.articleSeq - b.articleSeq);
    const calls: number[] = [];
    return {
      calls,
      listBriefingsSince(createdAfter: number, limit: number) {
        calls.push(createdAfter);
        return sorted.filter((record) => record.createdAt > createdAfter).slice(0, limit);
      },
    };
  }
  const record = (articleSeq: number, createdAt: number): BriefingRecord => ({
    articleSeq, articleId: `id-${articleSeq}`, feedId: 'f', url: null, headline: `H${articleSeq}`, sentences: [], language: 'en',
    words: 1, chars: 1, method: 'lead', publishedAt: null, createdAt, title: `T${articleSeq}`,
  });

  it('returns the newest candidates, each once, when the window holds more than the cap (ties across pages too)', () => {
    // 25 briefings, several sharing a millisecond, so pages of 10 end in the middle of a tie.
    const records = Array.from({ length: 25 }, (_, i) => record(i + 1, 1_000 + Math.floor(i / 3)));
    const articles = fakeArticles(records);
    const got = listDigestCandidates(articles, 0, 10);
    expect(got.map((r) => r.articleSeq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(articles.calls.length).toBeGreaterThan(1);
  });

  it('returns everything in one query when the window is small', () => {
    const articles = fakeArticles([record(1, 5), record(2, 6), record(3, 7)]);
    expect(listDigestCandidates(articles, 5, 10).map((r) => r.articleSeq)).toEqual([2, 3]);
    expect(articles.calls).toEqual([5]);
  });
});
