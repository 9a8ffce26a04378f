import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyLimited } from '../../src/feeds/read-body.js';

const stream = (...chunks: number[][]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk));
      controller.close();
    },
  });

describe('readBodyLimited', () => {
  it('joins the chunks of a body of unknown length', async () => {
    expect([...(await readBodyLimited(stream([1, 2], [3], [4, 5]), 10))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a body of the declared length into one array', async () => {
    const bytes = await readBodyLimited(stream([1, 2], [3], [4, 5]), 10, 5);
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(bytes.byteLength).toBe(5);
  });

  it('reads a body shorter than declared without padding', async () => {
    expect([...(await readBodyLimited(stream([1, 2], [3]), 10, 6))]).toEqual([1, 2, 3]);
  });

  it('reads a body longer than declared whole', async () => {
    expect([...(await readBodyLimited(stream([1, 2], [3, 4], [5]), 10, 3))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores a declared length beyond the limit and still stops at the limit', async () => {
    await expect(readBodyLimited(stream([1, 2, 3], [4, 5, 6]), 4, 100)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(readBodyLimited(stream([1, 2, 3], [4, 5, 6]), 4, 3)).rejects.toMatchObject({ limit: 4, seen: 6 });
  });

  it('returns an empty array for no body', async () => {
    expect((await readBodyLimited(null, 10, 5)).byteLength).toBe(0);
  });
});
