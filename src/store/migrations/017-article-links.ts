import type { Migration } from './index.js';

/**
 * Each article keeps its link as stories are compared (core/story-keys.ts linkOf: the normalised
 * URL), indexed, so the copies of a link across feeds and days are found with one look-up: a chat
 * that had a story yesterday from one feed is not given it again today from another (a feed's
 * "top stories" and "world" lists carry the same articles a day apart), nor when a feed reissues
 * an old item under a new guid. Articles stored before this version get theirs here, through the
 * `link_of` function openDatabase lends SQLite while it migrates (see applyMigrations).
 */
export const ARTICLE_LINKS: Migration = {
  version: 17,
  name: '017-article-links',
  sql: `
    ALTER TABLE articles ADD COLUMN link TEXT;
    UPDATE articles SET link = link_of(url) WHERE url IS NOT NULL AND url <> '';
    CREATE INDEX articles_link ON articles (link) WHERE link IS NOT NULL;
  `,
};
