import type { Migration } from './index.js';

/**
 * /status tells a chat when it last received something. Reading that from `chat_deliveries`
 * stopped working once housekeeping forgets old receipts (migration 006): a chat that had heard
 * nothing for a month read "none yet". The time is kept on the chat itself, taken from the
 * receipts that still exist when the migration runs.
 */
export const LAST_DELIVERY_AT: Migration = {
  version: 7,
  name: '007-last-delivery-at',
  sql: `
    ALTER TABLE subscribers ADD COLUMN last_delivery_at INTEGER;
    UPDATE subscribers SET last_delivery_at = (SELECT MAX(d.delivered_at) FROM chat_deliveries d WHERE d.chat_id = subscribers.chat_id);
  `,
};
