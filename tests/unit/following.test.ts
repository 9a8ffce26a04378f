import { describe, expect, it } from 'vitest';
import { followedFeedIds } from '../../src/core/following.js';
import type { FeedSpec, Subscriber } from '../../src/core/types.js';

const feed = (id: string, topics: string[], enabled = true): FeedSpec => ({
  id, url: `https://${id}.example/rss`, title: id, language: 'nl', topics, enabled, fullText: 'never', weight: 1,
});
const FEEDS = [feed('nos', ['world', 'nl']), feed('tweakers', ['tech']), feed('old-sport', ['sport'], false)];
const chat = (topics: string[], feeds: string[]): Subscriber => ({
  chatId: 1, chatType: 'private', title: null, language: 'nl', timezone: 'Europe/Amsterdam', digestTime: '07:30',
  topics, feeds, active: true, createdAt: 0, followingSince: 0, lastDigestDate: null, lastDigestAt: null, threadId: null,
});

describe('followedFeedIds', () => {
  it('reads the enabled feeds of the chat\'s topics and named feeds', () => {
    expect(followedFeedIds(chat(['tech'], ['nos']), FEEDS)).toEqual({ ids: ['nos', 'tweakers'], followsNothing: false, gone: [] });
  });

  it('lists the topics and feeds no enabled feed offers any more, topics first', () => {
    expect(followedFeedIds(chat(['sport', 'nl', 'weather'], ['old-sport', 'gone-feed', 'tweakers']), FEEDS))
      .toEqual({ ids: ['nos', 'tweakers'], followsNothing: false, gone: ['sport', 'weather', 'old-sport', 'gone-feed'] });
  });

  it('gives a chat that follows nothing every enabled feed', () => {
    expect(followedFeedIds(chat([], []), FEEDS)).toEqual({ ids: ['nos', 'tweakers'], followsNothing: true, gone: [] });
  });
});
