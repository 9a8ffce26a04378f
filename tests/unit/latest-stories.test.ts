import { describe, expect, it } from 'vitest';
import { pickLatestStories } from '../../src/core/latest-stories.js';
import type { StoredBriefing } from '../../src/core/types.js';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
let next = 0;
const briefing = (feedId: string, headline: string, url: string | null): StoredBriefing => ({
  articleId: `item-${next++}`, feedId, url, publishedAt: NOW, createdAt: NOW, headline,
  sentences: [`${headline}.`], language: 'en', words: 3, chars: 20, method: 'extractive',
});

describe('pickLatestStories', () => {
  it('shows a story carried by two feeds once, by its newest copy, with the other copy among its sources', () => {
    const newest = briefing('nos-binnenland', 'Kabinet valt', 'https://nos.nl/artikel/1?utm_source=rss');
    const other = briefing('bbc-world', 'Storm closes the dyke', 'https://bbc.example/storm');
    const copy = briefing('nos-algemeen', 'Het kabinet is gevallen', 'https://nos.nl/artikel/1');
    const stories = pickLatestStories([newest, other, copy], 5);
    expect(stories).toEqual([{ briefing: newest, sources: [newest, copy] }, { briefing: other, sources: [other] }]);
  });

  it('groups near-identical headlines at different links, as the digest does', () => {
    const a = briefing('nos-algemeen', 'Storm closes the Afsluitdijk tonight', 'https://a.example/1');
    const b = briefing('bbc-world', 'Storm closes the Afsluitdijk tonight!', 'https://b.example/2');
    expect(pickLatestStories([a, b], 5)).toEqual([{ briefing: a, sources: [a, b] }]);
  });

  it("keeps one feed's items under one headline apart: a recurring title at two links is two stories", () => {
    const today = briefing('nos-algemeen', 'Het weer', 'https://nos.nl/artikel/2');
    const yesterday = briefing('nos-algemeen', 'Het weer', 'https://nos.nl/artikel/1');
    const elsewhere = briefing('nu-algemeen', 'Het weer', 'https://nu.nl/weer/9');
    expect(pickLatestStories([today, yesterday], 5)).toEqual([{ briefing: today, sources: [today] }, { briefing: yesterday, sources: [yesterday] }]);
    // Another feed's copy still joins a story.
    expect(pickLatestStories([today, elsewhere], 5)).toEqual([{ briefing: today, sources: [today, elsewhere] }]);
  });

  it("does not join one feed's two editions through another feed's copy that resembles both", () => {
    const today = briefing('nos-algemeen', 'Het weer', 'https://nos.nl/artikel/2');
    const elsewhere = briefing('nu-algemeen', 'Het weer', 'https://nu.nl/weer/9');
    const yesterday = briefing('nos-algemeen', 'Het weer', 'https://nos.nl/artikel/1');
    expect(pickLatestStories([today, elsewhere, yesterday], 5)).toEqual([
      { briefing: today, sources: [today, elsewhere] },
      { briefing: yesterday, sources: [yesterday] },
    ]);
  });

  it('counts stories, not briefings, and keeps the newest-first order', () => {
    const list = [
      briefing('x', 'One story here', 'https://x.example/1'),
      briefing('y', 'Another matter', 'https://x.example/1'),
      briefing('x', 'Second thing happened', 'https://x.example/2'),
      briefing('x', 'Third event today', 'https://x.example/3'),
    ];
    const stories = pickLatestStories(list, 2);
    expect(stories.map((story) => story.briefing.headline)).toEqual(['One story here', 'Second thing happened']);
    expect(stories.map((story) => story.sources.length)).toEqual([2, 1]);
  });

  it('gives nothing for no briefings', () => {
    expect(pickLatestStories([], 5)).toEqual([]);
  });
});
