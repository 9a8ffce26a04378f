import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';

const rss = (items: string): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`;

describe('parseFeed: the link stories are compared by', () => {
  it('is the item link normalised in the parse worker, so the thread that stores does not parse every URL', async () => {
    const feed = await parseFeed(
      rss('<item><guid>g1</guid><title>One</title><link>https://News.Example:443/a?utm_source=rss&amp;id=7#top</link></item><item><guid>g2</guid><title>Two</title></item>'),
      { feedId: 'f', feedUrl: 'https://f.test/feed', now: 0 },
    );
    expect(feed.articles.map((article) => [article.title, article.link])).toEqual([['One', 'https://news.example/a?id=7'], ['Two', null]]);
  });
});
