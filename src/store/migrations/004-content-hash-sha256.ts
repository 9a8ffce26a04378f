import type { Migration } from './index.js';

/**
 * Article content hashes changed from FNV-1a (written in JavaScript) to native SHA-256 (see
 * feeds/content-hash.ts). Comparing an old hash with a new one would call every stored article
 * edited, so the old hashes are cleared: an empty hash means "not hashed the current way yet",
 * and the next poll that sees the article stores its new hash without calling it an edit.
 */
export const CONTENT_HASH_SHA256: Migration = {
  version: 4,
  name: '004-content-hash-sha256',
  sql: `UPDATE articles SET content_hash = '';`,
};
