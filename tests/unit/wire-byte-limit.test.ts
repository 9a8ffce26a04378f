import { describe, expect, it } from 'vitest';
import { wireByteLimit } from '../../src/feeds/content-encoding.js';

const LIMIT = 5 * 1024 * 1024;
const ONE_LAYER = Math.ceil(LIMIT / 1024) + 1024;

describe('the bytes a compressed body may have on the wire', () => {
  it('is the limit for a plain body, and a little more for each coding to undo', () => {
    expect(wireByteLimit(LIMIT, null)).toBe(LIMIT);
    expect(wireByteLimit(LIMIT, 'identity')).toBe(LIMIT);
    expect(wireByteLimit(LIMIT, 'gzip')).toBe(LIMIT + ONE_LAYER);
    expect(wireByteLimit(LIMIT, 'br, gzip')).toBe(LIMIT + 2 * ONE_LAYER);
  });

  it('grows for no more than two codings, so a header repeating one cannot stretch it', () => {
    expect(wireByteLimit(LIMIT, Array(5000).fill('br').join(', '))).toBe(LIMIT + 2 * ONE_LAYER);
  });

  it('does not grow for a coding there is no decoder for (the fetch fails on it anyway)', () => {
    expect(wireByteLimit(LIMIT, 'zstd')).toBe(LIMIT);
    expect(wireByteLimit(LIMIT, 'gzip, zstd')).toBe(LIMIT + ONE_LAYER);
  });
});
