import { describe, expect, it } from 'vitest';
import { followedItems, offeredNames, resolveSubscriptions, retryWithClosest, shownItems } from '../../src/bot/subscription-feeds.js';
import { withTopicNames } from '../../src/bot/topic-examples.js';
import { labelGone } from '../../src/core/following.js';
import { foldName, inNameOrder, namesAfterReload, NO_TOPIC_NAMES, topicLabel, type TopicNames } from '../../src/core/topic-names.js';
import type { FeedSpec, Subscriber } from '../../src/core/types.js';

const NAMES: TopicNames = new Map([
  ['world', { nl: 'Wereld', en: 'World', de: 'Welt', fr: 'Monde' }],
  ['economy', { nl: 'Economie', fr: 'Économie' }],
  ['us', { nl: 'Verenigde Staten', en: 'United States' }],
]);
const feed = (id: string, topics: string[]): FeedSpec => ({ id, url: `https://feeds.example/${id}`, title: id, language: 'en', topics, enabled: true, fullText: 'auto', weight: 1 });
const FEEDS = [feed('bbc-world', ['world']), feed('ft', ['economy']), feed('npr', ['us']), feed('heise', ['tech'])];
const topicsOf = (words: string) => resolveSubscriptions(words.split(' '), FEEDS, NAMES);

describe('topicLabel', () => {
  it('names a topic in the reader\'s language, else in English, else by its id with a capital', () => {
    expect(topicLabel('world', 'nl', NAMES)).toBe('Wereld');
    expect(topicLabel('world', 'de', NAMES)).toBe('Welt');
    expect(topicLabel('us', 'de', NAMES)).toBe('United States');
    expect(topicLabel('economy', 'de', NAMES)).toBe('Economy');
    expect(topicLabel('tech', 'fr', NAMES)).toBe('Tech');
    expect(topicLabel('world', 'nl', NO_TOPIC_NAMES)).toBe('World');
  });

});

describe('inNameOrder', () => {
  it('orders topics by their names in the language, accents and case aside, not by their ids', () => {
    const names: TopicNames = new Map([['economy', { nl: 'Economie', de: 'Wirtschaft', fr: 'Économie' }], ['belgium', { de: 'Belgien', fr: 'Belgique' }], ['germany', { de: 'Deutschland', fr: 'allemagne' }]]);
    expect(inNameOrder(['belgium', 'economy', 'germany'], 'de', names)).toEqual(['belgium', 'germany', 'economy']);
    expect(inNameOrder(['belgium', 'economy', 'germany'], 'fr', names)).toEqual(['germany', 'belgium', 'economy']);
  });
});

describe('namesAfterReload', () => {
  it('keeps the names of a topic no feed carries any more, and takes the new file\'s names for the rest', () => {
    const after: TopicNames = new Map([['economy', { nl: 'Geld' }]]);
    const names = namesAfterReload(NAMES, after, ['economy', 'tech']);
    expect(names.get('world')).toEqual(NAMES.get('world'));
    expect(names.get('economy')).toEqual({ nl: 'Geld' });
  });

  it('drops the names of a topic still carried that the new file no longer names', () => {
    expect(namesAfterReload(NAMES, NO_TOPIC_NAMES, ['world']).has('world')).toBe(false);
  });
});

describe('labelGone', () => {
  const chat = (language: Subscriber['language']) => ({ topics: ['science', 'world'], language });

  it('shows a gone topic by its name in the chat\'s language, else by its id with a capital; a gone feed by its id', () => {
    const gone = ['science', 'world', 'old-feed'];
    expect(labelGone(chat('nl'), gone, NAMES)).toEqual([{ id: 'science', label: 'Science' }, { id: 'world', label: 'Wereld' }, { id: 'old-feed', label: 'old-feed' }]);
    expect(labelGone(chat('fr'), gone, NAMES).map((item) => item.label)).toEqual(['Science', 'Monde', 'old-feed']);
    expect(labelGone(chat('de'), gone, NO_TOPIC_NAMES).map((item) => item.label)).toEqual(['Science', 'World', 'old-feed']);
  });
});

describe('foldName', () => {
  it('ignores case, accents and spacing', () => {
    expect(foldName('  Économie ')).toBe('economie');
    expect(foldName('BELGIË')).toBe('belgie');
    expect(foldName('Verenigde   Staten')).toBe('verenigde staten');
  });
});

describe('reading topics typed by name', () => {
  it('takes a topic by its id or by its name in any language, case and accents aside, and keeps the id', () => {
    for (const word of ['world', 'Wereld', 'wereld', 'Welt', 'WELT', 'monde', 'Monde', '#Welt']) {
      expect(topicsOf(word)).toEqual({ items: [{ kind: 'topic', value: 'world' }], unknown: [] });
    }
    for (const word of ['economie', 'Économie', 'ECONOMIE']) expect(topicsOf(word).items).toEqual([{ kind: 'topic', value: 'economy' }]);
    expect(topicsOf('welt,tech heise').items).toEqual([{ kind: 'topic', value: 'world' }, { kind: 'topic', value: 'tech' }, { kind: 'feed', value: 'heise' }]);
  });

  it('takes a name of several words as one topic, and leaves the words of no topic', () => {
    expect(topicsOf('Verenigde Staten wereld')).toEqual({ items: [{ kind: 'topic', value: 'us' }, { kind: 'topic', value: 'world' }], unknown: [] });
    expect(topicsOf('united states')).toEqual({ items: [{ kind: 'topic', value: 'us' }], unknown: [] });
    expect(topicsOf('verenigde wereld staten')).toEqual({ items: [{ kind: 'topic', value: 'world' }], unknown: ['verenigde', 'staten'] });
  });

  it('takes a name written with a hyphen when it is typed with a space instead (pays bas for Pays-Bas)', () => {
    const names: TopicNames = new Map([['netherlands', { nl: 'Nederland', fr: 'Pays-Bas' }], ['us', { fr: 'États-Unis' }]]);
    const feeds = [feed('nos', ['netherlands']), feed('npr', ['us'])];
    expect(resolveSubscriptions(['pays', 'bas', 'Etats', 'Unis'], feeds, names)).toEqual({ items: [{ kind: 'topic', value: 'netherlands' }, { kind: 'topic', value: 'us' }], unknown: [] });
    expect(resolveSubscriptions(['Pays-Bas'], feeds, names).items).toEqual([{ kind: 'topic', value: 'netherlands' }]);
  });

  it('reads /unsubscribe words by name against what the chat follows, offered or not', () => {
    const chat = { topics: ['world', 'gone'], feeds: ['ft'] } as unknown as Subscriber;
    expect(followedItems(['Monde', 'Gone', 'ft', 'economie'], chat, FEEDS, NAMES)).toEqual({
      items: [{ kind: 'topic', value: 'world' }, { kind: 'topic', value: 'gone' }, { kind: 'feed', value: 'ft' }], rest: ['economie'],
    });
  });

  it('suggests a name when a typed word is close to one', () => {
    expect(retryWithClosest('subscribe', ['wereldd'], offeredNames(FEEDS, NAMES))).toBe('/subscribe wereld');
    expect(retryWithClosest('latest', ['mondee'], offeredNames(FEEDS, NAMES))).toBe('/latest monde');
    expect(offeredNames(FEEDS, NO_TOPIC_NAMES).names).toEqual(['economy', 'tech', 'us', 'world', 'bbc-world', 'ft', 'npr', 'heise']);
  });

  it('confirms topics by their names and feeds by their titles, or ids once gone', () => {
    const feeds = [{ ...FEEDS[1]!, title: 'Financial Times' }];
    expect(shownItems([{ kind: 'topic', value: 'world' }, { kind: 'feed', value: 'ft' }, { kind: 'topic', value: 'tech' }, { kind: 'feed', value: 'gone' }], 'fr', NAMES, feeds)).toEqual(['Monde', 'Financial Times', 'Tech', 'gone']);
  });
});

describe('withTopicNames', () => {
  it('writes the topics of command examples as the reader would type them, where that is one word', () => {
    const html = 'Voorbeelden: <code>/subscribe world tech</code>, <code>/latest 10 world</code>, <code>/subscribe @kanaal us</code>, <code>/time 07:30</code>.';
    expect(withTopicNames(html, 'nl', ['world', 'tech', 'us'], NAMES)).toBe(
      'Voorbeelden: <code>/subscribe wereld tech</code>, <code>/latest 10 wereld</code>, <code>/subscribe @kanaal us</code>, <code>/time 07:30</code>.',
    );
    expect(withTopicNames(html, 'nl', ['tech'], NAMES)).toBe(html);
    expect(withTopicNames(html, 'nl', ['world', 'tech'], NO_TOPIC_NAMES)).toBe(html);
  });
});
