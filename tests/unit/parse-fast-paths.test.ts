import { describe, expect, it } from 'vitest';
import { articleIdentity, normaliseUrl } from '../../src/core/dedupe.js';
import { htmlToText } from '../../src/core/text/html-to-text.js';
import { lowerCase } from '../../src/core/text/lower-case.js';
import { parseFeedDate } from '../../src/feeds/dates.js';
import { resolveHtmlUrls } from '../../src/feeds/normalise.js';
import { parseXmlTree, type XmlElement } from '../../src/feeds/xml-tree.js';

const firstElement = (el: XmlElement | null): XmlElement => el?.children.find((c): c is XmlElement => typeof c !== 'string') as XmlElement;

describe('lowerCase', () => {
  it('gives what toLowerCase gives, for lower, upper, mixed and non-ASCII names', () => {
    for (const name of ['', 'item', 'pubDate', 'ITEM', 'dc:Creator', 'élément', 'İtem', 'ÉTÉ', 'x1_-.']) {
      expect(lowerCase(name)).toBe(name.toLowerCase());
    }
  });

  it('returns a name that is lower case already as it is', () => {
    const name = 'content:encoded';
    expect(lowerCase(name)).toBe(name);
  });
});

describe('start tag attributes', () => {
  const attrs = (tag: string) => firstElement(parseXmlTree(`<r>${tag}</x></r>`, null).root).attrs;

  it('reads double-quoted, single-quoted and bare values, with spaces around =', () => {
    expect(attrs(`<x a="1" b='two words' c=3 d = "4">`)).toEqual({ a: '1', b: 'two words', c: '3', d: '4' });
  });

  it('gives a name without a readable value the empty value', () => {
    expect(attrs('<x checked a= >')).toEqual({ checked: '', a: '' });
    expect(attrs('<x a="unterminated>')).toEqual({ a: '' });
  });

  it('keeps the value of a quoted attribute across markup characters and line ends', () => {
    expect(attrs('<x title="a > b\nc" href=\'say "hi"\'>')).toEqual({ title: 'a > b\nc', href: 'say "hi"' });
  });
});

describe('numeric zone offsets', () => {
  it('reads +HHMM and +HH:MM zones, east and west', () => {
    expect(parseFeedDate('Tue, 10 Dec 2024 08:30:00 -0530')).toBe(Date.UTC(2024, 11, 10, 14, 0));
    expect(parseFeedDate('2024-12-10T08:30:00+05:45')).toBe(Date.UTC(2024, 11, 10, 2, 45));
    expect(parseFeedDate('2024-12-10T08:30:00-00:00')).toBe(Date.UTC(2024, 11, 10, 8, 30));
  });

  it('leaves other zone shapes to the general reading', () => {
    expect(parseFeedDate('2024-12-10T08:30:00+05')).toBe(Date.UTC(2024, 11, 10, 3, 30));
    expect(parseFeedDate('Tue, 10 Dec 2024 08:30:00 +2a00')).toBe(Date.UTC(2024, 11, 10, 8, 30));
  });
});

describe('URL rewriting and identity', () => {
  it('returns markup whose URLs are all absolute or fragments unchanged', () => {
    const html = '<a href="https://e.com/a">a</a> <img src=\'#top\'> <a href="">x</a>';
    expect(resolveHtmlUrls(html, 'https://base.test/d/')).toBe(html);
  });

  it('rewrites only the relative values, keeping their quotes', () => {
    expect(resolveHtmlUrls('<a href="https://e.com/">1</a><a HREF = \'../b\'>2</a><img src="c.png">', 'https://base.test/d/e/'))
      .toBe('<a href="https://e.com/">1</a><a HREF = \'https://base.test/d/b\'>2</a><img src="https://base.test/d/e/c.png">');
  });

  it('drops an empty query or fragment as well as a full one', () => {
    expect(normaliseUrl('https://e.com/a?')).toBe('https://e.com/a');
    expect(normaliseUrl('https://e.com/a#')).toBe('https://e.com/a');
    expect(normaliseUrl('https://e.com/a?#x')).toBe('https://e.com/a');
  });

  it('treats a homepage guid as untrustworthy and a story URL guid as the identity', () => {
    expect(articleIdentity({ guid: 'https://e.com/?', url: 'https://e.com/s?utm_source=x', title: 't', publishedAt: null })).toBe('url:https://e.com/s');
    expect(articleIdentity({ guid: 'HTTPS://E.com/s#c', url: null, title: 't', publishedAt: null })).toBe('guid:https://e.com/s');
    expect(articleIdentity({ guid: 'urn:uuid:1234', url: null, title: 't', publishedAt: null })).toBe('guid:urn:uuid:1234');
  });
});

describe('tag ends in htmlToText', () => {
  it('skips a > inside a quoted attribute value and ends an unbalanced quote at the next >', () => {
    expect(htmlToText('<p title="a>b">one</p><p class="x>two</p>')).toBe('one\n\ntwo');
  });
});
