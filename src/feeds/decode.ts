import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { guessUndeclaredEncoding } from './guess-encoding.js';

/** The decoded text of a fetched document and the encoding that was used to read it. */
export interface DecodedText {
  readonly text: string;
  /** Canonical lower-case name (`utf-8`, `windows-1252`, `utf-16le`, ...). */
  readonly encoding: string;
}

/** How many leading bytes are searched for an XML declaration or an HTML `<meta charset>`. */
const PRESCAN_BYTES = 4096;

/** Labels browsers read as windows-1252: the C1 range 0x80-0x9F holds curly quotes, dashes, the euro sign. */
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso-8859-1:1987', 'iso_8859-1:1987', 'latin1', 'latin-1', 'l1',
  'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1', 'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp1252',
  'windows-1252', 'x-cp1252',
]);

const UTF8_ALIASES = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

/**
 * Turns the bytes of a feed or page into a JS string without mojibake. The encoding is chosen
 * in this order: byte order mark; an unmistakable UTF-16/32 byte pattern (`<\0?\0` ...); the
 * HTTP charset parameter; the XML declaration; `<meta charset>` for HTML; UTF-8. Bytes with
 * non-ASCII characters that are all valid UTF-8 are read as UTF-8 whatever a header or
 * declaration claims: servers often label UTF-8 feeds ISO-8859-1 (a web server's default), and
 * real text in any other encoding is practically never valid UTF-8. Bytes that
 * are not valid UTF-8 where UTF-8 was assumed or claimed are read as the document's own
 * declaration if it has another, else as another encoding when they clearly are not Western
 * (guess-encoding.ts: Polish, Czech, Turkish, Lithuanian, Latvian, Japanese, Chinese, Cyrillic ... feeds that declare
 * nothing), else as windows-1252, because that is what such feeds almost always are.
 * ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do. Unknown charset names are
 * skipped, never thrown. The BOM is not part of the text.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): DecodedText {
  const bom = sniffBom(bytes);
  if (bom !== null) return { text: decodeWith(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  const candidates: string[] = [];
  const wide = sniffWideEncoding(bytes);
  if (wide !== null) candidates.push(wide);
  const fromHeader = normaliseCharset(charsetFromContentType(contentType), bytes);
  if (fromHeader !== null) candidates.push(fromHeader);
  const head = asciiHead(bytes, wide);
  const fromDeclaration = normaliseCharset(charsetFromXmlDeclaration(head), bytes);
  if (fromDeclaration !== null) candidates.push(fromDeclaration);
  if (looksLikeHtml(contentType, head)) {
    const fromMeta = normaliseCharset(charsetFromMeta(head), bytes);
    if (fromMeta !== null) candidates.push(fromMeta);
  }

  for (const encoding of candidates) {
    if (encoding !== 'utf-8') {
      // Not with a UTF-16/32 pattern: NUL-interleaved ASCII is valid UTF-8 too.
      if (wide === null && isPlainlyUtf8(bytes)) return { text: decodeWith(bytes, 'utf-8'), encoding: 'utf-8' };
      return { text: decodeWith(bytes, encoding), encoding };
    }
    const text = decodeStrictUtf8(bytes);
    if (text !== null) return { text, encoding };
    // Claimed UTF-8 but is not: a later, different declaration (or windows-1252) is the better guess.
  }
  const text = decodeStrictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  const fallback = guessUndeclaredEncoding(bytes) ?? 'windows-1252';
  return { text: decodeWith(bytes, fallback), encoding: fallback };
}

/** The charset parameter of a Content-Type header, unquoted, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

interface Bom {
  readonly encoding: string;
  readonly length: number;
}

function sniffBom(b: Uint8Array): Bom | null {
  // UTF-32LE's BOM starts with UTF-16LE's, so the four-byte marks are checked first.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', length: 4 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16/32 without BOM, recognised by ASCII characters interleaved with NUL bytes. */
function sniffWideEncoding(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const [b0, b1, b2, b3] = [b[0]!, b[1]!, b[2]!, b[3]!];
  if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return 'utf-32be';
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'utf-16be';
  return null;
}

/** The first bytes as ASCII-compatible text, good enough to find declarations. */
function asciiHead(bytes: Uint8Array, wide: string | null): string {
  if (wide !== null) {
    const unit = wide.startsWith('utf-32') ? 4 : 2;
    return decodeWith(bytes.subarray(0, Math.min(bytes.length - (bytes.length % unit), PRESCAN_BYTES)), wide);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)), 'latin1');
}

function charsetFromXmlDeclaration(head: string): string | null {
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  return match?.[1] ?? null;
}

function looksLikeHtml(contentType: string | null, head: string): boolean {
  if (contentType !== null && /html/i.test(contentType)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head);
}

function charsetFromMeta(head: string): string | null {
  const direct = /<meta\s[^>]*?\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return direct?.[1] ?? null;
}

/**
 * A charset label as an encoding iconv-lite can decode, or null when the label is unknown
 * or contradicts the bytes (a 16/32-bit label on a document that starts with plain ASCII).
 */
function normaliseCharset(label: string | null, bytes: Uint8Array): string | null {
  if (label === null) return null;
  const name = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (name === '') return null;
  if (UTF8_ALIASES.has(name)) return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  if (/^(?:utf-?16|utf-?32|ucs-?2|ucs-?4|unicode)/.test(name)) {
    const wide = sniffWideEncoding(bytes);
    if (wide === null) return null;
    return wide;
  }
  // WHATWG's x-cp1250 ... x-cp1258, which browsers read, are labels iconv-lite does not know.
  const windows = /^x-cp(125[0-8])$/.exec(name);
  if (windows !== null) return `windows-${windows[1] as string}`;
  return iconv.encodingExists(name) ? name : null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

/** Valid UTF-8 with at least one non-ASCII character (pure ASCII says nothing: ISO-2022-JP is 7-bit). */
function isPlainlyUtf8(bytes: Uint8Array): boolean {
  return !isAscii(bytes) && isUtf8(bytes);
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
