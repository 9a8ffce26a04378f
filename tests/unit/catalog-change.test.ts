import { describe, expect, it } from 'vitest';
import { compareCatalogs, isUnchanged } from '../../src/core/catalog-change.js';
import type { FeedSpec } from '../../src/core/types.js';

const feed = (id: string, overrides: Partial<FeedSpec> = {}): FeedSpec => ({
  id, url: `https://feeds.example/${id}`, title: id, language: 'en', topics: ['world'], enabled: true, fullText: 'auto', weight: 1, ...overrides,
});

describe('compareCatalogs', () => {
  it('names the feeds added, removed and changed, and counts the enabled ones', () => {
    const before = [feed('a'), feed('b'), feed('c'), feed('d')];
    const after = [feed('a'), feed('b', { url: 'https://elsewhere.example/b' }), feed('d', { topics: ['world', 'tech'] }), feed('e', { enabled: false }), feed('f')];
    expect(compareCatalogs(before, after)).toEqual({ added: ['e', 'f'], removed: ['c'], renamedFeeds: [], changed: ['b', 'd'], renamedTopics: [], enabled: 4 });
  });

  it.each<[string, Partial<FeedSpec>]>([
    ['interval', { intervalMinutes: 30 }], ['enabled', { enabled: false }], ['fullText', { fullText: 'never' }],
    ['weight', { weight: 2 }], ['language', { language: 'nl' }], ['title', { title: 'Other' }], ['topic order', { topics: ['tech'] }],
  ])('sees a change of %s', (_name, overrides) => {
    expect(compareCatalogs([feed('a')], [feed('a', overrides)]).changed).toEqual(['a']);
  });

  it('calls a feed listed under a new id with the URL of one that left a rename, neither added nor removed', () => {
    const change = compareCatalogs([feed('a'), feed('b')], [feed('a2', { url: 'https://FEEDS.example/a#top' }), feed('b'), feed('c')]);
    expect(change).toMatchObject({ added: ['c'], removed: [], renamedFeeds: [{ from: 'a', to: 'a2' }], changed: [] });
    expect(isUnchanged(compareCatalogs([feed('a')], [feed('a2', { url: feed('a').url })]))).toBe(false);
  });

  it('finds nothing in the same list', () => {
    const change = compareCatalogs([feed('a'), feed('b')], [feed('a'), feed('b')]);
    expect(isUnchanged(change)).toBe(true);
    expect(change.enabled).toBe(2);
  });

  it('names the topics whose names were added, changed or dropped, which alone is a change too', () => {
    const before = new Map([['world', { nl: 'Wereld', en: 'World' }], ['tech', { nl: 'Techniek' }], ['sport', { nl: 'Sport' }]]);
    const after = new Map([['world', { en: 'World', nl: 'Wereld' }], ['tech', { nl: 'Tech' }], ['economy', { nl: 'Economie' }]]);
    const change = compareCatalogs([feed('a')], [feed('a')], { before, after });
    expect(change.renamedTopics).toEqual(['economy', 'sport', 'tech']);
    expect(isUnchanged(change)).toBe(false);
    expect(change.changed).toEqual([]);
  });
});
