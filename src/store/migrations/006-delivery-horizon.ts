import type { Migration } from './index.js';

/**
 * Housekeeping forgets which chat received which article once the article is older than the
 * retention period, so `chat_deliveries` stops growing with every chat and every day. What was
 * forgotten must never read as unseen, or /latest would offer month-old news as new:
 * `forgotten_through_seq` is the highest article seq whose deliveries may be gone, and /latest
 * offers only articles after it.
 */
export const DELIVERY_HORIZON: Migration = {
  version: 6,
  name: '006-delivery-horizon',
  sql: `
    CREATE TABLE delivery_horizon (
      id                    INTEGER PRIMARY KEY CHECK (id = 1),
      forgotten_through_seq INTEGER NOT NULL
    );
    INSERT INTO delivery_horizon (id, forgotten_through_seq) VALUES (1, 0);
  `,
};
