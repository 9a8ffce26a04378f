import { linkOf } from '../../src/core/story-keys.js';
import type { ChatType, FeedSpec, UiLanguage } from '../../src/core/types.js';
import type { SqliteDatabase } from '../../src/store/database.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';

/** Two feeds with topics, enough for digests with sections. */
export const SEED_CATALOG: FeedSpec[] = [
  { id: 'world-a', url: 'https://a.example/rss', title: 'World A', language: 'en', topics: ['world'], enabled: true, fullText: 'never', weight: 1 },
  { id: 'tech-b', url: 'https://b.example/rss', title: 'Tech <B>', language: 'en', topics: ['tech'], enabled: true, fullText: 'never', weight: 1.5 },
];

/**
 * Stores `count` articles with briefings, alternating feeds, created in the hour before `now`.
 * A `batch` name other than the default makes another set of stories (ids, links, headlines), for a later day.
 */
export function seedBriefings(db: SqliteDatabase, now: number, count: number, batch = ''): void {
  // The link as ingestion stores it, where the file has migration 017 (tests of older files seed them too).
  const withLink = hasLinkColumn(db);
  const article = db.prepare(withLink
    ? `INSERT INTO articles (feed_id, id, url, link, title, published_at, first_seen_at, updated_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'h')`
    : `INSERT INTO articles (feed_id, id, url, title, published_at, first_seen_at, updated_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, 'h')`);
  const briefing = db.prepare(
    `INSERT INTO briefings (article_seq, headline, sentences, language, words, chars, method, created_at, status)
     VALUES (?, ?, ?, 'en', 12, 80, 'lead', ?, 'ok')`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const feed = SEED_CATALOG[i % SEED_CATALOG.length]!;
      const at = now - 3_600_000 + i * 1_000;
      const headline = `${batch}Story ${i}: ${['markets', 'storm', 'election', 'chips', 'rail', 'energy'][i % 6]} & <update> ${i * 7}`;
      const url = `https://${feed.id}.example/${batch}${i}`;
      const values = withLink ? [feed.id, `id-${batch}${i}`, url, linkOf(url)] : [feed.id, `id-${batch}${i}`, url];
      const seq = Number(article.run(...values, headline, at, at, at).lastInsertRowid);
      briefing.run(seq, headline, JSON.stringify([`Sentence one of story ${i}.`, 'A second sentence with "quotes".']), at);
    }
  })();
}

export interface SeedChat {
  readonly chatId: number;
  readonly chatType?: ChatType;
  readonly language?: UiLanguage;
  readonly timezone?: string;
  readonly digestTime?: string | null;
  readonly topics?: readonly string[];
}

/** Stores chats with their digest settings and topic subscriptions (through the bot's repository). */
export function seedChats(db: SqliteDatabase, chats: readonly SeedChat[], now: number): void {
  const repo = createSqliteSubscriberRepository(db);
  db.transaction(() => {
    for (const chat of chats) {
      repo.ensure({
        chatId: chat.chatId,
        chatType: chat.chatType ?? (chat.chatId < 0 ? 'group' : 'private'),
        title: null,
        language: chat.language ?? 'en',
        timezone: chat.timezone ?? 'Europe/Amsterdam',
        digestTime: chat.digestTime === undefined ? '07:30' : chat.digestTime,
      }, now);
      repo.subscribe(chat.chatId, (chat.topics ?? ['world', 'tech']).map((value) => ({ kind: 'topic' as const, value })), now);
    }
  })();
}

/** Whether the articles table has migration 017's link column. */
function hasLinkColumn(db: SqliteDatabase): boolean {
  return (db.pragma('table_info(articles)') as { name: string }[]).some((column) => column.name === 'link');
}
