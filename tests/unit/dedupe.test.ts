import { describe, expect, it } from 'vitest';
import { articleIdentity, hashString, normaliseUrl } from '../../src/core/dedupe.js';

const item = { guid: null, url: null, title: 'A title', publishedAt: 1_700_000_000_000 };

describe('normaliseUrl', () => {
  it('lower-cases scheme and host, drops default port and fragment, keeps path case', () => {
    expect(normaliseUrl('HTTPS://News.Example.COM:443/Path/Story#comments')).toBe('https://news.example.com/Path/Story');
    expect(normaliseUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(normaliseUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(
      normaliseUrl('https://e.com/a?utm_source=rss&b=2&fbclid=x&a=1&gclid=y&mc_cid=1&mc_eid=2&igshid=3&_ga=4&ref_src=twsrc&utm_medium=x'),
    ).toBe('https://e.com/a?a=1&b=2');
    expect(normaliseUrl('https://e.com/a?utm_campaign=x')).toBe('https://e.com/a');
  });

  it('returns a non-URL trimmed and otherwise unchanged', () => {
    expect(normaliseUrl('  not a url ')).toBe('not a url');
  });
});

describe('articleIdentity', () => {
  it('uses a trustworthy guid', () => {
    expect(articleIdentity({ ...item, guid: 'story-123', url: 'https://e.com/x' })).toBe('guid:story-123');
  });

  it('normalises a URL-shaped guid so tracking parameters do not split identity', () => {
    expect(articleIdentity({ ...item, guid: 'https://e.com/x?utm_source=a' })).toBe(
      articleIdentity({ ...item, guid: 'https://E.com/x#top' }),
    );
  });

  it('ignores a guid that is a homepage, bare domain, date or tiny value and falls back to the URL', () => {
    for (const guid of ['https://e.com/', 'e.com', '2024-12-01', 'Tue, 10 Dec 2024 08:00:00 GMT', '1', '   ']) {
      expect(articleIdentity({ ...item, guid, url: 'https://e.com/story?utm_source=x#f' })).toBe('url:https://e.com/story');
    }
  });

  it('gives the same identity to one URL with and without tracking parameters and fragments', () => {
    const a = articleIdentity({ ...item, url: 'https://e.com/story?id=1&utm_medium=rss' });
    const b = articleIdentity({ ...item, url: 'HTTPS://e.com/story?id=1#section' });
    expect(a).toBe(b);
  });

  it('falls back to a hash of title and date, insensitive to case and spacing of the title', () => {
    const a = articleIdentity(item);
    expect(a).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(articleIdentity({ ...item, title: '  a   TITLE ' })).toBe(a);
    expect(articleIdentity({ ...item, publishedAt: 1 })).not.toBe(a);
  });

  it('ignores a homepage URL as identity', () => {
    expect(articleIdentity({ ...item, url: 'https://e.com/' })).toMatch(/^hash:/);
  });
});

describe('hashString', () => {
  it('computes 64-bit FNV-1a', () => {
    expect(hashString('')).toBe('cbf29ce484222325');
    expect(hashString('a')).toBe('af63dc4c8601ec8c');
    expect(hashString('foobar')).toBe('85944171f73967e8');
  });
});
