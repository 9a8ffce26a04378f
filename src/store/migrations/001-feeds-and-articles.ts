import type { Migration } from './index.js';

/** Schema for feeds, feed state, articles and briefings. */
export const FEEDS_AND_ARTICLES: Migration = {
  version: 1,
  name: '001-feeds-and-articles',
  sql: `
    SELECT 1;
  `,
};
