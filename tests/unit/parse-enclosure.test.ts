import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';

const NOW = Date.UTC(2024, 11, 15, 12, 0, 0);
const FEED_URL = 'https://pod.example/feed.xml';
const parse = (text: string) => parseFeed(text, { feedId: 'pod', feedUrl: FEED_URL, now: NOW });
const rss = (items: string, channelBase = '') =>
  `<?xml version="1.0"?><rss version="2.0"${channelBase}><channel><title>Pod</title><link>https://pod.example/</link>${items}</channel></rss>`;
const atom = (entries: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://photos.example/2024/"><title>Photos</title>${entries}</feed>`;

describe('an RSS item whose only link is its enclosure', () => {
  it('links to the enclosure, resolved against the base in force', async () => {
    const feed = await parse(rss('<item><title>Episode 12</title><enclosure url="media/ep12.mp3" type="audio/mpeg" length="1"/></item>', ' xml:base="https://cdn.pod.example/shows/"'));
    expect(feed.articles[0]?.url).toBe('https://cdn.pod.example/shows/media/ep12.mp3');
  });

  it('keeps a true <link>, or a permalink guid, over the enclosure', async () => {
    const feed = await parse(rss(
      '<item><title>A</title><link>https://pod.example/ep/a</link><enclosure url="https://cdn.pod.example/a.mp3"/></item>' +
      '<item><title>B</title><guid>https://pod.example/ep/b</guid><enclosure url="https://cdn.pod.example/b.mp3"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pod.example/ep/a', 'https://pod.example/ep/b']);
  });

  it('takes no enclosure that is not http(s), and tries the next one', async () => {
    const feed = await parse(rss(
      '<item><title>A</title><enclosure url="magnet:?xt=urn:btih:abc"/></item>' +
      '<item><title>B</title><enclosure url="ftp://pod.example/b.mp3"/><enclosure url="https://cdn.pod.example/b.mp3"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual([null, 'https://cdn.pod.example/b.mp3']);
  });

  it('is identified as it was before it had a link (guid, else title and date), so nothing stored is announced again', async () => {
    const item = (extra: string) => rss(`<item><title>Episode 12</title><pubDate>Tue, 10 Dec 2024 07:30:00 GMT</pubDate>${extra}</item>`);
    const [without] = (await parse(item(''))).articles;
    const [withEnclosure] = (await parse(item('<enclosure url="https://cdn.pod.example/ep12.mp3"/>'))).articles;
    expect(withEnclosure?.id).toBe(without?.id);
    expect(withEnclosure?.id).toMatch(/^hash:/);
  });

  it('gets no link from a placeholder enclosure that every item shares, and stays a separate item', async () => {
    const shared = '<enclosure url="https://pod.example/placeholder.jpg?utm_source=rss"/>';
    const feed = await parse(rss(
      `<item><title>Sunrise</title>${shared}</item><item><title>Harbour</title>${shared.replace('?utm_source=rss', '')}</item>` +
      '<item><title>Market</title><enclosure url="https://pod.example/market.jpg"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual([null, null, 'https://pod.example/market.jpg']);
    expect(new Set(feed.articles.map((a) => a.id)).size).toBe(3);
  });
});

describe('an Atom entry whose only link is rel="enclosure"', () => {
  it('links to the enclosure, resolved against xml:base', async () => {
    const feed = await parse(atom('<entry><id>tag:photos.example,2024:1</id><title>Harbour at dawn</title><link rel="enclosure" type="image/jpeg" href="harbour.jpg"/></entry>'));
    expect(feed.articles[0]?.url).toBe('https://photos.example/2024/harbour.jpg');
  });

  it('keeps the alternate link over the enclosure', async () => {
    const feed = await parse(atom('<entry><id>tag:photos.example,2024:2</id><title>Market</title><link rel="enclosure" href="market.jpg"/><link rel="alternate" href="/market"/></entry>'));
    expect(feed.articles[0]?.url).toBe('https://photos.example/market');
  });

  it('gets no link from a placeholder enclosure that every entry shares', async () => {
    const entry = (n: number) => `<entry><id>tag:photos.example,2024:${n}</id><title>Photo ${n}</title><link rel="enclosure" href="https://photos.example/soon.jpg"/></entry>`;
    const feed = await parse(atom(entry(1) + entry(2)));
    expect(feed.articles.map((a) => a.url)).toEqual([null, null]);
  });
});

describe('a JSON Feed item with attachments only', () => {
  it('links to its first http(s) attachment', async () => {
    const feed = await parse(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Pod',
      items: [{ id: '1', title: 'Episode 1', content_text: 'Hello.', attachments: [{ url: 'data:audio/mpeg;base64,AA==' }, { url: '/media/ep1.mp3', mime_type: 'audio/mpeg' }] }],
    }));
    expect(feed.articles[0]?.url).toBe('https://pod.example/media/ep1.mp3');
  });
});
