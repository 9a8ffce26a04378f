import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_STOPPED, createDeliveryWorker } from '../../src/jobs/deliver-outbox.js';
import { sendDueDigests } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { openDatabase } from '../../src/store/database.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { createHttpTransport } from '../../src/telegram/bot-api-transport.js';
import { createSender } from '../../src/telegram/sender.js';
import { startHarness, type Harness } from '../helpers/bot-harness.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

const DIGEST_MINUTE = Date.parse('2025-06-02T05:30:00Z'); // 07:30 in Amsterdam
const logger = createSilentLogger();
const OLD_GROUP = { id: -4242, type: 'group' as const, title: 'Reading club' };
const SUPERGROUP_ID = -1004242;

describe('a group that becomes a supergroup while its digest waits in the outbox', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('gets the digest at its new id instead of having it dropped as a stopped chat', async () => {
    h = await startHarness();
    const { db, emulator } = h;
    seedBriefings(db, DIGEST_MINUTE, 6);
    seedChats(db, [{ chatId: OLD_GROUP.id }], DIGEST_MINUTE);
    const outbox = createSqliteOutboxRepository(db);
    const subscribers = createSqliteSubscriberRepository(db);
    const deps = { subscribers, articles: createSqliteArticleRepository(db), outbox, catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger };
    expect(await sendDueDigests(deps, DIGEST_MINUTE)).toMatchObject({ done: 1 });

    // The group is upgraded before the worker reaches its digest (a long broadcast queue, a back-off):
    // Telegram refuses the old id from now on and tells the bot in a service message.
    emulator.migrateChat(OLD_GROUP.id, SUPERGROUP_ID);
    emulator.sendText({ id: 7, first_name: 'Ada' }, '', OLD_GROUP, { migrate_to_chat_id: SUPERGROUP_ID });
    await emulator.waitFor(() => subscribers.find(SUPERGROUP_ID));

    const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 100, clock: Date.now });
    const worker = createDeliveryWorker({ outbox, sender, chats: subscribers, clock: Date.now, logger });
    worker.start();
    try {
      await emulator.waitFor(() => outbox.stats(0).pending + outbox.stats(0).sending === 0 && worker.inFlight() === 0);
    } finally {
      await worker.stop();
      sender.close();
    }

    expect(emulator.messagesTo(SUPERGROUP_ID).map((message) => message.text)).toEqual([expect.stringContaining('Your digest')]);
    expect(db.prepare('SELECT chat_id, state, last_error FROM outbox').all()).toEqual([{ chat_id: SUPERGROUP_ID, state: 'sent', last_error: null }]);
    expect(outbox.stats(0).dead).toBe(0);
    expect(JSON.stringify(db.prepare('SELECT last_error FROM outbox').all())).not.toContain(CHAT_STOPPED);
  });

  it('still gets the digest at its new id when the bot dies after Telegram said "migrated" and before the chat was moved', async () => {
    h = await startHarness();
    const { db, emulator } = h;
    seedBriefings(db, DIGEST_MINUTE, 6);
    seedChats(db, [{ chatId: OLD_GROUP.id }], DIGEST_MINUTE);
    const subscribers = createSqliteSubscriberRepository(db);
    const deps = { subscribers, articles: createSqliteArticleRepository(db), outbox: createSqliteOutboxRepository(db), catalog: SEED_CATALOG, options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger };
    expect(await sendDueDigests(deps, DIGEST_MINUTE)).toMatchObject({ done: 1 });
    // Telegram upgraded the group and the bot never saw the service message: the worker learns it from the refusal.
    emulator.migrateChat(OLD_GROUP.id, SUPERGROUP_ID);

    // The process dies while it records the migration: the chat's move is never written (modelled
    // by a move that fails; a SIGKILL between two commits leaves the same state).
    const dying = { ...subscribers, moveChat: () => { throw new Error('killed'); } };
    await deliverAll(db, dying);

    // The restart: a new connection and a new worker resume what was in flight.
    const restarted = openDatabase(db.name);
    try {
      await deliverAll(restarted, createSqliteSubscriberRepository(restarted));
    } finally {
      restarted.close();
    }

    expect(emulator.messagesTo(SUPERGROUP_ID).map((message) => message.text)).toEqual([expect.stringContaining('Your digest')]);
    expect(db.prepare('SELECT chat_id, state, last_error FROM outbox').all()).toEqual([{ chat_id: SUPERGROUP_ID, state: 'sent', last_error: null }]);
    expect(subscribers.find(SUPERGROUP_ID)?.active).toBe(true);

    /** Runs a worker until nothing is due or in flight any more, then stops it. */
    async function deliverAll(connection: typeof db, chats: ReturnType<typeof createSqliteSubscriberRepository>): Promise<void> {
      const outbox = createSqliteOutboxRepository(connection);
      const sender = createSender({ transport: createHttpTransport({ apiRoot: emulator.apiRoot, token: emulator.token }), globalPerSecond: 100, clock: Date.now });
      const worker = createDeliveryWorker({ outbox, sender, chats, clock: Date.now, logger });
      worker.start();
      try {
        await emulator.waitFor(() => outbox.stats(0).pending === 0 && worker.inFlight() === 0);
      } finally {
        await worker.stop();
        sender.close();
      }
    }
  });
});
