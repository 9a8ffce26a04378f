/**
 * Text that was UTF-8, read as windows-1252 (or Latin-1) somewhere upstream and encoded again:
 * "â€“" for "–", "â€™" for "’", "Ã©" for "é". Feeds carry it when a CMS double-encodes; the
 * bytes are valid, so decoding cannot tell. Each such sequence is mapped back to its bytes and
 * read as UTF-8; anything that does not read back cleanly is left as it was.
 *
 * Only sequences that start with Â, Ã (U+0080-U+00FF as UTF-8) or â (most punctuation, the
 * euro sign) are considered: followed by windows-1252's upper half, they are almost never
 * real text in any language, unlike rarer lead bytes (Ø… is Danish, not Arabic).
 */

// windows-1252's 0x80-0x9F: the characters a double-encoded continuation byte becomes.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CONTINUATION = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
const SEQUENCE_RE = new RegExp(`[\\u00c2\\u00c3]${CONTINUATION}|\\u00e2${CONTINUATION}{2}`, 'gu');
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `text` with double-encoded UTF-8 sequences read back; unchanged (the same string) when it has none. */
export function repairMojibake(text: string): string {
  SEQUENCE_RE.lastIndex = 0;
  if (!SEQUENCE_RE.test(text)) return text;
  return text.replace(SEQUENCE_RE, (sequence) => {
    const bytes = Uint8Array.from([...sequence], (ch) => BYTE_OF.get(ch) ?? ch.charCodeAt(0));
    try {
      return utf8.decode(bytes);
    } catch {
      return sequence;
    }
  });
}
