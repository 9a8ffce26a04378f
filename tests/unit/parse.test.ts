import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../src/feeds/parse.js';

const NOW = Date.UTC(2024, 11, 15, 12, 0, 0);
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), 'utf8');
const parse = (name: string, feedUrl = 'https://feeds.example.com/feed.xml') =>
  parseFeed(fixture(name), { feedId: 'test', feedUrl, now: NOW });

async function rejection(text: string): Promise<FeedParseError> {
  try {
    await parseFeed(text, { feedId: 'nos', feedUrl: 'https://nos.example/feed', now: NOW });
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return error as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

describe('parseFeed: RSS 2.0', () => {
  it('reads channel facts: title, own link (not the image link), ttl, sy:updatePeriod', async () => {
    const feed = await parse('rss2.xml');
    expect(feed).toMatchObject({ title: 'Example & News', link: 'https://news.example.com/', ttlMinutes: 30, updatePeriodMinutes: 30, recovered: false });
    expect(feed.articles).toHaveLength(3);
  });

  it('normalises an item: plain title, guid identity, date, author, categories, clean text plus original HTML', async () => {
    const [a] = (await parse('rss2.xml')).articles;
    expect(a).toMatchObject({
      id: 'guid:story-1',
      feedId: 'test',
      guid: 'story-1',
      url: 'https://news.example.com/a/1?utm_source=rss&id=7#top',
      title: 'Council approves budget – again',
      publishedAt: Date.UTC(2024, 11, 10, 7, 30, 0),
      author: 'Jan Jansen',
      categories: ['Politics', 'Local'],
      summary: 'The council approved the budget.',
      content: 'The council approved the budget on Monday.\n\nSecond paragraph.',
    });
    expect(a?.summaryHtml).toContain('<p>The council approved the budget.</p>');
    expect(a?.contentHtml).toContain('href="https://feeds.example.com/budget"');
  });

  it('uses a permalink guid as the link and survives a bad date (null, not a rejection)', async () => {
    const b = (await parse('rss2.xml')).articles[1];
    expect(b).toMatchObject({ url: 'https://news.example.com/a/2', publishedAt: null, summary: 'Plain description', content: '' });
  });

  it('resolves a relative item link against the feed URL', async () => {
    const c = (await parse('rss2.xml')).articles[2];
    expect(c?.url).toBe('https://feeds.example.com/a/3');
    expect(c?.id).toBe('url:https://feeds.example.com/a/3');
  });
});

describe('parseFeed: titles that are not plain strings', () => {
  it('reads titles with attributes, naked markup and CDATA as plain text', async () => {
    const text =
      '<rss version="2.0"><channel><title xml:lang="en">Channel <b>bold</b></title>' +
      '<item><title type="html" lang="en">With &lt;i&gt;attributes&lt;/i&gt;</title></item>' +
      '<item><title><![CDATA[In <em>CDATA</em> &amp; more]]></title></item></channel></rss>';
    const feed = await parseFeed(text, { feedId: 't', feedUrl: 'https://e.com/f', now: NOW });
    expect(feed.title).toBe('Channel bold');
    expect(feed.articles.map((a) => a.title)).toEqual(['With attributes', 'In CDATA & more']);
  });
});

describe('parseFeed: RSS 1.0', () => {
  it('reads prefixed RSS 1.0 elements and ignores look-alikes from other namespaces', async () => {
    const feed = await parse('rss1.rdf');
    expect(feed.title).toBe('RDF Example');
    expect(feed.articles[0]).toMatchObject({
      guid: 'https://rdf.example.org/items/1',
      url: 'https://rdf.example.org/items/1',
      title: 'First RDF item',
      summary: 'correct description',
      publishedAt: Date.UTC(2024, 11, 1, 11, 0, 0),
      categories: ['Science'],
    });
  });
});

describe('parseFeed: Atom', () => {
  it('resolves links against nested xml:base and picks rel=alternate', async () => {
    const feed = await parse('atom-base.xml');
    expect(feed.link).toBe('https://blog.example.net/root/');
    expect(feed.articles[0]?.url).toBe('https://blog.example.net/root/posts/first.html');
    expect(feed.articles[0]?.contentHtml).toContain('href="https://blog.example.net/root/posts/img/pic.png"');
    expect(feed.articles[1]?.url).toBe('https://elsewhere.example.com/Second');
  });

  it('turns html and xhtml text constructs into plain titles', async () => {
    const feed = await parse('atom-base.xml');
    expect(feed.title).toBe('Blog of Things');
    expect(feed.articles[0]?.title).toBe('An xhtml title');
  });

  it('prefers published over updated, keeps text summaries as text and reads inline xhtml content', async () => {
    const [a, b] = (await parse('atom-base.xml')).articles;
    expect(a).toMatchObject({ publishedAt: Date.UTC(2024, 11, 1, 14, 0, 0), author: 'Ann Author', categories: ['Technology'] });
    expect(a).toMatchObject({ summary: 'A & B plain summary', summaryHtml: null, content: 'See the picture.' });
    expect(b).toMatchObject({ publishedAt: Date.UTC(2024, 11, 3, 9, 0, 0), content: 'Inline xhtml body.' });
    expect(b?.contentHtml).toBe('<p>Inline <i>xhtml</i> body.</p>');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads a JSON Feed document', async () => {
    const feed = await parse('feed.json', 'https://json.example.com/feed.json');
    expect(feed.title).toBe('JSON Example');
    expect(feed.articles[0]).toMatchObject({ title: 'Hello JSON', url: 'https://json.example.com/posts/1', content: 'Hi & welcome', author: 'Jay' });
  });

  it('reads a JSON Feed whose version comes after long items', async () => {
    const text = JSON.stringify({ title: 'Late', items: [{ id: 'a1', url: 'https://e.com/a1', title: 'First', content_html: `<p>${'Long text. '.repeat(300)}</p>` }], version: 'https://jsonfeed.org/version/1.1' });
    const feed = await parseFeed(text, { feedId: 'late', feedUrl: 'https://e.com/feed.json', now: NOW });
    expect(feed.articles.map((a) => a.title)).toEqual(['First']);
  });

  it('says that JSON which is no JSON Feed (an API error) is JSON, and that broken JSON is broken', async () => {
    const notFeed = await rejection('{"error":"forbidden","items":[]}');
    expect(notFeed.kind).toBe('not-a-feed');
    expect(notFeed.message).toBe('feeds/parse: feed "nos": the document is JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
    const broken = await rejection('{"version": "https://jsonfeed.org/version/1.1", "items": [');
    expect(broken.kind).toBe('malformed');
    expect(broken.message).toMatch(/^feeds\/parse: feed "nos": invalid JSON \(/);
  });
});

describe('parseFeed: ill-formed documents', () => {
  it('recovers from HTML entities, bare &, control characters, a cut-off end tag and trailing garbage', async () => {
    const feed = await parse('broken-entities.xml');
    expect(feed.recovered).toBe(true);
    expect(feed.warnings.length).toBeGreaterThan(0);
    expect(feed.title).toBe('Café & Bar News');
    expect(feed.articles.map((a) => a.title)).toEqual(['Tom & Jerry ’s café opens', 'Truncated item']);
    expect(feed.articles[0]?.url).toBe('https://cafe.example.com/story?a=1&b=2');
    expect(feed.articles[0]?.summary).toBe('Control char here: done');
  });

  it('recovers a document truncated in the middle of an item, dropping the cut-off item', async () => {
    const text = '<rss version="2.0"><channel><title>T</title><item><title>One</title></item><item><title>Tw';
    const feed = await parseFeed(text, { feedId: 'cut', feedUrl: 'https://e.com/f', now: NOW });
    expect(feed.recovered).toBe(true);
    expect(feed.articles.map((a) => a.title)).toEqual(['One']);
  });

  it('reports an HTML page as such, with its title', async () => {
    const error = await rejection(fixture('error-page.html'));
    expect(error.kind).toBe('html-page');
    expect(error.feedId).toBe('nos');
    expect(error.message).toBe('feeds/parse: feed "nos": the document is an HTML page, not a feed (title: "503 Service Unavailable")');
  });

  it('reports an empty body, a non-feed XML document and hopeless XML', async () => {
    expect((await rejection('  \n ')).kind).toBe('empty');
    expect((await rejection('<?xml version="1.0"?><config><a/></config>')).kind).toBe('not-a-feed');
    expect((await rejection('just some text')).kind).toBe('not-a-feed');
    expect((await rejection('<rss version="2.0">\n</rss')).kind).toBe('malformed');
  });

  it('accepts a well-formed feed without a channel as an empty feed', async () => {
    const feed = await parseFeed('<rss version="2.0"></rss>', { feedId: 'e', feedUrl: 'https://e.com/f', now: NOW });
    expect(feed).toMatchObject({ articles: [], recovered: false, title: null });
  });
});

describe('parseFeed: HTML escaped twice', () => {
  const item = (description: string) =>
    `<rss version="2.0"><channel><title>r</title><item><title>AMA</title><guid>g</guid><description>${description}</description></item></channel></rss>`;

  it('reads a self post whose markup was escaped twice as text, keeping the markup as sent', async () => {
    const description = '&amp;lt;!-- SC_OFF --&amp;gt;&amp;lt;div class=&amp;quot;md&amp;quot;&amp;gt;&amp;lt;p&amp;gt;Hey Reddit! I dragged a model into the sea.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Ask me anything.&amp;lt;/p&amp;gt;&amp;lt;/div&amp;gt;';
    const [article] = (await parseFeed(item(description), { feedId: 'r', feedUrl: 'https://r.example/.rss', now: NOW })).articles;
    expect(article?.summary).toBe('Hey Reddit! I dragged a model into the sea.\n\nAsk me anything.');
    expect(article?.summaryHtml).toContain('&lt;p&gt;Hey Reddit!');
  });

  it('keeps the odd tag an article shows as text', async () => {
    const parse = async (description: string) => (await parseFeed(item(description), { feedId: 'r', feedUrl: 'https://r.example/.rss', now: NOW })).articles[0]?.summary;
    expect(await parse('&lt;p&gt;History of the &amp;lt;blink&amp;gt; tag.&lt;/p&gt;')).toBe('History of the <blink> tag.');
    expect(await parse('Write &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; like this.')).toBe('Write <b>bold</b> like this.');
  });
});

describe('parseFeed: document content in error messages', () => {
  /** Control characters, DEL, C1 and bidi overrides: what must never reach a stored error or a terminal. */
  const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

  /** The same pseudo-random bytes every run (a linear congruential generator), like a body of garbage. */
  function garbage(length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let state = 12345;
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  }

  async function rejectionOf(source: Parameters<typeof parseFeed>[0]): Promise<FeedParseError> {
    try {
      await parseFeed(source, { feedId: 'junk', feedUrl: 'https://junk.example/feed', now: NOW });
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
      return error as FeedParseError;
    }
    throw new Error('expected a FeedParseError');
  }

  it('says a body of binary data is not XML, instead of quoting its bytes', async () => {
    const bytes = garbage(3000);
    bytes[0] = 0x3c; // '<': the garbage even opens like markup
    const error = await rejectionOf({ bytes, contentType: 'application/rss+xml' });
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toBe('feeds/parse: feed "junk": not XML (the body looks like binary data)');
  });

  it('says so too for a gzip body served without its Content-Encoding', async () => {
    const body = gzipSync('<?xml version="1.0"?><rss version="2.0"><channel><title>Zipped</title></channel></rss>');
    expect((await rejectionOf({ bytes: body, contentType: 'text/xml' })).message).toContain('the body looks like binary data');
  });

  it('quotes a root element name without control characters and within bounds', async () => {
    const name = `q\u001b[2J\u0007\u202Eevil${'x'.repeat(5000)}`;
    const error = await rejectionOf(`<?xml version="1.0"?>\n<${name}>Some ordinary text, long enough to be read as text.</${name}>`);
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).not.toMatch(UNSAFE);
    expect(error.message).toMatch(/^feeds\/parse: feed "junk": the root element <q\uFFFD\[2J\uFFFDevilx+…> is not RSS, RDF or Atom$/);
    expect(error.message.length).toBeLessThan(200);
  });

  it('keeps control characters out of warnings and the title of an HTML page', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>T</title></x\u0007\u001by></channel></rss>', { feedId: 'w', feedUrl: 'https://w.example/f', now: NOW });
    expect(feed.warnings.length).toBeGreaterThan(0);
    for (const warning of feed.warnings) expect(warning).not.toMatch(UNSAFE);
    expect(feed.warnings).toContain('xml: stray end tag </x\uFFFD\uFFFDy>');
    const page = await rejectionOf(`<html><head><title>Down\u001b]0;pwned\u0007 ${'for maintenance '.repeat(20)}</title></head><body>x</body></html>`);
    expect(page.kind).toBe('html-page');
    expect(page.message).not.toMatch(UNSAFE);
    expect(page.message).toMatch(/\(title: "Down\]0;pwned for maintenance .{80,120}…"\)$/);
  });
});
