import type { DeliveryRecord, SubscriberRepository } from '../store/subscriber-repository.js';

/** Records what chats received, a batch at a time. */
export interface DeliveryLog {
  /** Resolves once the record is stored (it shares one transaction with the others of its batch). */
  record(entry: DeliveryRecord): Promise<void>;
}

/** How long records may wait for others before they are written together, in ms. */
const DELIVERY_BATCH_MS = 10;

/**
 * Group commit for delivery records. Every /latest writes what it sent once Telegram accepted it;
 * a SQLite commit costs several times the inserts it carries, so records arriving within
 * `batchMs` of the first are written together in one transaction. The wait delays nobody's
 * reply: only the chat's own next /latest (through its queue) waits for the record, so it sees it.
 */
export function createDeliveryLog(
  subscribers: Pick<SubscriberRepository, 'recordDeliveryBatch'>,
  batchMs: number = DELIVERY_BATCH_MS,
): DeliveryLog {
  let pending: DeliveryRecord[] = [];
  let flush: Promise<void> | null = null;
  return {
    record(entry) {
      pending.push(entry);
      flush ??= new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          const batch = pending;
          pending = [];
          flush = null;
          try {
            subscribers.recordDeliveryBatch(batch);
            resolve();
          } catch (error) {
            reject(error);
          }
        }, batchMs);
      });
      return flush;
    },
  };
}
