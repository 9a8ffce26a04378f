import { describe, expect, it } from 'vitest';
import { createDeliveryLog } from '../../../src/bot/delivery-log.js';
import type { DeliveryRecord } from '../../../src/store/subscriber-repository.js';

const entry = (chatId: number, seqs: number[]): DeliveryRecord => ({ chatId, seqs, via: 'latest', at: 1_000 });

describe('the delivery log', () => {
  it('writes records that arrive close together in one batch, and resolves each once it is written', async () => {
    const batches: DeliveryRecord[][] = [];
    const log = createDeliveryLog({ recordDeliveryBatch: (records) => void batches.push([...records]) }, 5);
    const first = log.record(entry(1, [10, 11]));
    const second = log.record(entry(2, [12]));
    expect(batches).toEqual([]);
    await Promise.all([first, second]);
    expect(batches).toEqual([[entry(1, [10, 11]), entry(2, [12])]]);
    await log.record(entry(3, [13]));
    expect(batches).toHaveLength(2);
    expect(batches[1]).toEqual([entry(3, [13])]);
  });

  it('rejects every record of a batch the store could not write, and writes the next batch again', async () => {
    let fail = true;
    const written: DeliveryRecord[] = [];
    const log = createDeliveryLog({
      recordDeliveryBatch: (records) => {
        if (fail) throw new Error('store: disk full');
        written.push(...records);
      },
    }, 1);
    const results = await Promise.allSettled([log.record(entry(1, [1])), log.record(entry(2, [2]))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await log.record(entry(3, [3]));
    expect(written).toEqual([entry(3, [3])]);
  });
});
