import { describe, expect, it } from 'vitest';
import { describeFeedHealth, renderFeedHealth } from '../../src/cli/feeds.js';
import type { FeedSpec } from '../../src/core/types.js';
import { initialFeedRecord, type FeedRecord } from '../../src/store/feed-repository.js';

const T = Date.UTC(2024, 4, 6, 12, 0, 0);
const spec = (url: string): FeedSpec => ({ id: 'nos', url, title: 'NOS', language: 'nl', topics: ['netherlands'], enabled: true, fullText: 'never', weight: 1 });
const polled = (configuredUrl: string, currentUrl: string): FeedRecord => ({
  ...initialFeedRecord('nos', configuredUrl), currentUrl, lastPolledAt: T, lastSuccessAt: T, nextPollAt: T + 900_000,
});

describe('renderFeedHealth', () => {
  it('notes a permanent redirect of the configured URL', () => {
    const health = describeFeedHealth([spec('https://old.example/rss')], [polled('https://old.example/rss', 'https://new.example/rss')], () => 3);
    expect(health[0]?.movedTo).toBe('https://new.example/rss');
    expect(renderFeedHealth(health)).toContain('nos: moved permanently to https://new.example/rss');
  });

  it('says nothing about a move after the operator changed the URL in feeds.json, before the next poll', () => {
    const record = polled('https://old.example/rss', 'https://old.example/rss');
    const health = describeFeedHealth([spec('https://fixed.example/rss')], [record], () => 3);
    expect(health[0]?.movedTo).toBeNull();
    expect(renderFeedHealth(health)).not.toContain('moved permanently');
  });

  it('says nothing about an old redirect once the operator configured a different URL', () => {
    const record = polled('https://old.example/rss', 'https://new.example/rss');
    const health = describeFeedHealth([spec('https://other.example/rss')], [record], () => 3);
    expect(renderFeedHealth(health)).not.toContain('moved permanently');
  });
});

describe('describeFeedHealth: the words for failure', () => {
  it('calls a feed failing once its last poll failed, as /feeds does, and says when it is polled rarely', () => {
    const ok = polled('https://nos.example/rss', 'https://nos.example/rss');
    const status = (record: FeedRecord) => describeFeedHealth([spec('https://nos.example/rss')], [record], () => 0)[0]?.status;
    expect(status(ok)).toBe('ok');
    expect(status({ ...ok, consecutiveFailures: 1, lastError: 'x' })).toBe('failing');
    expect(status({ ...ok, consecutiveFailures: 10, failing: true, lastError: 'x' })).toBe('failing, polled rarely');
  });
});
