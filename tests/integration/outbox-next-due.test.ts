import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/store/database.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';

const NOW = Date.UTC(2026, 11, 8, 7, 30);
const CHANNEL = -1001234567890;

let dir: string;
let db: SqliteDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-next-due-'));
  db = openDatabase(join(dir, 'outbox.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('outbox.nextDue on a SQLite file', () => {
  it('skips the busy chats before counting to the limit, channels (negative ids) included', () => {
    const outbox = createSqliteOutboxRepository(db);
    const chats = [1, CHANNEL, 2, 3, 4];
    outbox.enqueue(chats.map((chatId) => ({ key: `push:${chatId}`, chatId, kind: 'push' as const, priority: 5, payload: { text: `for ${chatId}` } })), NOW);
    const due = (limit: number, busy: number[]) => outbox.nextDue(NOW, limit, new Set(busy)).map((message) => message.chatId);
    expect(due(2, [])).toEqual([1, CHANNEL]);
    expect(due(2, [1, CHANNEL])).toEqual([2, 3]);
    expect(due(10, [CHANNEL, 3])).toEqual([1, 2, 4]);
    expect(due(10, chats)).toEqual([]);
  });

  it('gives a chat its next part only, and none while that chat is busy', () => {
    const outbox = createSqliteOutboxRepository(db);
    outbox.enqueue([1, 2].map((part) => ({ key: `digest:7:${part}`, chatId: 7, kind: 'digest' as const, priority: 0, payload: { text: `part ${part}` } })), NOW);
    expect(outbox.nextDue(NOW, 10, new Set()).map((message) => message.key)).toEqual(['digest:7:1']);
    expect(outbox.nextDue(NOW, 10, new Set([7]))).toEqual([]);
  });
});
