import type { Migration } from './index.js';

/**
 * Messages a chat is sent once ever carry keys that start with `once:` (see ONCE_KEY_PREFIX),
 * and housekeeping keeps them after they are sent: the kept row is what stops the same message
 * from being enqueued again. The one such message before this version, the notice that
 * everything a chat follows left feeds.json, was keyed `gone:…`; its sent rows are renamed so
 * no chat is told a second time.
 */
export const ONCE_KEYS: Migration = {
  version: 10,
  name: '010-once-keys',
  sql: `
    UPDATE outbox SET key = 'once:' || key WHERE substr(key, 1, 5) = 'gone:';
  `,
};
