import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes } from '../../src/feeds/decode.js';

const TEXT = 'Café “Überzicht” – 10 € ÿ';
const xml = (encoding: string | null, body = TEXT): string =>
  `${encoding === null ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${encoding}"?>`}<rss><title>${body}</title></rss>`;
const bytesOf = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body]);

describe('decodeFeedBytes', () => {
  it('reads plain UTF-8 when nothing is declared', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'utf-8'), null)).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark and lets it override a wrong HTTP charset', () => {
    const decoded = decodeFeedBytes(withBom([0xef, 0xbb, 0xbf], bytesOf(xml(null), 'utf-8')), 'text/xml; charset=iso-8859-1');
    expect(decoded).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
    ['utf-32le', [0xff, 0xfe, 0, 0]],
    ['utf-32be', [0, 0, 0xfe, 0xff]],
  ])('honours a %s byte order mark', (encoding, bom) => {
    const decoded = decodeFeedBytes(withBom(bom, bytesOf(xml('UTF-16'), encoding)), null);
    expect(decoded).toEqual({ text: xml('UTF-16'), encoding });
  });

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('recognises %s without a byte order mark', (encoding) => {
    const decoded = decodeFeedBytes(bytesOf(xml(encoding), encoding), null);
    expect(decoded).toEqual({ text: xml(encoding), encoding });
  });

  it('resolves an HTTP charset of plain "utf-16" to the byte order the bytes show', () => {
    const decoded = decodeFeedBytes(bytesOf(xml(null), 'utf-16be'), 'application/rss+xml; charset="UTF-16"');
    expect(decoded).toEqual({ text: xml(null), encoding: 'utf-16be' });
  });

  it('prefers the HTTP charset over the XML declaration', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('utf-8'), 'windows-1252'), 'text/xml; charset=windows-1252');
    expect(decoded).toEqual({ text: xml('utf-8'), encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 as windows-1252 so C1 bytes become curly quotes and the euro sign', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('ISO-8859-1'), 'windows-1252'), null);
    expect(decoded).toEqual({ text: xml('ISO-8859-1'), encoding: 'windows-1252' });
  });

  it('uses the XML declaration when HTTP says nothing', () => {
    const text = xml('ISO-8859-15', 'Œuvre €');
    expect(decodeFeedBytes(bytesOf(text, 'iso-8859-15'), 'application/xml')).toEqual({ text, encoding: 'iso-8859-15' });
  });

  it('skips a bogus HTTP charset and falls through to the declaration', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('windows-1252'), 'windows-1252'), 'text/xml; charset=no-such-thing');
    expect(decoded).toEqual({ text: xml('windows-1252'), encoding: 'windows-1252' });
  });

  it('ignores a 16-bit charset label on bytes that are plainly 8-bit', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'utf-8'), 'text/xml; charset=utf-16')).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it('falls back to windows-1252 when undeclared bytes are not valid UTF-8', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'windows-1252'), null)).toEqual({ text: xml(null), encoding: 'windows-1252' });
  });

  it('trusts the XML declaration when the HTTP header claims UTF-8 but the bytes are not', () => {
    const text = xml('iso-8859-2', 'Łódź');
    expect(decodeFeedBytes(bytesOf(text, 'iso-8859-2'), 'text/xml; charset=utf-8')).toEqual({ text, encoding: 'iso-8859-2' });
  });

  it('reads <meta charset> on an HTML page', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>${TEXT}</title></head></html>`;
    expect(decodeFeedBytes(bytesOf(html, 'windows-1252'), 'text/html')).toEqual({ text: html, encoding: 'windows-1252' });
  });

  it('reads the http-equiv form of the HTML charset', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Привет</title></head></html>`;
    expect(decodeFeedBytes(bytesOf(html, 'koi8-r'), null)).toEqual({ text: html, encoding: 'koi8-r' });
  });

  it('does not look for <meta charset> inside a feed', () => {
    const feed = `<rss><description><![CDATA[<meta charset="koi8-r">]]> ${TEXT}</description></rss>`;
    expect(decodeFeedBytes(bytesOf(feed, 'utf-8'), 'application/rss+xml').encoding).toBe('utf-8');
  });

  it('decodes an empty body to an empty string', () => {
    expect(decodeFeedBytes(new Uint8Array(), null)).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'UTF-8'],
    ['text/xml;charset="iso-8859-1"', 'iso-8859-1'],
    ['text/xml; Charset=utf-8; foo=bar', 'utf-8'],
    ['text/xml', null],
    [null, null],
  ])('finds the charset in %s', (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });
});
