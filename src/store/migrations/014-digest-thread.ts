import type { Migration } from './index.js';

/**
 * The forum topic a chat's digests go to (`thread_id`, a forum topic's message_thread_id; null:
 * the chat itself, which in a forum is its General topic). A forum group that set its digests up
 * in its "News" topic got them in General, among the chatter.
 */
export const DIGEST_THREAD: Migration = {
  version: 14,
  name: '014-digest-thread',
  sql: `
    ALTER TABLE subscribers ADD COLUMN thread_id INTEGER;
  `,
};
