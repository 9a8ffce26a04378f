import type { Migration } from './index.js';

/**
 * `articles_feed_published` served no query: look-ups by feed use the (feed_id, id) unique
 * index, and briefings are ordered through their own index. Every stored article paid for
 * keeping it up to date, so it goes.
 */
export const DROP_UNUSED_ARTICLE_INDEX: Migration = {
  version: 5,
  name: '005-drop-unused-article-index',
  sql: `DROP INDEX IF EXISTS articles_feed_published;`,
};
