/**
 * HTML fragment -> clean plain text, without a DOM. Feed summaries and contents arrive as
 * HTML of every quality (unclosed tags, stray `<`, legacy entities); this keeps the words a
 * reader would see, in paragraphs, and drops what a reader would never see (scripts, forms,
 * embedded media and social media posts, captions) or would not read as prose (code blocks).
 */
import { decodeHTML } from 'entities/decode';
import { lowerCase } from './lower-case.js';
import { collapseWhitespace, ParagraphBuilder } from './paragraphs.js';
import { opensSocialEmbed, opensTweetParagraph, TweetWatch } from './social-embeds.js';

/** Elements dropped together with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'figure', 'figcaption', 'button', 'form', 'select', 'textarea', 'head', 'title', 'video', 'audio',
  'canvas', 'map',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'blockquote', 'pre', 'tr', 'table', 'thead', 'tbody', 'tfoot', 'caption', 'section',
  'article', 'aside', 'header', 'footer', 'nav', 'main', 'hr', 'address', 'details', 'summary',
  'center', 'fieldset', 'legend', 'menu', 'dialog', 'hgroup', 'body', 'html', 'picture',
]);

/** Elements that separate words without breaking the paragraph. */
const SEPARATORS = new Set(['td', 'th', 'img', 'input', 'option']);

// A <pre> is a code block when its class says so (highlighters: Prism, highlight.js, Pygments,
// Chroma, SyntaxHighlighter, WordPress) or when it wraps a <code>; other <pre> text is kept (some
// feeds write a whole plain-text message in one). Inline <code> is part of its sentence.
const CODE_CLASS_RE = /\sclass\s*=\s*["']?[^"'>]*?(?:(?<![\w])code(?![\w])|highlight|language-|lang-|brush:|prettyprint|sourcecode|chroma|hljs)/iu;
const CODE_CHILD_RE = /^\s*<code[\s>]/iu;

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);

/** Decodes every HTML5 named (`&eacute;`, `&nbsp;`) and numeric entity; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/**
 * The visible text of an HTML fragment: block elements become paragraphs separated by a blank
 * line, `<br>` a single newline, whitespace collapsed, entities decoded, NBSP as a plain space.
 * Text without markup comes back unchanged apart from whitespace tidying, so callers can pass
 * whatever a feed gave them.
 */
export function htmlToText(html: string): string {
  if (!html) return '';
  // CDATA wrappers that survived the XML parser still hold markup: unwrap them.
  if (html.includes('<![CDATA[')) html = html.replace(/<!\[CDATA\[|\]\]>/g, '');
  if (!/<[a-zA-Z!/?]/.test(html)) return plainText(decodeEntities(html));
  const out = new ParagraphBuilder();
  const tweet = new TweetWatch(out);
  let pos = 0;
  let skipName: string | null = null;
  let skipDepth = 0;
  let preDepth = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      if (skipName === null) addText(out, tweet.text(html.slice(pos)), preDepth > 0);
      break;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      // A lone `<` is text.
      if (skipName === null) addText(out, html.slice(pos, lt + 1), preDepth > 0);
      pos = lt + 1;
      continue;
    }
    if (skipName === null && lt > pos) addText(out, tweet.text(html.slice(pos, lt)), preDepth > 0);
    pos = tag.end;
    if (tag.name === null) continue;
    if (skipName !== null) {
      if (tag.name === skipName && !tag.selfClosing) skipDepth += tag.closing ? -1 : 1;
      if (skipDepth === 0) skipName = null;
      continue;
    }
    if (DROPPED.has(tag.name) || (!tag.closing && holdsNoProse(tag.name, html.slice(lt, tag.end), html, tag.end))) {
      if (!tag.closing && !tag.selfClosing && !VOID.has(tag.name)) {
        skipName = tag.name;
        skipDepth = 1;
      }
      continue;
    }
    if (tag.name === 'pre') preDepth = Math.max(0, preDepth + (tag.closing ? -1 : 1));
    if (tag.name === 'a' && !tag.closing) tweet.link(html.slice(lt, tag.end));
    if (tag.name === 'br') out.lineBreak();
    else if (BLOCKS.has(tag.name)) tweet.block(tag.name === 'p' && !tag.closing && opensTweetParagraph(html.slice(lt, tag.end)));
    else if (SEPARATORS.has(tag.name)) out.text(' ');
  }
  tweet.block(false);
  return out.finish();
}

/** Elements dropped for what they hold though their name alone does not say: a social media post, a code block. */
function holdsNoProse(name: string, markup: string, html: string, end: number): boolean {
  if (name === 'blockquote') return opensSocialEmbed(markup);
  return name === 'pre' && (CODE_CLASS_RE.test(markup) || CODE_CHILD_RE.test(html.slice(end, end + 80)));
}

interface Tag {
  /** Lower-case element name; null for comments, doctypes, processing instructions. */
  readonly name: string | null;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly end: number;
}

/** Reads the markup starting at `lt`, or null when that `<` is not the start of a tag. */
function readTag(html: string, lt: number): Tag | null {
  const next = html.charCodeAt(lt + 1);
  if (Number.isNaN(next)) return null;
  if (next === 0x21 /* ! */ && html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return { name: null, closing: false, selfClosing: false, end: close < 0 ? html.length : close + 3 };
  }
  if (next === 0x21 || next === 0x3f /* ? */) {
    const close = html.indexOf('>', lt);
    return { name: null, closing: false, selfClosing: false, end: close < 0 ? html.length : close + 1 };
  }
  const closing = next === 0x2f; /* / */
  const start = lt + (closing ? 2 : 1);
  // A name: a letter, then letters, digits, `:`, `_` or `-` (at most 79 characters are looked at).
  if (!isLetter(html.charCodeAt(start))) return null;
  const limit = Math.min(html.length, lt + 80);
  let stop = start + 1;
  while (stop < limit && isNameChar(html.charCodeAt(stop))) stop++;
  const end = findTagEnd(html, stop);
  if (end < 0) return null;
  const raw = html.slice(start, stop);
  const colon = raw.lastIndexOf(':');
  const name = lowerCase(colon < 0 ? raw : raw.slice(colon + 1));
  return { name, closing, selfClosing: html.charCodeAt(end - 2) === 0x2f, end };
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d;
}

/** Index just past the `>` that ends a tag, honouring quoted attribute values; -1 if none. */
function findTagEnd(html: string, from: number): number {
  let quote = 0; // the code of the open quote, 0 outside quotes
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 0x3e /* > */ && html.indexOf(String.fromCharCode(quote), i) < 0) return i + 1; // unbalanced quote
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const prev = html.charCodeAt(i - 1);
      if (prev === 0x3d /* = */ || prev === 0x20 || prev === 0x09 || prev === 0x0a) quote = c;
    } else if (c === 0x3e) return i + 1;
    else if (c === 0x3c /* < */) return -1;
  }
  return -1;
}

/** Decoded text between tags; inside `<pre>` its newlines are line breaks. */
function addText(out: ParagraphBuilder, raw: string, pre: boolean): void {
  let text = decodeEntities(raw);
  // NUL is never text a reader sees.
  if (text.includes('\u0000')) text = text.replace(/\u0000/g, '');
  if (!pre) {
    out.text(text);
    return;
  }
  const lines = text.split(/\r?\n/);
  out.text(lines[0] as string);
  for (let i = 1; i < lines.length; i++) {
    out.lineBreak();
    out.text(lines[i] as string);
  }
}

/** Plain text: blank lines separate paragraphs, single newlines are kept, spaces collapsed. */
function plainText(text: string): string {
  if (!text.includes('\n')) return collapseWhitespace(text);
  return text
    .split(/\r?\n[^\S\n]*(?:\r?\n\s*)+/)
    .map((p) =>
      p
        .split(/\r?\n/)
        .map(collapseWhitespace)
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}
