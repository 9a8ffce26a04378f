import type { Migration } from './index.js';

/**
 * Article pages fetched for full text, with their answer, so that a teaser-only article's page is
 * fetched once per article across restarts and across processes (fulltext/once-per-page.ts):
 * keyed by the page's link as dedupe compares links. `text` and `title` are what the extractor
 * read (FullText); both NULL when the page failed or held no article, which is remembered too.
 * Housekeeping deletes pages older than the reuse window by `fetched_at`.
 */
export const FETCHED_PAGES: Migration = {
  version: 13,
  name: '013-fetched-pages',
  sql: `
    CREATE TABLE fetched_pages (
      page_key   TEXT    PRIMARY KEY,
      fetched_at INTEGER NOT NULL,
      text       TEXT,
      title      TEXT,
      CHECK (text IS NOT NULL OR title IS NULL)
    ) STRICT;
    CREATE INDEX fetched_pages_fetched_at ON fetched_pages (fetched_at);
  `,
};
