import { Buffer } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** The Western encodings: windows-1252, the fallback, reads them all. */
const WESTERN = new Set(['iso-8859-1', 'iso-8859-15', 'windows-1252']);
/**
 * The other encodings of Latin scripts (Central European, Turkish, Baltic, Vietnamese). Read as
 * windows-1252 their text is not gibberish, only wrong letters ("Rz¹d", "elektøiny", "dondurulacaðý"),
 * so they are trusted only when chardet ranks them above every Western reading.
 */
const OTHER_LATIN = new Set(['iso-8859-2', 'iso-8859-9', 'iso-8859-13', 'windows-1250', 'windows-1254', 'windows-1257', 'windows-1258']);
/**
 * The Windows twin of an ISO guess. chardet may name the ISO encoding of bytes that use 0x80-0x9F
 * (Hungarian text in „quotes”, its letters telling the twins nothing); such a document cannot be
 * ISO (those bytes are control codes there, quotes, dashes and letters such as š ž in Windows), so
 * it is the twin. ISO-8859-9 and windows-1254 agree on every other byte; ISO-8859-2 and
 * windows-1250 place a few letters apart.
 */
const WINDOWS_TWIN: Readonly<Record<string, string>> = { 'iso-8859-2': 'windows-1250', 'iso-8859-9': 'windows-1254' };
const CENTRAL_EUROPEAN = new Set(['iso-8859-2', 'windows-1250']);
/**
 * Central European letters as windows-1252 reads them: ą ł ż š ž ś ź become ¹ ³ ¿ ¹ ¾ ¶ ¼ (and
 * ą ± in ISO-8859-2) beside ordinary lower-case letters ("Rz¹d", "ma³ych", "mo¿e", "pøí¹tího",
 * "¾e"). ¿ counts only after a letter: Spanish puts it before one.
 */
const WORD_WITH_SYMBOL = /[\p{L}\u00b1\u00b3\u00b6\u00b9\u00bc\u00be\u00bf]+/gu;
const MISREAD_LETTER = /\p{Ll}[\u00b1\u00b3\u00b6\u00b9\u00bc\u00be\u00bf]|[\u00b1\u00b3\u00b6\u00b9\u00bc\u00be]\p{Ll}/u;
/** Distinct words with a misread letter needed: a Western text may say "m³", not three such words. */
const MISREAD_WORDS = 3;
/** The Baltic encodings; ISO-8859-13 and windows-1257 place every letter alike. */
const BALTIC = new Set(['iso-8859-13', 'windows-1257']);
/** The Lithuanian and Latvian letters beyond ASCII. */
const BALTIC_LETTERS = new Set('ąčęėįšųūžāēģīķļņĄČĘĖĮŠŲŪŽĀĒĢĪĶĻŅ');
/**
 * Read as windows-1252, Baltic text keeps looking Western, all letters: š ž become ð þ, and
 * ą č ė ų ū ā ē ī ... become à è ë ø û â ç î ("Vyriausybë", "ðildymo", "maþës", "mçneða"). It
 * shows in words with one of MARKED, whose windows-1252 readings (ð þ â ç î) Western text has
 * little of but Icelandic, French or Portuguese, and with one of NOT_ICELANDIC, whose readings
 * are no Icelandic letter; French and Portuguese give away more words with é or ã than that.
 */
const MARKED = /[šžāēīŠŽĀĒĪ]/u;
const NOT_ICELANDIC = /[ąčėųūāēīļņģĄČĖŲŪĀĒĪĻŅĢ]/u;
/** The East Asian encodings, whose byte pairs can also fit a single-byte script's text. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'big5', 'gb18030', 'iso-2022-jp', 'iso-2022-kr', 'iso-2022-cn']);
/** chardet is this sure (0-100) of the multi-byte encodings only when the bytes fit them throughout. */
const SURE = 50;
/** The detector reads this much; a feed's first items show its script as well as all of them. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding of bytes that declare none and are not UTF-8, when they are clearly not Western;
 * null otherwise, and the caller keeps windows-1252, right for the Western feeds such bytes
 * almost always come from. Clearly means one of:
 * - chardet ranks another Latin encoding (Polish, Czech, Hungarian, Turkish ...) above every
 *   Western one: Western text gets a Western encoding first by a wide margin (tens of points);
 * - chardet is sure of a non-Latin encoding and surer than of any Latin one (Shift_JIS, EUC-JP,
 *   Big5, GB18030, EUC-KR: their byte pairs leave little doubt);
 * - read as windows-1252 the text is gibberish (Cyrillic, Greek, Thai ... single-byte text
 *   becomes words of nothing but accented letters), and then chardet's best single-byte
 *   non-Latin guess, however unsure, beats certain mojibake;
 * - read as windows-1252, words carry symbols where letters belong ("Rz¹d"), as short Polish
 *   or Czech documents do that chardet still ranks Western: its best Central European guess then;
 * - read as windows-1257, the words are Lithuanian or Latvian (readsAsBaltic), which chardet may
 *   rank below ISO-8859-1 because their windows-1252 reading is all letters too.
 */
export function guessUndeclaredEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const matches = analyse(sample)
    .map((match) => ({ name: match.name.toLowerCase(), confidence: match.confidence }))
    .filter((match) => !match.name.startsWith('utf') && iconv.encodingExists(match.name));
  const bestWestern = matches.find((match) => WESTERN.has(match.name))?.confidence ?? 0;
  const top = matches[0];
  if (top !== undefined && OTHER_LATIN.has(top.name) && top.confidence > bestWestern) return withWindowsTwin(top.name, sample);

  const isLatin = (name: string): boolean => WESTERN.has(name) || OTHER_LATIN.has(name);
  const nonLatin = matches.filter((match) => !isLatin(match.name));
  const best = nonLatin[0];
  const bestLatin = matches.find((match) => isLatin(match.name))?.confidence ?? 0;
  if (best !== undefined && best.confidence >= SURE && best.confidence > bestLatin) return best.name;
  const asWestern = new TextDecoder('windows-1252').decode(sample);
  const singleByte = nonLatin.find((match) => !MULTI_BYTE.has(match.name));
  if (singleByte !== undefined && readsAsGibberish(asWestern)) return singleByte.name;
  const centralEuropean = matches.find((match) => CENTRAL_EUROPEAN.has(match.name));
  if (centralEuropean !== undefined && hasMisreadLetters(asWestern)) return withWindowsTwin(centralEuropean.name, sample);
  if (matches.some((match) => BALTIC.has(match.name)) && readsAsBaltic(sample)) return 'windows-1257';
  return null;
}

/** An ISO guess as its Windows twin when the bytes use 0x80-0x9F, which only the twin reads as text. */
function withWindowsTwin(name: string, sample: Uint8Array): string {
  const twin = WINDOWS_TWIN[name];
  return twin !== undefined && sample.some((byte) => byte >= 0x80 && byte <= 0x9f) ? twin : name;
}

/** True when at least MISREAD_WORDS distinct words show Central European letters read as windows-1252. */
function hasMisreadLetters(text: string): boolean {
  const words = new Set<string>();
  for (const [word] of text.matchAll(WORD_WITH_SYMBOL)) {
    if (MISREAD_LETTER.test(word)) words.add(word);
    if (words.size >= MISREAD_WORDS) return true;
  }
  return false;
}

/**
 * True when, read as windows-1257, the words with letters beyond ASCII are Lithuanian or Latvian:
 * at least MISREAD_WORDS distinct ones with a MARKED letter and as many with a NOT_ICELANDIC
 * one, and three times as many as words with any other letter (é, Turkish ı ö ü, Icelandic ó ú ý).
 */
function readsAsBaltic(sample: Uint8Array): boolean {
  const text = iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), 'windows-1257');
  const baltic = new Set<string>();
  const other = new Set<string>();
  let marked = 0;
  let notIcelandic = 0;
  for (const [word] of text.matchAll(/\p{L}+/gu)) {
    const letters = word.replace(/[A-Za-z]/g, '');
    if (letters === '' || baltic.has(word) || other.has(word)) continue;
    if (![...letters].every((letter) => BALTIC_LETTERS.has(letter))) {
      other.add(word);
      continue;
    }
    baltic.add(word);
    if (MARKED.test(letters)) marked += 1;
    if (NOT_ICELANDIC.test(letters)) notIcelandic += 1;
  }
  return marked >= MISREAD_WORDS && notIcelandic >= MISREAD_WORDS && baltic.size >= 3 * other.size;
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
