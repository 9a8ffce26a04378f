import { describe, expect, it } from 'vitest';
import { oldestFirst } from '../../src/core/arrival-order.js';

const at = (id: string, publishedAt: number | null) => ({ id, publishedAt });

describe('oldestFirst', () => {
  it('orders by publication time, oldest first, whatever order the feed listed', () => {
    const listed = [at('noon', 1200), at('eight', 800), at('ten', 1000)];
    expect(oldestFirst(listed, 5000).map((a) => a.id)).toEqual(['eight', 'ten', 'noon']);
  });

  it('places an undated item at the time it was seen, and an unusable date the same way', () => {
    const listed = [at('undated', null), at('future', 9000), at('bad', Number.NaN), at('old', 100)];
    expect(oldestFirst(listed, 5000).map((a) => a.id)).toEqual(['old', 'bad', 'undated', 'future']);
  });

  it('keeps the newest-first convention for equal times: the item listed first is stored last', () => {
    const listed = [at('a', 700), at('b', 700), at('c', 700)];
    expect(oldestFirst(listed, 5000).map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(listed.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});
