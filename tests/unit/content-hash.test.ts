import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/feeds/content-hash.js';
import { parseFeed } from '../../src/feeds/parse.js';

const base = { title: 'T', summary: 'S', content: 'C' };

const rss = (description: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><guid>g1</guid><title>Title</title><description>${description}</description></item></channel></rss>`;
const hashOf = async (description: string): Promise<string | undefined> =>
  (await parseFeed(rss(description), { feedId: 'f', feedUrl: 'https://f.test/feed', now: 0 })).articles[0]?.contentHash;

describe('contentHash', () => {
  it('is 16 hex digits of SHA-256 over the three texts joined by U+0001', () => {
    const expected = createHash('sha256').update('T\u0001S\u0001C').digest('hex').slice(0, 16);
    expect(contentHash(base)).toBe(expected);
    expect(contentHash(base)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with any of the texts, and with where one ends and the next begins', () => {
    const hashes = [base, { ...base, title: 'T2' }, { ...base, summary: 'S2' }, { ...base, content: 'C2' }, { title: 'TS', summary: '', content: 'C' }].map(contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('reads an item whose markup or whitespace alone changed upstream as the same text', async () => {
    const first = await hashOf('&lt;p&gt;Rain in  the\n north.&lt;/p&gt;');
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(await hashOf('&lt;p&gt;&lt;b&gt;Rain&lt;/b&gt; in the north.&lt;/p&gt;')).toBe(first);
    expect(await hashOf('&lt;p&gt;Rain in the south.&lt;/p&gt;')).not.toBe(first);
  });
});
