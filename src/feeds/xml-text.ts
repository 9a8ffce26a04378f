/**
 * Character-level decoding of XML text for the forgiving tree reader: entity and character
 * references (XML, DOCTYPE-declared and HTML named), control characters XML forbids, and C1
 * controls that in feeds are always mis-encoded windows-1252 punctuation.
 */
import { decodeHTMLStrict } from 'entities/decode';

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const HAS_INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Characters that need a per-node check (invalid in XML, or C1 controls); most feeds have none. */
export const HAS_SUSPECT_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0080-\u009F\uFFFE\uFFFF]/;
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

const ENTITY_REF = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9._-]*));/g;

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
  if (!text.includes('&')) return text;
  const out = text.replace(ENTITY_REF, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? decodeHTMLStrict(whole) : whole;
    }
    const key = name as string;
    const builtIn = XML_ENTITIES[key];
    if (builtIn !== undefined) return builtIn;
    const declared = entities[key];
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
      note(`undeclared entity &${key};`);
      return html;
    }
    note(`unknown entity &${key};`);
    return whole;
  });
  if (/&(?!(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][\w.-]*);)/.test(text)) note('bare "&" in text');
  return out;
}
