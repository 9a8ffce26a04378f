import { describe, expect, it } from 'vitest';
import { followedItems, offeredNames, resolveSubscriptions, retryWithClosest } from '../../../src/bot/subscription-feeds.js';
import type { TopicNames } from '../../../src/core/topic-names.js';
import type { FeedSpec, Subscriber } from '../../../src/core/types.js';

const NAMES: TopicNames = new Map([
  ['world', { nl: 'Wereld', en: 'World', de: 'Welt', fr: 'Monde' }],
  ['tech', { nl: 'Tech', de: 'Technik' }],
  ['france', { fr: 'France', de: 'Frankreich' }],
]);
const feed = (id: string, title: string, topics: string[]): FeedSpec => ({ id, url: `https://feeds.example/${id}`, title, language: 'en', topics, enabled: true, fullText: 'auto', weight: 1 });
const FEEDS = [
  feed('nos-tech', 'NOS Tech', ['tech']),
  feed('lemonde-une', 'Le Monde', ['france', 'world']),
  feed('france24-fr', 'France 24', ['world']),
  feed('heise', 'heise online', ['tech']),
  feed('tagesschau', 'tagesschau.de', ['world']),
];
const read = (text: string) => resolveSubscriptions(text.split(' '), FEEDS, NAMES);

describe('a feed typed by its title, as /feeds and the buttons show it', () => {
  it('is the feed, not a topic whose name is one of its words', () => {
    expect(read('NOS Tech')).toEqual({ items: [{ kind: 'feed', value: 'nos-tech' }], unknown: [] });
    expect(read('le monde')).toEqual({ items: [{ kind: 'feed', value: 'lemonde-une' }], unknown: [] });
    expect(read('heise online, Tagesschau.de')).toEqual({ items: [{ kind: 'feed', value: 'heise' }, { kind: 'feed', value: 'tagesschau' }], unknown: [] });
    expect(read('"Le Monde"; heise online!').items).toEqual([{ kind: 'feed', value: 'lemonde-une' }, { kind: 'feed', value: 'heise' }]);
    expect(read('France 24 monde')).toEqual({ items: [{ kind: 'feed', value: 'france24-fr' }, { kind: 'topic', value: 'world' }], unknown: [] });
  });

  it('leaves a topic named like a word of a title a topic when typed alone', () => {
    expect(read('tech monde france').items).toEqual([{ kind: 'topic', value: 'tech' }, { kind: 'topic', value: 'world' }, { kind: 'topic', value: 'france' }]);
  });

  it('is dropped by /unsubscribe by its title too', () => {
    const chat = { topics: ['tech'], feeds: ['lemonde-une'] } as unknown as Subscriber;
    expect(followedItems(['Le', 'Monde', 'tech'], chat, FEEDS, NAMES)).toEqual({ items: [{ kind: 'feed', value: 'lemonde-une' }, { kind: 'topic', value: 'tech' }], rest: [] });
  });

  it('is what "did you mean" offers for its title typed as one word, not a topic that is part of it', () => {
    expect(retryWithClosest('subscribe', ['lemonde'], offeredNames(FEEDS, NAMES))).toBe('/subscribe le monde');
    expect(retryWithClosest('subscribe', ['france24'], offeredNames(FEEDS, NAMES))).toBe('/subscribe france 24');
  });
});
