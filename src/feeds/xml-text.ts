/**
 * Character-level decoding of XML text for the forgiving tree reader: entity and character
 * references (XML, DOCTYPE-declared and HTML named), control characters XML forbids, and C1
 * controls that in feeds are always mis-encoded windows-1252 punctuation.
 */
import { decodeHTMLStrict } from 'entities/decode';

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const HAS_INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/**
 * Characters that need a per-node check (invalid in XML, or C1 controls); most feeds have none.
 * Two classes rather than one: V8 scans a whole document for this about a third faster.
 */
export const HAS_SUSPECT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\u0080-\u009F\uFFFE\uFFFF]/;
/** windows-1252 meanings of the C1 controls 0x80-0x9F, which in feeds are always mis-encoded punctuation. */
const CP1252_C1 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1_CHARS = /[\u0080-\u009F]/g;

/** Replaces C1 control characters by their windows-1252 punctuation. */
export function fixC1(text: string): string {
  return /[\u0080-\u009F]/.test(text) ? text.replace(C1_CHARS, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/**
 * How many characters DOCTYPE-declared entities may still add to one document. Shared by all
 * decodeText calls of a document, so a small entity referenced a million times cannot blow a
 * few megabytes of feed up into hundreds of millions of characters.
 */
export interface ExpansionBudget {
  remaining: number;
  /** Set once the budget ran out, so the warning is recorded once. */
  exhausted: boolean;
}

/**
 * Decodes character and entity references leniently; bare `&` and unknown names stay literal.
 * DOCTYPE-declared entities are charged to `budget`; past it their references stay literal.
 */
export function decodeText(
  raw: string,
  entities: Readonly<Record<string, string>>,
  note: (m: string) => void,
  checkChars = true,
  budget: ExpansionBudget = { remaining: Number.POSITIVE_INFINITY, exhausted: false },
): string {
  let text = raw;
  if (checkChars && HAS_SUSPECT_CHAR.test(text)) {
    if (HAS_INVALID_CHAR.test(text)) {
      note('invalid control characters');
      text = text.replace(INVALID_CHARS, '');
    }
    text = fixC1(text);
  }
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  // One pass from `&` to `&` (this runs for every text node of every feed): copy the text
  // between references, decode each reference, and remember whether any `&` was bare. The
  // parts are joined, not concatenated: the tree keeps this string, and a flat string is one
  // object where a concatenation is one per part.
  const parts: string[] = [];
  let copied = 0;
  let bare = false;
  while (amp >= 0) {
    const ref = readReference(text, amp);
    if (ref.end < 0) {
      if (!ref.wellFormed) bare = true;
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    parts.push(text.slice(copied, amp), expandReference(text.slice(amp, ref.end), ref.name, entities, note, budget));
    copied = ref.end;
    amp = text.indexOf('&', ref.end);
  }
  if (bare) note('bare "&" in text');
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

interface Reference {
  /** Index just past the `;` of a reference that is decoded, else -1. */
  readonly end: number;
  /** The entity name, or null for a character reference. */
  readonly name: string | null;
  /** False for a bare `&`: one that starts no `&#digits;`, `&#xhex;` or `&name;` of any length. */
  readonly wellFormed: boolean;
}

const BARE: Reference = { end: -1, name: null, wellFormed: false };
const TOO_LONG: Reference = { end: -1, name: null, wellFormed: true };

/**
 * The reference at `amp`. Decoded are `&#` and 1-7 decimal digits, `&#x` and 1-6 hex digits,
 * and a name (a letter, then letters, digits, `.`, `_`, `-`), each closed by `;`. Longer
 * numbers are well-formed (not a bare `&`) but stay literal.
 */
function readReference(text: string, amp: number): Reference {
  const first = text.charCodeAt(amp + 1);
  if (first === 0x23 /* # */) {
    const hex = (text.charCodeAt(amp + 2) | 0x20) === 0x78; /* x or X */
    const start = amp + (hex ? 3 : 2);
    let p = start;
    while (p < text.length && (hex ? isHexDigit(text.charCodeAt(p)) : isDigit(text.charCodeAt(p)))) p++;
    if (p === start || text.charCodeAt(p) !== 0x3b /* ; */) return BARE;
    return p - start <= (hex ? 6 : 7) ? { end: p + 1, name: null, wellFormed: true } : TOO_LONG;
  }
  if (!isLetter(first)) return BARE;
  let p = amp + 2;
  while (p < text.length && isNameChar(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 0x3b) return BARE;
  return { end: p + 1, name: text.slice(amp + 1, p), wellFormed: true };
}

/** The replacement for one reference (`whole`, from `&` to `;`); notes what a clean document would not have. */
function expandReference(
  whole: string,
  name: string | null,
  entities: Readonly<Record<string, string>>,
  note: (m: string) => void,
  budget: ExpansionBudget,
): string {
  if (name === null) {
    const hex = (whole.charCodeAt(2) | 0x20) === 0x78;
    const code = Number.parseInt(whole.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? decodeHTMLStrict(whole) : whole;
  }
  const builtIn = XML_ENTITIES[name];
  if (builtIn !== undefined) return builtIn;
  const declared = entities[name];
  if (declared !== undefined) {
    if (declared.length <= budget.remaining) {
      budget.remaining -= declared.length;
      return declared;
    }
    if (!budget.exhausted) note('entity expansion limit reached: further references left unexpanded');
    budget.exhausted = true;
    return whole;
  }
  const html = decodeHTMLStrict(whole);
  if (html !== whole) {
    note(`undeclared entity &${name};`);
    return html;
  }
  note(`unknown entity &${name};`);
  return whole;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

function isLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** `[A-Za-z0-9._-]` */
function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 0x2e || c === 0x5f || c === 0x2d;
}
