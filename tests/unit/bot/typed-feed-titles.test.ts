import { describe, expect, it } from 'vitest';
import { followedItems, followedNames, offeredNames, resolveSubscriptions, retryWithClosest } from '../../../src/bot/subscription-feeds.js';
import { NO_TOPIC_NAMES as NO_NAMES, type TopicNames } from '../../../src/core/topic-names.js';
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
  feed('bbc-world', 'BBC News World', ['world']),
  feed('bbc-business', 'BBC News Business', ['economy']),
  feed('de-standaard', 'De Standaard', ['belgium']),
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

  it('guesses for the first ten unknown words only, so a pasted page does not hold the bot up', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `zzqx${i}`);
    expect(retryWithClosest('subscribe', [...filler.slice(0, 9), 'lemonde'], offeredNames(FEEDS, NAMES))).toBe('/subscribe le monde');
    expect(retryWithClosest('subscribe', [...filler, 'lemonde'], offeredNames(FEEDS, NAMES))).toBeUndefined();
  });

  it('is read by its id with spaces for hyphens, so "bbc world" is that feed and not the topic World', () => {
    expect(read('bbc world')).toEqual({ items: [{ kind: 'feed', value: 'bbc-world' }], unknown: [] });
    expect(read('bbc business tech').items).toEqual([{ kind: 'feed', value: 'bbc-business' }, { kind: 'topic', value: 'tech' }]);
  });

  it('is offered by "did you mean" when a word of its title or id is typed alone: a brand names each of its feeds', () => {
    expect(retryWithClosest('subscribe', ['BBC'], offeredNames(FEEDS, NAMES))).toBe('/subscribe bbc-world bbc-business');
    expect(retryWithClosest('subscribe', ['standaard'], offeredNames(FEEDS, NAMES))).toBe('/subscribe de-standaard');
    expect(retryWithClosest('latest', ['Monde!'], offeredNames(FEEDS.filter((f) => f.id === 'lemonde-une'), NO_NAMES))).toBe('/latest lemonde-une');
    // Too short to tell, or a title's article: no guess.
    expect(retryWithClosest('subscribe', ['de'], offeredNames(FEEDS, NAMES))).toBeUndefined();
    expect(retryWithClosest('subscribe', ['le'], offeredNames(FEEDS, NAMES))).toBeUndefined();
  });

  it('is offered to /unsubscribe by a word of its title only when the chat follows it', () => {
    const chat = { topics: [], feeds: ['bbc-business'] } as unknown as Subscriber;
    expect(retryWithClosest('unsubscribe', ['bbc'], followedNames(chat, FEEDS, NAMES))).toBe('/unsubscribe bbc-business');
  });
});
