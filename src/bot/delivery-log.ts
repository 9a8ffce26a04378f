import type { DeliveryRecord, SubscriberRepository } from '../store/subscriber-repository.js';

/** Records what chats received, a batch at a time. */
export interface DeliveryLog {
  /** Resolves once the record is stored (it shares one transaction with the others of this turn). */
  record(entry: DeliveryRecord): Promise<void>;
}

/**
 * Group commit for delivery records. Every /latest writes what it sent once Telegram accepted it;
 * one SQLite commit per reply was the largest single cost of a reply under load, so records that
 * arrive in the same event-loop turn are written together in one transaction right after it.
 * Callers await `record` (the chat's queue does), so the next command of that chat sees it.
 */
export function createDeliveryLog(subscribers: Pick<SubscriberRepository, 'recordDeliveryBatch'>): DeliveryLog {
  let pending: DeliveryRecord[] = [];
  let flush: Promise<void> | null = null;
  return {
    record(entry) {
      pending.push(entry);
      flush ??= new Promise<void>((resolve, reject) => {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          flush = null;
          try {
            subscribers.recordDeliveryBatch(batch);
            resolve();
          } catch (error) {
            reject(error);
          }
        });
      });
      return flush;
    },
  };
}
