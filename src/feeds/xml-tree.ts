/**
 * A forgiving XML reader for feed documents: builds a small element tree with resolved
 * namespaces and `xml:base`, and never fails. Where the document is not well-formed (HTML
 * entities, bare `&`, control characters, mismatched or missing end tags, garbage after the
 * root) it does what a reader would expect and records the problem, so the caller can tell
 * a clean document from a recovered one.
 */
import { lowerCase } from '../core/text/lower-case.js';
import { AttributeNames, isNameStart, readEndTag, readStartTag } from './xml-tags.js';
import { decodeText, fixC1, HAS_SUSPECT_CHAR, INVALID_CHARS, type ExpansionBudget } from './xml-text.js';

/** Longest DOCTYPE entity value kept; longer declarations are ignored (their references stay literal). */
export const MAX_ENTITY_VALUE_CHARS = 1024;
/** Entity expansion may add as many characters as the document has, and at least this many. */
export const MIN_ENTITY_EXPANSION_CHARS = 1 << 20;

export interface XmlElement {
  /** The name as written, with its prefix. */
  readonly name: string;
  readonly local: string;
  /** `local` in lower case, for case-insensitive lookups. */
  readonly key: string;
  /** Namespace URI, or null when the element is in no namespace. */
  readonly ns: string | null;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  /** Effective base URL (xml:base resolved against the ancestors and the document URL). */
  readonly base: string | null;
  /** Offsets of the element's content in the source, for re-serialising inline markup. */
  readonly innerStart: number;
  innerEnd: number;
  /** True when the document ended before this element was closed. */
  truncated: boolean;
}

export type XmlNode = XmlElement | string;

export interface XmlTree {
  readonly root: XmlElement | null;
  readonly source: string;
  /** Well-formedness problems met (empty for a clean document). */
  readonly errors: string[];
  /** Name of the DOCTYPE, lower case, when there is one (`html` marks a web page). */
  readonly doctype: string | null;
}

/** Prefixes that feeds use without declaring them; bound to their usual namespace. */
const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  sy: 'http://purl.org/rss/1.0/modules/syndication/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/** Shared by every element without attributes (most of a feed's elements). */
const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** Resolves `ref` against `base`; returns `ref` unchanged when either is unusable. */
export function resolveUrl(ref: string, base: string | null): string {
  const trimmed = ref.trim();
  try {
    return base ? new URL(trimmed, base).href : new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

interface Frame {
  readonly el: XmlElement;
  readonly scope: ReadonlyMap<string, string>;
}

/**
 * Reads `source` into a tree. `documentUrl` is the base for relative `xml:base` values.
 * Text is decoded (XML, numeric and HTML named entities); CDATA is kept verbatim.
 */
export function parseXmlTree(source: string, documentUrl: string | null): XmlTree {
  const errors: string[] = [];
  const entities: Record<string, string> = {};
  const checkChars = HAS_SUSPECT_CHAR.test(source);
  const budget: ExpansionBudget = { remaining: Math.max(source.length, MIN_ENTITY_EXPANSION_CHARS), exhausted: false };
  const top: XmlElement = new TreeElement('#document', '#document', null, NO_ATTRS, documentUrl, 0);
  const stack: Frame[] = [{ el: top, scope: new Map() }];
  let root: XmlElement | null = null;
  let doctype: string | null = null;
  const n = source.length;
  let pos = 0;
  const note = (message: string): void => {
    if (errors.length < 20) errors.push(message);
  };
  const attributeNames = new AttributeNames();
  const current = (): Frame => stack[stack.length - 1] as Frame;
  const decode = (raw: string): string => decodeText(raw, entities, note, checkChars, budget);
  const addText = (raw: string): void => {
    if (stack.length === 1) {
      if (raw.trim() !== '' && root !== null) note('text after the root element');
      return;
    }
    current().el.children.push(decode(raw));
  };

  while (pos < n) {
    const lt = source.indexOf('<', pos);
    if (lt < 0) {
      addText(source.slice(pos));
      break;
    }
    if (lt > pos) addText(source.slice(pos, lt));
    const next = source.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ && source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      pos = end < 0 ? n : end + 3;
    } else if (next === 0x21 && source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) note('unterminated CDATA section');
      const cdata = source.slice(lt + 9, end < 0 ? n : end);
      const raw = checkChars ? fixC1(cdata.replace(INVALID_CHARS, '')) : cdata;
      if (stack.length > 1) current().el.children.push(raw);
      pos = end < 0 ? n : end + 3;
    } else if (next === 0x3f /* ? */) {
      const end = source.indexOf('?>', lt + 2);
      pos = end < 0 ? n : end + 2;
    } else if (next === 0x21) {
      pos = readDoctype(source, lt, entities, note);
      const m = /^<!DOCTYPE\s+([^\s>[]+)/i.exec(source.slice(lt, lt + 60));
      if (m?.[1]) doctype = m[1].toLowerCase();
    } else if (next === 0x2f /* / */) {
      const tag = readEndTag(source, lt);
      const name = tag?.name ?? '';
      pos = tag ? tag.end : lt + 2;
      if (tag && !tag.closed) note(`end tag </${name}> not closed`);
      let i = stack.length - 1;
      while (i > 0 && (stack[i] as Frame).el.name !== name) i--;
      if (i === 0) {
        note(`stray end tag </${name}>`);
        continue;
      }
      if (i !== stack.length - 1) note(`end tag </${name}> closes unclosed elements`);
      while (stack.length > i) (stack.pop() as Frame).el.innerEnd = lt;
    } else if (isNameStart(next)) {
      const tag = readStartTag(source, lt, attributeNames);
      if (tag.broken) note(`malformed start tag <${tag.name}>`);
      pos = tag.end;
      const parent = current();
      const frame = openElement(tag.name, tag.attrs, parent, tag.end, decode);
      if (stack.length === 1) {
        if (root !== null) {
          note('second root element ignored');
          if (!tag.selfClosing) stack.push({ el: frame.el, scope: frame.scope });
          continue;
        }
        root = frame.el;
      }
      parent.el.children.push(frame.el);
      if (tag.selfClosing) frame.el.innerEnd = tag.end;
      else stack.push(frame);
    } else {
      note('bare "<" in text');
      addText('<');
      pos = lt + 1;
    }
  }
  if (stack.length > 1) note('document truncated: unclosed elements');
  while (stack.length > 1) {
    const el = (stack.pop() as Frame).el;
    el.innerEnd = n;
    el.truncated = true;
  }
  return { root, source, errors, doctype };
}

/**
 * An element as the reader builds it. Made by a class and `new Array()`, not by object and
 * array literals: V8 tracks how many objects of a literal survive, and when a collection
 * happened to find one document's whole tree alive it moved every later tree straight to the
 * old generation, where each became garbage for full collections (in the bench runs where it
 * happened, about one in three, parse CPU rose by a fifth). Objects made this way are not.
 */
class TreeElement implements XmlElement {
  readonly key: string;
  readonly children: XmlNode[] = new Array<XmlNode>();
  innerEnd: number;
  truncated = false;

  constructor(
    readonly name: string,
    readonly local: string,
    readonly ns: string | null,
    readonly attrs: Readonly<Record<string, string>>,
    readonly base: string | null,
    readonly innerStart: number,
  ) {
    this.key = lowerCase(local);
    this.innerEnd = innerStart;
  }
}

function openElement(
  name: string,
  rawAttrs: ReadonlyArray<readonly [string, string]>,
  parent: Frame,
  innerStart: number,
  decode: (raw: string) => string,
): Frame {
  // Most elements have no attributes: they share one empty record and their parent's scope.
  if (rawAttrs.length === 0) {
    return { el: namedElement(name, parent.scope, NO_ATTRS, parent.el.base, innerStart), scope: parent.scope };
  }
  const attrs: Record<string, string> = {};
  let scope = parent.scope;
  for (const [key, raw] of rawAttrs) {
    const value = decode(raw);
    attrs[key] = value;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parent.scope) scope = new Map(parent.scope);
      (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value.trim());
    }
  }
  const xmlBase = attrs['xml:base'];
  const base = xmlBase !== undefined ? resolveUrl(xmlBase, parent.el.base) : parent.el.base;
  return { el: namedElement(name, scope, attrs, base, innerStart), scope };
}

/** An element whose namespace is looked up from the prefix of `name` in `scope`. */
function namedElement(
  name: string,
  scope: ReadonlyMap<string, string>,
  attrs: Readonly<Record<string, string>>,
  base: string | null,
  innerStart: number,
): XmlElement {
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  const local = colon > 0 ? name.slice(colon + 1) : name;
  const ns = scope.get(prefix) ?? (prefix ? WELL_KNOWN_PREFIXES[prefix.toLowerCase()] ?? null : null);
  return new TreeElement(name, local, ns || null, attrs, base, innerStart);
}

/** Skips a `<!...>` declaration, collecting internal entity declarations from a DOCTYPE. */
function readDoctype(source: string, lt: number, entities: Record<string, string>, note: (message: string) => void): number {
  const gt = source.indexOf('>', lt);
  const bracket = source.indexOf('[', lt);
  if (bracket < 0 || (gt >= 0 && gt < bracket)) return gt < 0 ? source.length : gt + 1;
  const close = source.indexOf(']', bracket);
  const subset = source.slice(bracket, close < 0 ? source.length : close);
  for (const m of subset.matchAll(/<!ENTITY\s+([^\s%]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    const value = m[2] ?? m[3] ?? '';
    if (value.length > MAX_ENTITY_VALUE_CHARS) note(`entity ${m[1] as string} longer than ${MAX_ENTITY_VALUE_CHARS} characters ignored`);
    else entities[m[1] as string] = value;
  }
  const end = close < 0 ? -1 : source.indexOf('>', close);
  return end < 0 ? source.length : end + 1;
}
