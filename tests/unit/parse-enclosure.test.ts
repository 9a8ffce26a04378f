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

describe('an item with several enclosures and no page of its own', () => {
  it('links to the episode\'s audio, not the cover picture before it that every episode shares', async () => {
    const cover = '<enclosure url="https://cdn.pod.example/cover.jpg" type="image/jpeg" length="1"/>';
    const feed = await parse(rss(
      `<item><title>Episode 1</title>${cover}<enclosure url="https://cdn.pod.example/ep1.mp3" type="audio/mpeg" length="1"/></item>` +
      `<item><title>Episode 2</title>${cover}<enclosure url="https://cdn.pod.example/ep2.mp3" type="audio/mpeg" length="1"/></item>`,
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://cdn.pod.example/ep1.mp3', 'https://cdn.pod.example/ep2.mp3']);
  });

  it('links to the story\'s web page over a picture or audio, and to the first of equals', async () => {
    const feed = await parse(rss(
      '<item><title>A</title><enclosure url="https://pod.example/a.jpg" type="image/jpeg"/><enclosure url="https://pod.example/a.mp3" type="audio/mpeg"/>' +
      '<enclosure url="https://pod.example/stories/a" type="text/html; charset=utf-8"/></item>' +
      '<item><title>B</title><enclosure url="data:text/html,hi" type="text/html"/><enclosure url="https://pod.example/b.png" type="image/png"/></item>' +
      '<item><title>C</title><enclosure url="https://pod.example/c1.mp3" type="audio/mpeg"/><enclosure url="https://pod.example/c2.ogg" type="audio/ogg"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pod.example/stories/a', 'https://pod.example/b.png', 'https://pod.example/c1.mp3']);
  });

  it('prefers the same way among an Atom entry\'s rel="enclosure" links', async () => {
    const feed = await parse(atom('<entry><id>tag:photos.example,2024:9</id><title>Harbour</title><link rel="enclosure" type="image/jpeg" href="harbour.jpg"/><link rel="enclosure" type="text/html" href="harbour.html"/></entry>'));
    expect(feed.articles[0]?.url).toBe('https://photos.example/2024/harbour.html');
  });

  it('prefers the same way among a JSON Feed item\'s attachments', async () => {
    const feed = await parse(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Pod',
      items: [{ id: '1', title: 'Episode 1', content_text: 'Hello.', attachments: [{ url: '/cover.jpg', mime_type: 'image/jpeg' }, { url: '/media/ep1.mp3', mime_type: 'audio/mpeg' }] }],
    }));
    expect(feed.articles[0]?.url).toBe('https://pod.example/media/ep1.mp3');
  });
});

const MRSS = 'xmlns:media="http://search.yahoo.com/mrss/"';
const mediaRss = (items: string, channelBase = '') =>
  `<?xml version="1.0"?><rss version="2.0" ${MRSS}${channelBase}><channel><title>Pictures</title><link>https://pics.example/</link>${items}</channel></rss>`;
const mediaAtom = (entries: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" ${MRSS} xml:base="https://video.example/clips/"><title>Clips</title>${entries}</feed>`;

describe('an RSS item whose only link is Media RSS media:content', () => {
  it('links to the media:content URL, resolved against the base in force', async () => {
    const feed = await parse(mediaRss('<item><title>Harbour at dawn</title><media:content url="2024/harbour.jpg" medium="image"/></item>', ' xml:base="https://cdn.pics.example/"'));
    expect(feed.articles[0]?.url).toBe('https://cdn.pics.example/2024/harbour.jpg');
  });

  it('links to the media:content inside a media:group, the default rendition first', async () => {
    const feed = await parse(mediaRss(
      '<item><title>Market</title><media:group><media:content url="https://pics.example/market-s.jpg"/><media:content url="https://pics.example/market.jpg" isDefault="true"/></media:group></item>' +
      '<item><title>Tram</title><media:group><media:content url="ftp://pics.example/tram.jpg"/><media:content url="https://pics.example/tram.jpg"/></media:group></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pics.example/market.jpg', 'https://pics.example/tram.jpg']);
  });

  it('keeps a true <link>, a permalink guid or an <enclosure> over media:content', async () => {
    const media = (name: string) => `<media:content url="https://cdn.pics.example/${name}.jpg"/>`;
    const feed = await parse(mediaRss(
      `<item><title>A</title><link>https://pics.example/a</link>${media('a')}</item>` +
      `<item><title>B</title><guid>https://pics.example/b</guid>${media('b')}</item>` +
      `<item><title>C</title>${media('c')}<enclosure url="https://cdn.pics.example/c-original.jpg" type="image/jpeg" length="1"/></item>` +
      `<item><title>D</title>${media('d')}</item>`,
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pics.example/a', 'https://pics.example/b', 'https://cdn.pics.example/c-original.jpg', 'https://cdn.pics.example/d.jpg']);
  });

  it('takes no media:content that is not http(s), nor one outside the Media RSS namespace', async () => {
    const feed = await parse(mediaRss(
      '<item><title>A</title><media:content url="data:image/png;base64,AA=="/></item>' +
      '<item><title>B</title><m:content xmlns:m="https://not-mrss.example/" url="https://pics.example/b.jpg"/></item>' +
      '<item><title>C</title><media:content url="javascript:alert(1)"/><media:content url="https://pics.example/c.jpg"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual([null, null, 'https://pics.example/c.jpg']);
  });

  it('is identified as it was before it had a link, so nothing stored is announced again', async () => {
    const item = (extra: string) => mediaRss(`<item><title>Harbour</title><pubDate>Tue, 10 Dec 2024 07:30:00 GMT</pubDate>${extra}</item>`);
    const [without] = (await parse(item(''))).articles;
    const [withMedia] = (await parse(item('<media:content url="https://cdn.pics.example/harbour.jpg"/>'))).articles;
    expect(withMedia?.url).toBe('https://cdn.pics.example/harbour.jpg');
    expect(withMedia?.id).toBe(without?.id);
  });

  it('gets no link from a media:content URL that several items share, and stays a separate item', async () => {
    const shared = '<media:group><media:content url="https://pics.example/coming-soon.jpg"/></media:group>';
    const feed = await parse(mediaRss(
      `<item><title>Sunrise</title>${shared}</item><item><title>Harbour</title><media:content url="https://pics.example/coming-soon.jpg"/></item>` +
      '<item><title>Market</title><media:content url="https://pics.example/market.jpg"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual([null, null, 'https://pics.example/market.jpg']);
    expect(new Set(feed.articles.map((a) => a.id)).size).toBe(3);
  });
});

describe('an Atom entry whose only link is Media RSS media:content', () => {
  it('links to the media:content in its media:group (as video feeds have it), resolved against xml:base', async () => {
    const feed = await parse(mediaAtom('<entry><id>tag:video.example,2024:1</id><title>Storm on the pier</title><media:group><media:title>Storm</media:title><media:content url="storm.mp4" type="video/mp4"/></media:group></entry>'));
    expect(feed.articles[0]?.url).toBe('https://video.example/clips/storm.mp4');
  });

  it('keeps the alternate link and a rel="enclosure" link over media:content', async () => {
    const feed = await parse(mediaAtom(
      '<entry><id>tag:video.example,2024:2</id><title>A</title><media:content url="a.mp4"/><link rel="alternate" href="/watch/a"/></entry>' +
      '<entry><id>tag:video.example,2024:3</id><title>B</title><media:content url="b.mp4"/><link rel="enclosure" href="b-original.mp4"/></entry>' +
      '<entry><id>tag:video.example,2024:4</id><title>C</title><media:content url="c.mp4"/></entry>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://video.example/watch/a', 'https://video.example/clips/b-original.mp4', 'https://video.example/clips/c.mp4']);
  });

  it('gets no link from a media:content URL that every entry shares', async () => {
    const entry = (n: number) => `<entry><id>tag:video.example,2024:${n}</id><title>Clip ${n}</title><media:content url="https://video.example/placeholder.mp4"/></entry>`;
    const feed = await parse(mediaAtom(entry(1) + entry(2) + '<entry><id>tag:video.example,2024:3</id><title>Clip 3</title><media:content url="clip-3.mp4"/></entry>'));
    expect(feed.articles.map((a) => a.url)).toEqual([null, null, 'https://video.example/clips/clip-3.mp4']);
  });
});

describe('Media RSS declared with another spelling of its namespace URI', () => {
  const declared = (ns: string, prefix: string, items: string) =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:${prefix}="${ns}"><channel><title>Pictures</title><link>https://pics.example/</link>${items}</channel></rss>`;

  it.each([
    ['without the trailing slash (Media RSS before 1.1.2)', 'http://search.yahoo.com/mrss'],
    ['over https', 'https://search.yahoo.com/mrss/'],
    ['over https without the trailing slash', 'https://search.yahoo.com/mrss'],
  ])('reads media:content and media:description %s', async (_, ns) => {
    const feed = await parse(declared(ns, 'media',
      '<item><title>Harbour</title><media:content url="https://pics.example/harbour.jpg"/><media:description>Boats at dawn.</media:description></item>' +
      '<item><title>Market</title><media:group><media:content url="https://pics.example/market.jpg"/></media:group></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pics.example/harbour.jpg', 'https://pics.example/market.jpg']);
    expect(feed.articles[0]?.summary).toBe('Boats at dawn.');
  });

  it('goes by the namespace URI, whatever the prefix, and takes no look-alike URI', async () => {
    const feed = await parse(declared('http://search.yahoo.com/mrss', 'mrss',
      '<item><title>Harbour</title><mrss:content url="https://pics.example/harbour.jpg"/></item>' +
      '<item><title>Market</title><media:content xmlns:media="http://search.yahoo.com/mrss/extra" url="https://pics.example/market.jpg"/></item>',
    ));
    expect(feed.articles.map((a) => a.url)).toEqual(['https://pics.example/harbour.jpg', null]);
  });

  it('reads media:content in an Atom entry whose document declares the URI without the slash', async () => {
    const feed = await parse(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss" xml:base="https://video.example/clips/"><title>Clips</title>` +
      '<entry><id>tag:video.example,2024:1</id><title>Storm</title><media:group><media:content url="storm.mp4"/></media:group></entry></feed>');
    expect(feed.articles[0]?.url).toBe('https://video.example/clips/storm.mp4');
  });
});
