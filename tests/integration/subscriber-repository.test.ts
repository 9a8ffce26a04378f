import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import type { NewChat, SubscriberRepository } from '../../src/store/subscriber-repository.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

const NOW = Date.UTC(2026, 0, 5, 9);
const chat = (chatId: number, over: Partial<NewChat> = {}): NewChat => ({
  chatId, chatType: 'private', title: null, language: 'en', timezone: 'Europe/Amsterdam', digestTime: '07:30', ...over,
});

let dir: string;
let db: SqliteDatabase;
let repo: SubscriberRepository;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-subs-'));
  db = openDatabase(join(dir, 'subs.db'));
  repo = createSqliteSubscriberRepository(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite subscriber repository', () => {
  it('creates a chat once and leaves an existing one as it is', () => {
    repo.ensure(chat(1), NOW);
    repo.update(1, { language: 'nl' }, NOW);
    expect(repo.ensure(chat(1, { language: 'en' }), NOW + 1)).toMatchObject({ chatId: 1, language: 'nl', createdAt: NOW, active: true });
  });

  it('lists the digest schedules of active chats with digests on that follow something, with their last digest', () => {
    repo.ensure(chat(1, { timezone: 'Asia/Kolkata', digestTime: '11:00' }), NOW);
    repo.ensure(chat(2, { digestTime: null }), NOW);
    repo.ensure(chat(3), NOW);
    repo.ensure(chat(4), NOW);
    repo.ensure(chat(5), NOW);
    for (const chatId of [1, 2, 3, 4]) repo.subscribe(chatId, [{ kind: 'topic', value: 'world' }], NOW + chatId);
    repo.markInactive(3, 'blocked', NOW);
    repo.markDigestSent(4, '2026-01-05', NOW + 7);
    expect(repo.listDigestSchedules().sort((a, b) => a.chatId - b.chatId)).toEqual([
      { chatId: 1, timezone: 'Asia/Kolkata', digestTime: '11:00', lastDigestDate: null, lastDigestAt: null, followingSince: NOW + 1 },
      { chatId: 4, timezone: 'Europe/Amsterdam', digestTime: '07:30', lastDigestDate: '2026-01-05', lastDigestAt: NOW + 7, followingSince: NOW + 4 },
    ]);
  });

  it('knows since when a chat follows something: from its first subscription until it follows nothing', () => {
    repo.ensure(chat(1), NOW);
    expect(repo.find(1)?.followingSince).toBeNull();
    repo.subscribe(1, [{ kind: 'topic', value: 'world' }], NOW + 1);
    repo.subscribe(1, [{ kind: 'topic', value: 'tech' }], NOW + 2);
    repo.unsubscribe(1, [{ kind: 'topic', value: 'world' }], NOW + 3);
    expect(repo.find(1)?.followingSince).toBe(NOW + 1);
    repo.unsubscribe(1, [{ kind: 'topic', value: 'tech' }], NOW + 4);
    expect(repo.find(1)?.followingSince).toBeNull();
    repo.subscribe(1, [{ kind: 'feed', value: 'bbc' }], NOW + 5);
    expect(repo.find(1)?.followingSince).toBe(NOW + 5);
    repo.stop(1, NOW + 6);
    expect(repo.find(1)?.followingSince).toBeNull();
    repo.subscribe(1, [{ kind: 'topic', value: 'world' }], NOW + 7);
    expect(repo.find(1)?.followingSince).toBe(NOW + 7);
  });

  it('keeps subscriptions as a set and reactivates a stopped chat that subscribes again', () => {
    repo.ensure(chat(1), NOW);
    repo.subscribe(1, [{ kind: 'topic', value: 'world' }, { kind: 'topic', value: 'world' }, { kind: 'feed', value: 'bbc' }], NOW);
    expect(repo.find(1)).toMatchObject({ topics: ['world'], feeds: ['bbc'] });
    repo.stop(1, NOW);
    expect(repo.find(1)).toMatchObject({ topics: [], feeds: [], active: false });
    expect(repo.listDigestSchedules()).toEqual([]);
    repo.subscribe(1, [{ kind: 'topic', value: 'tech' }], NOW);
    expect(repo.find(1)).toMatchObject({ topics: ['tech'], active: true });
    expect(repo.listDigestSchedules().map((s) => s.chatId)).toEqual([1]);
    expect(repo.subscribe(99, [{ kind: 'topic', value: 'tech' }], NOW)).toBeNull();
  });

  it('moves a migrated group with its subscriptions and history, and forgets a removed chat entirely', () => {
    const [seq] = seedBriefings(db, [{ feedId: 'f', headline: 'h', createdAt: NOW }]);
    repo.ensure(chat(-5, { chatType: 'group', title: 'G' }), NOW);
    repo.subscribe(-5, [{ kind: 'feed', value: 'f' }], NOW);
    repo.recordDeliveries(-5, [seq!], 'digest', NOW);
    repo.moveChat(-5, -1005, NOW);
    expect(repo.find(-5)).toBeNull();
    expect(repo.find(-1005)).toMatchObject({ chatType: 'supergroup', feeds: ['f'] });
    expect(repo.unseenBriefings(-1005, ['f'], 5)).toEqual([]);
    expect(repo.lastDeliveryAt(-1005)).toBe(NOW);
    expect(repo.remove(-1005)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM chat_deliveries').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM subscriptions').pluck().get()).toBe(0);
  });

  it('offers each briefing until it is recorded as received, per chat, and skips failed briefings', () => {
    const seqs = seedBriefings(db, Array.from({ length: 4 }, (_, i) => ({ feedId: 'f', headline: `h${i}`, createdAt: NOW + i })));
    db.prepare("UPDATE briefings SET status = 'failed' WHERE article_seq = ?").run(seqs[3]);
    repo.ensure(chat(1), NOW);
    repo.ensure(chat(2), NOW);
    const first = repo.unseenBriefings(1, ['f'], 2);
    expect(first.map((b) => b.headline)).toEqual(['h2', 'h1']);
    expect(repo.unseenBriefings(1, ['f'], 2).map((b) => b.headline)).toEqual(['h2', 'h1']);
    repo.recordDeliveries(1, first.map((b) => b.articleSeq), 'latest', NOW);
    const second = repo.unseenBriefings(1, ['f'], 5);
    expect(second.map((b) => b.headline)).toEqual(['h0']);
    repo.recordDeliveries(1, second.map((b) => b.articleSeq), 'latest', NOW);
    expect(repo.unseenBriefings(1, ['f'], 5)).toEqual([]);
    expect(repo.unseenBriefings(2, ['f', 'other'], 1)[0]).toMatchObject({ headline: 'h2', feedId: 'f', articleSeq: seqs[2], title: 'h2' });
    expect(repo.recentBriefings(['f'], 2).map((b) => b.headline)).toEqual(['h2', 'h1']);
    expect(repo.unseenBriefings(1, [], 5)).toEqual([]);
    repo.recordDeliveryBatch([{ chatId: 2, seqs: [seqs[2]!], via: 'latest', at: NOW + 5 }, { chatId: 1, seqs: [seqs[2]!], via: 'digest', at: NOW + 5 }]);
    expect(repo.unseenBriefings(2, ['f'], 5).map((b) => b.headline)).toEqual(['h1', 'h0']);
    expect(repo.lastDeliveryAt(2)).toBe(NOW + 5);
    // Chat 1 already had h2 (its receipt keeps the first time), but it did get a message at NOW + 5.
    expect(repo.lastDeliveryAt(1)).toBe(NOW + 5);
  });

  it('stores a batch of receipts although one chat in it was deleted or moved after its message went out', () => {
    const [seq] = seedBriefings(db, [{ feedId: 'f', headline: 'h', createdAt: NOW }]);
    repo.ensure(chat(1), NOW);
    repo.ensure(chat(-5, { chatType: 'group' }), NOW);
    repo.moveChat(-5, -1005, NOW);
    // Chat 1 and the group's old id sent /latest in the same moment; chat 9 deleted its data since.
    repo.recordDeliveryBatch([
      { chatId: 1, seqs: [seq!], via: 'latest', at: NOW + 5 },
      { chatId: -5, seqs: [seq!], via: 'latest', at: NOW + 5 },
      { chatId: 9, seqs: [seq!], via: 'latest', at: NOW + 5 },
    ]);
    expect(repo.unseenBriefings(1, ['f'], 5)).toEqual([]);
    expect(repo.lastDeliveryAt(1)).toBe(NOW + 5);
    expect(db.prepare('SELECT chat_id FROM chat_deliveries').pluck().all()).toEqual([1]);
  });

  it('moves nothing, and deletes nothing, when the old chat is not stored', () => {
    repo.ensure(chat(-1005, { chatType: 'supergroup', title: 'Kept' }), NOW);
    repo.subscribe(-1005, [{ kind: 'topic', value: 'world' }], NOW);
    repo.moveChat(-5, -1005, NOW + 1);
    expect(repo.find(-1005)).toMatchObject({ title: 'Kept', topics: ['world'], active: true });
    expect(repo.find(-5)).toBeNull();
  });

  it('counts chats by type and state, and records the day\'s digest', () => {
    repo.ensure(chat(1), NOW);
    repo.ensure(chat(-2, { chatType: 'group' }), NOW);
    repo.ensure(chat(-1003, { chatType: 'channel' }), NOW);
    repo.markInactive(1, 'Forbidden: bot was blocked by the user', NOW);
    repo.markDigestSent(-2, '2026-01-05', NOW);
    expect(repo.stats()).toEqual({ total: 3, active: 2, inactive: 1, byType: { private: 1, group: 1, supergroup: 0, channel: 1 } });
    expect(repo.find(-2)).toMatchObject({ lastDigestDate: '2026-01-05', lastDigestAt: NOW });
  });
});

describe('reachability', () => {
  it('makes a chat blocked by delivery active again when it writes, but not one that chose /stop', () => {
    repo.ensure(chat(1), NOW);
    repo.ensure(chat(2), NOW);
    repo.markInactive(1, 'Forbidden: bot was blocked by the user', NOW);
    repo.stop(2, NOW);
    expect(repo.markReachable(1, NOW)?.active).toBe(true);
    expect(repo.markReachable(2, NOW)?.active).toBe(false);
  });
});
