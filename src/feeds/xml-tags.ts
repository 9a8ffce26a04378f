/**
 * Reading the tags of a feed document for the forgiving tree reader: element and attribute
 * names, attribute values, and the `>` that closes a tag, found within bounded windows so that
 * a broken tag cannot make the reader scan the rest of the document.
 */

/** How far past `<` a tag name, and past the attributes the closing `>`, is looked for. */
const NAME_WINDOW = 300;
const CLOSE_WINDOW = 50;

/** `[A-Za-z_:\u00C0-\uFFFF]`: a character that can start an element name. */
export function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

/** Exactly the code units JavaScript's `\s` matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[^\s/>"'=<]`: a character that can continue a tag name. */
function isNameChar(c: number): boolean {
  return c !== 0x2f && c !== 0x3e && c !== 0x22 && c !== 0x27 && c !== 0x3d && c !== 0x3c && !isSpace(c);
}

/** The first index from `at` (before `limit`) whose character is not `\s`. */
function skipSpace(source: string, at: number, limit: number): number {
  let p = at;
  while (p < limit && isSpace(source.charCodeAt(p))) p++;
  return p;
}

/** Longest attribute name that AttributeNames shares, and how many of one length it keeps. */
const MAX_SHARED_NAME_CHARS = 40;
const SHARED_NAMES_PER_LENGTH = 8;

/**
 * A document repeats a handful of attribute names (`href`, `rel`, `type`, `isPermaLink`)
 * thousands of times. Each is sliced once and that string shared after: storing a record
 * property under a key string seen before skips looking the key up again (bench documents:
 * the tree 2 % faster).
 */
export class AttributeNames {
  private readonly byLength = new Array<string[] | undefined>(MAX_SHARED_NAME_CHARS + 1);

  /** `source.slice(start, end)`, or an equal string read before. */
  read(source: string, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_SHARED_NAME_CHARS) return source.slice(start, end);
    let known = this.byLength[length];
    if (known === undefined) {
      known = new Array<string>();
      this.byLength[length] = known;
    }
    for (const name of known) {
      if (source.startsWith(name, start)) return name;
    }
    const name = source.slice(start, end);
    if (known.length < SHARED_NAMES_PER_LENGTH) known.push(name);
    return name;
  }
}

/** Shared by every start tag without attributes. */
const NO_RAW_ATTRS: ReadonlyArray<readonly [string, string]> = [];

/** A start tag: its name, its attributes (values still undecoded) and where reading goes on. */
export interface StartTag {
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly selfClosing: boolean;
  readonly end: number;
  readonly broken: boolean;
}

/**
 * The start tag whose `<` is at `lt`. Never fails: a tag that does not close where expected
 * is `broken` and ends at the next `>` (or before the next `<`).
 */
export function readStartTag(source: string, lt: number, names: AttributeNames): StartTag {
  const nameLimit = Math.min(source.length, lt + NAME_WINDOW);
  let p = lt + 1;
  while (p < nameLimit && isNameChar(source.charCodeAt(p))) p++;
  const name = source.slice(lt + 1, p);
  let attrs: Array<readonly [string, string]> | null = null;
  // Most tags have no attributes: at `>` there is nothing to read.
  while (source.charCodeAt(p) !== 0x3e /* > */) {
    const attr = readAttribute(source, p, names);
    if (attr === null) break;
    (attrs ??= []).push([attr.name, attr.value]);
    p = attr.end;
  }
  return closeStartTag(source, name, attrs ?? NO_RAW_ATTRS, p);
}

/**
 * The attribute at `at`, as `\s*([^\s=/>"'<]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'<]+)))?`
 * reads it (a name, then optionally `=` and a quoted or bare value; without a readable value the
 * attribute ends after its name, with the value ''); null when no name follows the spaces.
 */
function readAttribute(source: string, at: number, names: AttributeNames): { name: string; value: string; end: number } | null {
  const n = source.length;
  const nameStart = skipSpace(source, at, n);
  let p = nameStart;
  while (p < n && isNameChar(source.charCodeAt(p))) p++;
  if (p === nameStart) return null;
  const name = names.read(source, nameStart, p);
  let q = skipSpace(source, p, n);
  if (source.charCodeAt(q) !== 0x3d /* = */) return { name, value: '', end: p };
  q = skipSpace(source, q + 1, n);
  const quote = source.charCodeAt(q);
  if (quote === 0x22 /* " */ || quote === 0x27 /* ' */) {
    const close = source.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0) return { name, value: '', end: p };
    return { name, value: source.slice(q + 1, close), end: close + 1 };
  }
  let v = q;
  while (v < n && isBareValueChar(source.charCodeAt(v))) v++;
  if (v === q) return { name, value: '', end: p };
  return { name, value: source.slice(q, v), end: v };
}

/** `[^\s>"'<]`: a character of an unquoted attribute value. */
function isBareValueChar(c: number): boolean {
  return c !== 0x3e && c !== 0x22 && c !== 0x27 && c !== 0x3c && !isSpace(c);
}

/** The start tag whose attributes end at `p`: `\s*(\/?)\s*>` within CLOSE_WINDOW characters, else a broken tag. */
function closeStartTag(source: string, name: string, attrs: ReadonlyArray<readonly [string, string]>, p: number): StartTag {
  const closeLimit = Math.min(source.length, p + CLOSE_WINDOW);
  let q = skipSpace(source, p, closeLimit);
  const slash = q < closeLimit && source.charCodeAt(q) === 0x2f;
  if (slash) q = skipSpace(source, q + 1, closeLimit);
  if (q < closeLimit && source.charCodeAt(q) === 0x3e) return { name, attrs, selfClosing: slash, end: q + 1, broken: false };
  // Broken tag: resume after the next `>` (or before the next `<`).
  const gt = source.indexOf('>', p);
  const nextLt = source.indexOf('<', p);
  const end = gt < 0 ? source.length : nextLt >= 0 && nextLt < gt ? nextLt : gt + 1;
  return { name, attrs, selfClosing: source[end - 2] === '/', end, broken: true };
}

/**
 * `</ name >`: the name (non-space characters up to `>`) within NAME_WINDOW characters of `<`,
 * and whether the `>` is there; null when there is no name at all.
 */
export function readEndTag(source: string, lt: number): { name: string; end: number; closed: boolean } | null {
  const limit = Math.min(source.length, lt + NAME_WINDOW);
  const start = skipSpace(source, lt + 2, limit);
  let p = start;
  while (p < limit) {
    const c = source.charCodeAt(p);
    if (c === 0x3e || isSpace(c)) break;
    p++;
  }
  if (p === start) return null;
  const name = source.slice(start, p);
  p = skipSpace(source, p, limit);
  const closed = p < limit && source.charCodeAt(p) === 0x3e;
  return { name, end: closed ? p + 1 : p, closed };
}

