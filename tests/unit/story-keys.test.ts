import { describe, expect, it } from 'vitest';
import { createStoryKeysMemo, storyKeysOf } from '../../src/core/story-keys.js';
import { pickLatestStories } from '../../src/core/latest-stories.js';
import type { StoredBriefing } from '../../src/core/types.js';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
let next = 0;
const briefing = (headline: string, url: string | null): StoredBriefing => ({
  articleId: `item-${next++}`, feedId: 'nos', url, publishedAt: NOW, createdAt: NOW, headline,
  sentences: [], language: 'nl', words: 3, chars: 20, method: 'extractive',
});

describe('createStoryKeysMemo', () => {
  it('gives the keys storyKeysOf gives, also for a briefing condensed again under a new headline', () => {
    const memo = createStoryKeysMemo();
    const first = briefing('Storm sluit de Afsluitdijk', 'https://nos.nl/artikel/1?utm_source=rss');
    const again = { ...first, headline: 'Kabinet gevallen' };
    for (const b of [first, again, first, briefing('Élection à Paris', null)]) expect(memo(b)).toEqual(storyKeysOf(b));
  });

  it('forgets the oldest beyond its limit and still answers right', () => {
    const memo = createStoryKeysMemo(2);
    const list = ['Een', 'Twee', 'Drie', 'Een'].map((headline, i) => briefing(headline, `https://nos.nl/${i}`));
    for (const b of list) expect(memo(b)).toEqual(storyKeysOf(b));
  });

  it('groups /latest\'s stories as the keys worked out afresh do', () => {
    const memo = createStoryKeysMemo();
    const list = [
      briefing('Storm closes the Afsluitdijk tonight', 'https://a.example/1'),
      briefing('Kabinet valt', 'https://nos.nl/artikel/1?utm_source=rss'),
      briefing('Storm closes the Afsluitdijk tonight!', 'https://b.example/2'),
      briefing('Het kabinet is gevallen', 'https://nos.nl/artikel/1'),
    ];
    expect(pickLatestStories(list, 5, memo)).toEqual(pickLatestStories(list, 5));
    expect(pickLatestStories(list, 5, memo)).toEqual(pickLatestStories(list, 5));
  });
});
