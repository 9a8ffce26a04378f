import { localDateOf, startOfLocalDay } from '../core/local-time.js';
import type { OutboxRepository, OutboxStats } from '../store/outbox-repository.js';

/**
 * The outbox figures for the admin's /stats: pending (including the one in flight), sent since
 * local midnight in `timezone`, failed, dead, and chats marked inactive.
 */
export function outboxStats(outbox: Pick<OutboxRepository, 'stats'>, now: number, timezone: string): OutboxStats {
  return outbox.stats(startOfLocalDay(localDateOf(now, timezone), timezone));
}
