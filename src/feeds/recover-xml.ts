/**
 * Lenient repair of feed text that a strict XML parser rejects, done before giving up: the
 * usual faults of hand-made feeds are unescaped `&`, HTML entities XML does not declare,
 * control characters, junk after the root element and a document cut off mid-way.
 * The repair is textual and conservative: CDATA sections and comments are left alone.
 */
import { decodeHTMLStrict } from 'entities/decode';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Returns repaired text that a strict XML parser has a fair chance to accept. */
export function recoverXml(text: string): string {
  const declared = declaredEntities(text);
  let out = splitProtected(text.replace(INVALID_CHARS, ''))
    .map(([chunk, isProtected]) => (isProtected ? chunk : fixEntities(chunk, declared)))
    .join('');
  out = dropTrailingGarbage(out);
  return closeTruncated(out);
}

function declaredEntities(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.slice(0, 20_000).matchAll(/<!ENTITY\s+([^\s%]+)/g)) names.add(m[1] as string);
  return names;
}

/** Splits text into [chunk, isProtected] pieces; CDATA sections and comments are protected. */
function splitProtected(text: string): Array<[string, boolean]> {
  const pieces: Array<[string, boolean]> = [];
  const re = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    pieces.push([text.slice(last, m.index), false], [m[0], true]);
    last = m.index + m[0].length;
  }
  pieces.push([text.slice(last), false]);
  return pieces;
}

function fixEntities(chunk: string, declared: ReadonlySet<string>): string {
  if (!chunk.includes('&')) return chunk;
  return chunk.replace(/&(#\d+;|#[xX][0-9a-fA-F]+;|([A-Za-z][A-Za-z0-9._-]*);)?/g, (whole, ref?: string, name?: string) => {
    if (ref === undefined) return '&amp;';
    if (name === undefined || XML_ENTITIES.has(name) || declared.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    if (decoded === whole) return `&amp;${name};`;
    return escapeXml(decoded);
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts anything after the close tag of the root element. */
function dropTrailingGarbage(text: string): string {
  const root = /<([A-Za-z_][\w:.-]*)[\s>/]/.exec(text.replace(/<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|![^>]*>)/g, (m) => ' '.repeat(m.length)));
  if (!root?.[1]) return text;
  const close = text.lastIndexOf(`</${root[1]}`);
  if (close < 0) return text;
  const gt = text.indexOf('>', close);
  return gt < 0 ? text : text.slice(0, gt + 1);
}

/** Removes a partial tag at the end and closes every element still open. */
function closeTruncated(text: string): string {
  const trimmed = text.replace(/<[^>]*$/, '');
  const tree = parseXmlTree(trimmed, null);
  if (!tree.root || !tree.errors.some((e) => e.startsWith('document truncated'))) return trimmed === text ? text : trimmed;
  const open: string[] = [];
  let el: XmlElement | undefined = tree.root;
  while (el && el.innerEnd === trimmed.length) {
    open.push(el.name);
    const kids: XmlElement[] = el.children.filter((c): c is XmlElement => typeof c !== 'string');
    el = kids[kids.length - 1];
  }
  return trimmed + open.reverse().map((name) => `</${name}>`).join('');
}
