import { describe, expect, it } from 'vitest';
import { followedItems, resolveSubscriptions } from '../../../src/bot/subscription-feeds.js';
import type { TopicNames } from '../../../src/core/topic-names.js';
import type { FeedSpec, Subscriber } from '../../../src/core/types.js';
import { messagesFor } from '../../../src/i18n/index.js';

const NAMES: TopicNames = new Map([['world', { nl: 'Wereld', fr: 'Monde' }]]);
const feed = (id: string, topics: string[], enabled = true): FeedSpec => ({ id, url: `https://feeds.example/${id}`, title: id, language: 'en', topics, enabled, fullText: 'auto', weight: 1 });
const FEEDS = [feed('bbc-world', ['world']), feed('heise', ['tech']), feed('old', ['sport'], false)];
const EVERY_TOPIC = [{ kind: 'topic', value: 'tech' }, { kind: 'topic', value: 'world' }];

describe('"all" in any of the languages', () => {
  it('subscribes to every topic offered, in every spelling a reader types it', () => {
    for (const word of ['all', 'ALLES', 'allemaal', 'alle', 'tout', 'Tous', 'everything']) {
      expect(resolveSubscriptions([word], FEEDS, NAMES)).toEqual({ items: EVERY_TOPIC, unknown: [] });
    }
    expect(resolveSubscriptions(['alles,', 'heise'], FEEDS, NAMES).items).toEqual([...EVERY_TOPIC, { kind: 'feed', value: 'heise' }]);
  });

  it('names each topic or feed once, however often it was typed (the confirmation read "Tech, Tech, Tech")', () => {
    expect(resolveSubscriptions(['tech', 'tech,', 'Tech', 'wereld', 'all'], FEEDS, NAMES).items).toEqual([{ kind: 'topic', value: 'tech' }, { kind: 'topic', value: 'world' }]);
  });

  it('unsubscribes from everything the chat follows, offered or not', () => {
    const chat = { topics: ['world', 'gone'], feeds: ['heise'] } as unknown as Subscriber;
    expect(followedItems(['alles'], chat, FEEDS, NAMES)).toEqual({
      items: [{ kind: 'topic', value: 'world' }, { kind: 'topic', value: 'gone' }, { kind: 'feed', value: 'heise' }], rest: [],
    });
  });

  it('is a topic or feed when feeds.json has one of that id', () => {
    const feeds = [...FEEDS, feed('all', ['world'])];
    expect(resolveSubscriptions(['all'], feeds, NAMES).items).toEqual([{ kind: 'feed', value: 'all' }]);
  });
});

describe('the help of /subscribe and /unsubscribe', () => {
  it.each([['en', 'all'], ['nl', 'alles'], ['de', 'alle'], ['fr', 'tout']] as const)('%s names its own word for all, which both commands read as everything', (language, word) => {
    const help = messagesFor(language).commandHelp;
    expect(help.subscribe).toContain(`<code>/subscribe ${word}</code>`);
    expect(help.unsubscribe).toContain(`<code>/unsubscribe ${word}</code>`);
    expect(resolveSubscriptions([word], FEEDS, NAMES).items).toEqual(EVERY_TOPIC);
  });
});
