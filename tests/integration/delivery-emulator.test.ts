import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { sendDueDigests } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { createHttpTransport } from '../../src/telegram/bot-api-transport.js';
import { createSender } from '../../src/telegram/sender.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z');
const logger = createSilentLogger();

describe('delivery through the Bot API emulator with limits and faults', () => {
  let dir: string;
  let db: SqliteDatabase;
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-emulator-'));
    db = openDatabase(join(dir, 'test.db'));
    seedBriefings(db, DIGEST_MINUTE, 20);
    emulator = await new BotApiEmulator({ limits: { perChatPerSecond: 1, globalPerSecond: 60, perGroupPerMinute: 20 } }).start();
  });
  afterEach(async () => {
    await emulator.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every chat exactly its digest: blocked skipped, migrated group served at its new id, 5xx retried', async () => {
    const privateIds = Array.from({ length: 40 }, (_, i) => i + 1);
    const groupIds = [-11, -12, -13];
    seedChats(db, [...privateIds, ...groupIds].map((chatId) => ({ chatId, language: chatId % 2 === 0 ? 'nl' : 'en' as const })), DIGEST_MINUTE);
    emulator.blockChat(7);
    emulator.blockChat(8, 'Forbidden: bot was kicked from the group chat');
    emulator.migrateChat(-12, -1000000012);
    emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 3);

    const outbox = createSqliteOutboxRepository(db);
    const subscribers = createSqliteSubscriberRepository(db);
    // Two live pushes queued for chat 1 after its digest: three messages into one chat, 1/s.
    const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 60, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger, baseBackoffMs: 20, maxBackoffMs: 100 });
    worker.start();
    await sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, worker, logger }, DIGEST_MINUTE);
    outbox.enqueue([1, 2].map((n) => ({ key: `push:1:${n}`, chatId: 1, kind: 'push' as const, priority: 5, payload: { text: `push ${n}` } })), DIGEST_MINUTE);
    worker.wake();

    const expected = [...privateIds.filter((id) => id !== 7 && id !== 8), -11, -1000000012, -13];
    await emulator.waitFor(() => expected.every((id) => emulator.messagesTo(id).length >= (id === 1 ? 3 : 1)), 15_000);
    await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0, 5_000);
    await worker.stop();
    sender.close();

    for (const id of expected) expect(emulator.messagesTo(id).length, `chat ${id}`).toBe(id === 1 ? 3 : 1);
    expect(emulator.messagesTo(1).map((m) => m.text.slice(0, 6))).toEqual(['📰 <b>', 'push 1', 'push 2']);
    expect(emulator.messagesTo(2)[0]!.text).toContain('Je overzicht');
    expect(emulator.messagesTo(7)).toHaveLength(0);
    expect(emulator.messagesTo(-12)).toHaveLength(0);
    expect(subscribers.find(7)?.active).toBe(false);
    expect(subscribers.find(8)?.active).toBe(false);
    expect(subscribers.find(-1000000012)?.active).toBe(true);
    expect(outbox.stats(0)).toMatchObject({ pending: 0, sending: 0, failed: 0, dead: 2 });
    expect(emulator.callsOf('sendMessage').filter((call) => call.errorCode === 502)).toHaveLength(3);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent' AND telegram_message_id IS NULL`).get()).toEqual({ n: 0 });
  });

  it('rests a group that muted the bot and a channel that took its right to post: one refusal, what waited abandoned, no retry the next day', async () => {
    const group = { id: -1000000031, type: 'supergroup' as const, title: 'Muted' };
    const channel = { id: -1000000032, type: 'channel' as const, title: 'No posting' };
    seedChats(db, [{ chatId: 1 }, { chatId: group.id, chatType: 'supergroup' as const }, { chatId: channel.id, chatType: 'channel' as const }], DIGEST_MINUTE);
    for (const chat of [group, channel]) {
      emulator.addChat(chat);
      emulator.setBotMayPost(chat, false);
    }
    const outbox = createSqliteOutboxRepository(db);
    const subscribers = createSqliteSubscriberRepository(db);
    const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 60, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger, baseBackoffMs: 20, maxBackoffMs: 100 });
    const digests = (at: number) => sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, worker, logger }, at);
    await digests(DIGEST_MINUTE);
    // A push waiting behind the group's digest: abandoned with it, not lost without a trace.
    outbox.enqueue([{ key: 'push:muted:1', chatId: group.id, kind: 'push', priority: 5, payload: { text: 'push' } }], DIGEST_MINUTE);
    worker.start();
    await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0 && emulator.messagesTo(1).length === 1, 10_000);
    seedBriefings(db, DIGEST_MINUTE + 24 * 3_600_000, 6, 'Tuesday ');
    await digests(DIGEST_MINUTE + 24 * 3_600_000);
    await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0 && emulator.messagesTo(1).length === 2, 10_000);
    await worker.stop();
    sender.close();

    const callsTo = (chatId: number) => emulator.callsOf('sendMessage').filter((call) => Number(call.params.chat_id) === chatId);
    expect(callsTo(group.id).map((call) => call.errorCode)).toEqual([400]);
    expect(callsTo(channel.id).map((call) => call.errorCode)).toEqual([400]);
    const reasons = db.prepare('SELECT chat_id, active, blocked_reason FROM subscribers WHERE chat_id < 0 ORDER BY chat_id DESC').all();
    expect(reasons).toEqual([
      { chat_id: group.id, active: 0, blocked_reason: 'no_rights' },
      { chat_id: channel.id, active: 0, blocked_reason: 'no_rights' },
    ]);
    expect(db.prepare('SELECT chat_id, kind, state, last_error FROM outbox WHERE chat_id < 0 ORDER BY chat_id DESC, id').all()).toEqual([
      { chat_id: group.id, kind: 'digest', state: 'dead', last_error: 'telegram: 400 Bad Request: not enough rights to send text messages to the chat' },
      { chat_id: group.id, kind: 'push', state: 'dead', last_error: 'telegram: 400 Bad Request: not enough rights to send text messages to the chat' },
      { chat_id: channel.id, kind: 'digest', state: 'dead', last_error: 'telegram: 400 Bad Request: need administrator rights in the channel chat' },
    ]);
  });

  it('sends a forum group\'s digest to its topic, and to General once that topic is deleted', async () => {
    const forums = [-1000000021, -1000000022];
    seedChats(db, forums.map((chatId) => ({ chatId, chatType: 'supergroup' as const })), DIGEST_MINUTE);
    for (const chatId of forums) emulator.addChat({ id: chatId, type: 'supergroup', is_forum: true });
    const subscribers = createSqliteSubscriberRepository(db);
    subscribers.update(forums[0]!, { threadId: 77 }, DIGEST_MINUTE);
    subscribers.update(forums[1]!, { threadId: 55 }, DIGEST_MINUTE);
    emulator.deleteTopic(forums[1]!, 55);
    const outbox = createSqliteOutboxRepository(db);
    const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 60, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger, baseBackoffMs: 20, maxBackoffMs: 100 });
    worker.start();
    await sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, worker, logger }, DIGEST_MINUTE);
    await emulator.waitFor(() => forums.every((id) => emulator.messagesTo(id).length >= 1), 10_000);
    await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0, 5_000);
    await worker.stop();
    sender.close();

    expect(emulator.messagesTo(forums[0]!).map((m) => m.message_thread_id)).toEqual([77]);
    expect(emulator.messagesTo(forums[1]!).map((m) => m.message_thread_id)).toEqual([undefined]);
    expect(emulator.messagesTo(forums[1]!)[0]!.text).toContain('📰');
    expect(subscribers.find(forums[1]!)?.threadId).toBeNull();
    expect(subscribers.find(forums[0]!)?.threadId).toBe(77);
    expect(outbox.stats(0)).toMatchObject({ dead: 0, failed: 0 });
  });

  it('sends each message once when two processes share the database (a restart that overlaps the old process)', async () => {
    const chatIds = Array.from({ length: 30 }, (_, i) => i + 1);
    seedChats(db, chatIds.map((chatId) => ({ chatId })), DIGEST_MINUTE);
    const subscribers = createSqliteSubscriberRepository(db);
    await sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox: createSqliteOutboxRepository(db), catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger }, DIGEST_MINUTE);
    const second = openDatabase(join(dir, 'test.db'));
    const processes = [db, second].map((connection) => {
      const outbox = createSqliteOutboxRepository(connection);
      const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 60, maxInFlight: 4, clock: Date.now });
      const worker = createDeliveryWorker({ outbox, sender, chats: createSqliteSubscriberRepository(connection), clock: Date.now, logger });
      return { outbox, sender, worker };
    });
    // The second process puts back what the first had in flight when it started: only those may go twice.
    let resent: number[] = [];
    try {
      processes[0]!.worker.start();
      resent = processes[1]!.worker.start();
      const open = () => processes[0]!.outbox.stats(0).pending + processes[0]!.outbox.stats(0).sending;
      await emulator.waitFor(() => open() === 0 && processes.every(({ worker }) => worker.inFlight() === 0), 10_000);
    } finally {
      for (const { worker, sender } of processes) {
        await worker.stop();
        sender.close();
      }
      second.close();
    }
    const resentChats = resent.map((id) => processes[0]!.outbox.get(id)!.chatId);
    expect(resent.length).toBeLessThanOrEqual(4);
    expect(chatIds.filter((id) => emulator.messagesTo(id).length !== 1 && !resentChats.includes(id))).toEqual([]);
    expect(chatIds.filter((id) => emulator.messagesTo(id).length > 2)).toEqual([]);
    expect(processes[0]!.outbox.stats(0)).toMatchObject({ pending: 0, sending: 0, failed: 0, dead: 0 });
  });

  it('retries a call whose answer was lost (reset, hang past the timeout); only a call Telegram had done is repeated', async () => {
    seedChats(db, [1, 2, 3].map((chatId) => ({ chatId })), DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    const subscribers = createSqliteSubscriberRepository(db);
    const transport = createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token, timeoutMs: 300 });
    const sender = createSender({ transport, globalPerSecond: 60, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger, baseBackoffMs: 20, maxBackoffMs: 100 });
    await sendDueDigests({ subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger }, DIGEST_MINUTE);
    // The worker sends chats in id order: chat 1's call is reset unanswered, chat 2's is done and
    // reset, chat 3's is done and never answered.
    emulator.interruptNext('sendMessage', 'reset-before');
    emulator.interruptNext('sendMessage', 'reset-after');
    emulator.interruptNext('sendMessage', 'hang-after');
    worker.start();
    await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0 && worker.inFlight() === 0, 10_000);
    await worker.stop();
    sender.close();

    expect([1, 2, 3].map((id) => emulator.messagesTo(id).length)).toEqual([1, 2, 2]);
    const rows = db.prepare('SELECT chat_id, state, attempts, telegram_message_id FROM outbox ORDER BY chat_id').all();
    expect(rows).toEqual([1, 2, 3].map((id) => ({ chat_id: id, state: 'sent', attempts: 2, telegram_message_id: emulator.messagesTo(id).at(-1)!.message_id })));
  });
});
