import { describe, expect, it } from 'vitest';
import { looksBinary, looksLikeFeed } from '../../src/feeds/sniff.js';

describe('looksLikeFeed', () => {
  it('knows RSS, RDF, Atom and JSON Feed by their root, past the prolog', () => {
    expect(looksLikeFeed('<rss version="2.0"><channel/></rss>')).toBe(true);
    expect(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- made by hand -->\n<rdf:RDF xmlns:rdf="x"/>')).toBe(true);
    expect(looksLikeFeed('<!DOCTYPE feed [<!ENTITY a "<b>">]>\n<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe(true);
    expect(looksLikeFeed('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe(true);
  });

  it('does not take a page, plain text or an unfinished prolog for a feed', () => {
    expect(looksLikeFeed('<!DOCTYPE html><html><body><p>rss</p></body></html>')).toBe(false);
    expect(looksLikeFeed('The <rss> format turns 25.')).toBe(false);
    expect(looksLikeFeed('<?xml version="1.0"')).toBe(false);
    expect(looksLikeFeed(`<!-- ${' '.repeat(10_000)}`)).toBe(false);
  });
});

describe('looksBinary', () => {
  it('tells control characters in numbers from text with a stray one', () => {
    expect(looksBinary('\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0003')).toBe(true);
    expect(looksBinary(`<rss><channel><title>One \u0007 bell</title></channel></rss>`)).toBe(false);
    expect(looksBinary('Tabs\tand\r\nnewlines are text.')).toBe(false);
  });
});
