/**
 * Reading values out of a feed's element tree: namespace-aware child lookup, text content,
 * inline markup, and Atom text constructs (text/html/xhtml, Atom 0.3 `mode="base64"`).
 * These are the spots where a generic XML-to-object mapping loses information.
 */
import { Buffer } from 'node:buffer';
import { lowerCase } from '../core/text/lower-case.js';
import type { XmlElement, XmlNode, XmlTree } from './xml-tree.js';

const NS = {
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss09: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  sy: 'http://purl.org/rss/1.0/modules/syndication/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
} as const;

const RSS_NS = new Set<string>([
  NS.rss10, NS.rss09, 'http://backend.userland.com/rss2', 'http://blogs.law.harvard.edu/tech/rss',
  'http://backend.userland.com/rss', 'http://purl.org/net/rss1.1#',
]);
const ATOM_NS = new Set<string>([NS.atom10, NS.atom03, 'http://purl.org/atom/ns#draft-ellis-atompub']);
// Media RSS before 1.1.2 had no trailing slash, and some generators write https: all mean the same module.
const MEDIA_NS = new Set<string>([
  NS.media, 'http://search.yahoo.com/mrss', 'https://search.yahoo.com/mrss/', 'https://search.yahoo.com/mrss',
]);

/** Which namespace family an element name is looked up in. */
export type Family = 'rss' | 'atom' | 'dc' | 'dcterms' | 'content' | 'xhtml' | 'sy' | 'itunes' | 'media';

/** A value extracted from the document: plain text, or HTML markup to be cleaned later. */
export interface WireText {
  readonly kind: 'text' | 'html';
  readonly value: string;
  /** Base URL in force where the value was found, for resolving links inside markup. */
  readonly base: string | null;
}

/** Lookup context: in a document whose root is in no namespace, unqualified names count as RSS or Atom. */
export interface Scope {
  readonly tree: XmlTree;
  readonly defaultFamily: 'rss' | 'atom';
}

function inFamily(el: XmlElement, family: Family, scope: Scope): boolean {
  const ns = el.ns;
  switch (family) {
    case 'rss':
      return ns === null || RSS_NS.has(ns);
    case 'atom':
      return ns === null ? scope.defaultFamily === 'atom' : ATOM_NS.has(ns);
    case 'media':
      return ns !== null && MEDIA_NS.has(ns);
    default:
      return ns === NS[family];
  }
}

/** Element children of `el`. */
function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** True when `el` has an element child (asked for every title and description, so no array is built). */
function hasElementChild(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}

/** True when `node` is an element whose lower-cased local name is `key`, in the family. */
function isNamed(node: XmlNode, key: string, family: Family, scope: Scope): node is XmlElement {
  return typeof node !== 'string' && node.key === key && inFamily(node, family, scope);
}

/** All children named `local` in the given family, in document order. */
export function childrenOf(el: XmlElement, family: Family, local: string, scope: Scope): XmlElement[] {
  const key = lowerCase(local);
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (isNamed(c, key, family, scope)) out.push(c);
  }
  return out;
}

/** The first child named `local` in the family, if any. */
export function childOf(el: XmlElement, family: Family, local: string, scope: Scope): XmlElement | undefined {
  const key = lowerCase(local);
  for (const c of el.children) {
    if (isNamed(c, key, family, scope)) return c;
  }
  return undefined;
}

/** All text below `el`, markup dropped. */
export function textContent(node: XmlNode): string {
  if (typeof node === 'string') return node;
  let out = '';
  for (const c of node.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

/** The first non-empty trimmed text of the listed (family, local) children. */
export function firstText(el: XmlElement, scope: Scope, names: ReadonlyArray<readonly [Family, string]>): string | null {
  for (const [family, local] of names) {
    const key = lowerCase(local);
    for (const c of el.children) {
      if (!isNamed(c, key, family, scope)) continue;
      const text = textContent(c).trim();
      if (text !== '') return text;
    }
  }
  return null;
}

/** The markup inside `el` as written, namespace prefixes of inline elements removed, CDATA unwrapped. */
function innerMarkup(el: XmlElement, tree: XmlTree): string {
  return tree.source
    .slice(el.innerStart, el.innerEnd)
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1')
    .trim();
}

/** An RSS element that may hold escaped HTML or naked inline markup. */
export function rssHtml(el: XmlElement | undefined, tree: XmlTree): WireText | null {
  if (!el) return null;
  const value = hasElementChild(el) ? innerMarkup(el, tree) : textContent(el).trim();
  return value === '' ? null : { kind: 'html', value, base: el.base };
}

/** An Atom text construct (1.0 `type` text/html/xhtml, 0.3 `mode` xml/escaped/base64). */
export function atomText(el: XmlElement | undefined, tree: XmlTree): WireText | null {
  if (!el) return null;
  const type = (el.attrs['type'] ?? 'text').trim().toLowerCase();
  const mode = (el.attrs['mode'] ?? '').trim().toLowerCase();
  const htmlType = type === 'html' || type === 'text/html' || type.includes('xhtml') || type.endsWith('xml');
  let value: string;
  let kind: WireText['kind'] = htmlType ? 'html' : 'text';
  if (mode === 'base64' || (isOpaqueType(type) && /^[A-Za-z0-9+/=\s]+$/.test(textContent(el)))) {
    value = Buffer.from(textContent(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    if (!type.startsWith('text/plain')) kind = 'html';
  } else if (hasElementChild(el)) {
    const kids = elements(el);
    const stray = el.children.some((c) => typeof c === 'string' && c.trim() !== '');
    const only = kids.length === 1 && !stray ? kids[0] : undefined;
    value = type === 'xhtml' && only && only.local === 'div' ? innerMarkup(only, tree) : innerMarkup(el, tree);
    kind = 'html';
  } else {
    value = textContent(el);
    if (mode === 'escaped' && !htmlType && /<[a-z][^>]*>/i.test(value)) kind = 'html';
  }
  value = value.trim();
  return value === '' ? null : { kind, value, base: el.base };
}

/** RFC 4287: a media type that is neither XML nor text/* means base64-encoded content. */
function isOpaqueType(type: string): boolean {
  if (type === 'text' || type === 'html' || type === 'xhtml' || type.startsWith('text/')) return false;
  return type.includes('/') && !/(?:[/+]xml)$/.test(type);
}

/** Media RSS description (direct or inside `media:group`, as YouTube feeds have it). */
export function mediaDescription(el: XmlElement, scope: Scope): WireText | null {
  const group = childOf(el, 'media', 'group', scope);
  const desc = childOf(el, 'media', 'description', scope) ?? (group ? childOf(group, 'media', 'description', scope) : undefined);
  if (!desc) return null;
  const value = textContent(desc).trim();
  const kind = (desc.attrs['type'] ?? '').toLowerCase() === 'html' ? 'html' : 'text';
  return value === '' ? null : { kind, value, base: desc.base };
}
