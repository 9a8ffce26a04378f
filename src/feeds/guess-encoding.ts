import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/**
 * Encodings of Latin scripts, which windows-1252 (the fallback) reads well enough or exactly:
 * a statistical guess among them is less reliable than that long-standing default.
 */
const LATIN = new Set(['iso-8859-1', 'iso-8859-2', 'iso-8859-9', 'windows-1250', 'windows-1252', 'windows-1254', 'windows-1258']);
/** The East Asian encodings, whose byte pairs can also fit a single-byte script's text. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'big5', 'gb18030', 'iso-2022-jp', 'iso-2022-kr', 'iso-2022-cn']);
/** chardet is this sure (0-100) of the multi-byte encodings only when the bytes fit them throughout. */
const SURE = 50;
/** The detector reads this much; a feed's first items show its script as well as all of them. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding of bytes that declare none and are not UTF-8, when they are clearly in a
 * non-Latin script; null otherwise, and the caller keeps windows-1252, right for the Western
 * feeds such bytes almost always come from. Clearly means either chardet is sure of a non-Latin
 * encoding and surer than of any Latin one (Shift_JIS, EUC-JP, Big5, GB18030, EUC-KR: their byte
 * pairs leave little doubt), or read as windows-1252 the text is gibberish (Cyrillic, Greek,
 * Thai ... single-byte text becomes words of nothing but accented letters), and then chardet's
 * best single-byte non-Latin guess, however unsure, beats certain mojibake.
 */
export function guessNonLatinEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const matches = analyse(sample).map((match) => ({ name: match.name.toLowerCase(), confidence: match.confidence }));
  const nonLatin = matches.filter((match) => !LATIN.has(match.name) && !match.name.startsWith('utf') && iconv.encodingExists(match.name));
  const best = nonLatin[0];
  if (best === undefined) return null;
  const bestLatin = matches.find((match) => LATIN.has(match.name))?.confidence ?? 0;
  if (best.confidence >= SURE && best.confidence > bestLatin) return best.name;
  const singleByte = nonLatin.find((match) => !MULTI_BYTE.has(match.name));
  if (singleByte === undefined) return null;
  return readsAsGibberish(new TextDecoder('windows-1252').decode(sample)) ? singleByte.name : null;
}

/**
 * Words in which three or more characters above ASCII make up most of the word
 * ("Ïðàâèòåëüñòâî", "ÊÓ¹Ñ¡§Ò¹Êè§") are not Dutch, German or French ("één", "Größere", "élèves",
 * "–" are not like that); true when such words are at least three and outnumber the ordinary
 * words with accents. A word here is a run of ASCII letters and anything above ASCII, because
 * single-byte scripts read as windows-1252 give symbols as often as letters.
 */
function readsAsGibberish(text: string): boolean {
  let gibberish = 0;
  let accented = 0;
  for (const [word] of text.matchAll(/[A-Za-z\u0080-\u009f\u00a1-\uffff]+/g)) {
    const nonAscii = word.replace(/[A-Za-z]/g, '').length;
    if (nonAscii === 0) continue;
    if (nonAscii >= 3 && nonAscii * 2 > word.length) gibberish += 1;
    else accented += 1;
  }
  return gibberish >= 3 && gibberish > accented;
}
