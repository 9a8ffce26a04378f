import type { Migration } from './index.js';

/**
 * When a chat began to follow something (`following_since`; null while it follows nothing). A
 * digest is due for a date only if its time came after that (core/digest-schedule.ts): catching
 * up a missed digest is for downtime, not for a chat that subscribed after its digest time (a
 * `/subscribe @channel` posted a digest in public a minute later, before its admin could set
 * `/time`), and a chat that followed nothing at its digest time and subscribes minutes later is
 * treated alike. Chats that follow something get the time they were created.
 */
export const FOLLOWING_SINCE: Migration = {
  version: 18,
  name: '018-following-since',
  sql: `
    ALTER TABLE subscribers ADD COLUMN following_since INTEGER;
    UPDATE subscribers SET following_since = created_at WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = subscribers.chat_id);
  `,
};
