import { describe, expect, it } from 'vitest';
import { findFeedRenames, type StoredFeedUrl } from '../../src/core/feed-renames.js';
import type { FeedSpec } from '../../src/core/types.js';

const feed = (id: string, url: string, overrides: Partial<FeedSpec> = {}): FeedSpec => ({
  id, url, title: id, language: 'en', topics: ['world'], enabled: true, fullText: 'auto', weight: 1, ...overrides,
});
const stored = (feedId: string, configuredUrl: string): StoredFeedUrl => ({ feedId, configuredUrl });
const U = 'https://feeds.example/news';

describe('findFeedRenames', () => {
  it('gives a new id the history of the unlisted stored id with the same URL', () => {
    expect(findFeedRenames([feed('a2', U)], [stored('a', U)])).toEqual([{ from: 'a', to: 'a2' }]);
  });

  it('compares URLs as article links are compared: default port, fragment and tracking parameters aside', () => {
    const renames = findFeedRenames([feed('a2', 'HTTPS://Feeds.Example:443/news?utm_source=x#top')], [stored('a', U)]);
    expect(renames).toEqual([{ from: 'a', to: 'a2' }]);
  });

  it('takes over a disabled feed too, and finds several renames at once, in the order of feeds.json', () => {
    const listed = [feed('c', 'https://feeds.example/c'), feed('b2', 'https://feeds.example/b', { enabled: false }), feed('a2', U)];
    const renames = findFeedRenames(listed, [stored('a', U), stored('b', 'https://feeds.example/b'), stored('c', 'https://feeds.example/c')]);
    expect(renames).toEqual([{ from: 'b', to: 'b2' }, { from: 'a', to: 'a2' }]);
  });

  it('leaves a stored id that feeds.json still lists alone (the same URL twice is a duplicate, not a rename)', () => {
    expect(findFeedRenames([feed('a', U), feed('a2', U)], [stored('a', U)])).toEqual([]);
  });

  it('does nothing when two new ids claim one old URL', () => {
    expect(findFeedRenames([feed('a2', U), feed('a3', U)], [stored('a', U)])).toEqual([]);
  });

  it('does nothing when two unlisted stored ids had the URL', () => {
    expect(findFeedRenames([feed('a3', U)], [stored('a', U), stored('a2', U)])).toEqual([]);
  });

  it('never moves history to an id the store already knows', () => {
    expect(findFeedRenames([feed('a2', U)], [stored('a', U), stored('a2', 'https://feeds.example/other')])).toEqual([]);
  });

  it('finds nothing for a new feed at a new URL, or a stored feed whose URL nobody lists', () => {
    expect(findFeedRenames([feed('b', 'https://feeds.example/b')], [stored('a', U)])).toEqual([]);
    expect(findFeedRenames([], [stored('a', U)])).toEqual([]);
  });
});
