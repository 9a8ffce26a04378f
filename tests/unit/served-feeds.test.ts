import { describe, expect, it } from 'vitest';
import { compareServedWithFile, describeServedDrift, servedFeedsOf } from '../../src/core/served-feeds.js';
import type { FeedSpec } from '../../src/core/types.js';

const AT = Date.UTC(2026, 0, 5, 9, 0, 0);
const spec = (id: string, enabled = true): FeedSpec => ({ id, url: `https://feeds.example/${id}`, title: id, language: 'en', topics: ['world'], enabled, fullText: 'never', weight: 1 });

describe('the served feeds', () => {
  it('are the enabled ones of the list loaded, in its order', () => {
    expect(servedFeedsOf([spec('b'), spec('off', false), spec('a')], AT)).toEqual({ enabledFeedIds: ['b', 'a'], loadedAt: AT });
  });

  it('differ from a file that enables a feed not served yet, or no longer enables one still served', () => {
    const served = servedFeedsOf([spec('a'), spec('b'), spec('c')], AT);
    const drift = compareServedWithFile(served, [spec('a'), spec('b', false), spec('new')]);
    expect(drift).toEqual({ notServedYet: ['new'], notInFile: ['b', 'c'] });
    expect(describeServedDrift(drift, '2026-01-05 09:00Z')).toBe(
      'feeds.json enables new, not served yet, and no longer enables b, c, still served: the bot serves the list it loaded at 2026-01-05 09:00Z until it reloads the file (SIGHUP or /reload)',
    );
  });

  it('say nothing about a file that enables the same feeds, whatever else it changed', () => {
    const drift = compareServedWithFile(servedFeedsOf([spec('a'), spec('b')], AT), [spec('b'), spec('a'), spec('off', false)]);
    expect(describeServedDrift(drift, '2026-01-05 09:00Z')).toBeNull();
  });
});
