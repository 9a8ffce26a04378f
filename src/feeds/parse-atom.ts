/**
 * Atom 1.0 / 0.3 element tree -> WireFeed. The parts a generic XML mapping gets wrong live
 * here: `link` chosen by `rel` (alternate, HTML preferred), every URI resolved against the
 * `xml:base` in force, text constructs by `type`/`mode`, 0.3 dates (`issued`, `modified`).
 */
import { resolveUrl, type XmlElement, type XmlTree } from './xml-tree.js';
import { atomText, childOf, childrenOf, firstText, mediaDescription, textContent, type Family, type Scope } from './tree-text.js';
import { mediaContentUrl } from './media-rss.js';
import { atomEnclosure, attrByLocal, resolveLink } from './parse-rss.js';
import type { WireFeed, WireItem } from './wire.js';

/** Where an entry's dates are looked for, in order (module constants: read for every entry). */
const PUBLISHED: ReadonlyArray<readonly [Family, string]> = [
  ['atom', 'published'], ['atom', 'issued'], ['atom', 'created'], ['dcterms', 'issued'], ['dcterms', 'created'],
];
const UPDATED: ReadonlyArray<readonly [Family, string]> = [['atom', 'updated'], ['atom', 'modified'], ['dc', 'date'], ['dcterms', 'modified']];

/** Reads an Atom document whose root element is `root` (`feed`, any prefix). */
export function readAtom(tree: XmlTree, root: XmlElement): WireFeed {
  const scope: Scope = { tree, defaultFamily: 'atom' };
  return {
    format: 'atom',
    title: atomText(childOf(root, 'atom', 'title', scope), tree),
    link: alternateLink(root, scope),
    ttlMinutes: null,
    updatePeriodMinutes: null,
    // An entry cut off by the end of the document is unreliable (half a title, no link yet).
    items: childrenOf(root, 'atom', 'entry', scope).filter((el) => !el.truncated).map((entry) => readEntry(entry, scope)),
  };
}

/** The `rel="alternate"` link (HTML first), else the first link without a rel. */
function alternateLink(el: XmlElement, scope: Scope): string | null {
  const links = childrenOf(el, 'atom', 'link', scope).filter((l) => (l.attrs['href'] ?? '').trim() !== '');
  const alternates = links.filter((l) => (l.attrs['rel'] ?? 'alternate').trim().toLowerCase() === 'alternate');
  const html = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html'));
  const chosen = html ?? alternates[0];
  return chosen ? resolveLink((chosen.attrs['href'] as string).trim(), chosen.base) : null;
}

function readEntry(el: XmlElement, scope: Scope): WireItem {
  const { tree } = scope;
  const idEl = childOf(el, 'atom', 'id', scope);
  let guid = idEl ? textContent(idEl).trim() || null : null;
  if (guid !== null && guid.startsWith('/')) guid = resolveUrl(guid, idEl?.base ?? null);
  const contentEl = childOf(el, 'atom', 'content', scope);
  return {
    title: atomText(childOf(el, 'atom', 'title', scope), tree),
    link: alternateLink(el, scope),
    enclosure: atomEnclosure(childrenOf(el, 'atom', 'link', scope)) ?? mediaContentUrl(el, scope),
    guid: guid ?? attrByLocal(el, 'about'),
    guidIsPermaLink: false,
    published: firstText(el, scope, PUBLISHED),
    updated: firstText(el, scope, UPDATED),
    author: author(el, scope),
    categories: categories(el, scope),
    summary: atomText(childOf(el, 'atom', 'summary', scope), tree) ?? mediaDescription(el, scope),
    content: contentEl && !contentEl.attrs['src'] ? atomText(contentEl, tree) : null,
  };
}

function author(el: XmlElement, scope: Scope): string | null {
  for (const a of [...childrenOf(el, 'atom', 'author', scope), ...childrenOf(el, 'atom', 'contributor', scope)]) {
    const name = firstText(a, scope, [['atom', 'name']]) ?? firstText(a, scope, [['atom', 'email']]);
    if (name) return name;
    const text = textContent(a).trim();
    if (text) return text;
  }
  return firstText(el, scope, [['dc', 'creator']]);
}

function categories(el: XmlElement, scope: Scope): string[] {
  const out: string[] = [];
  for (const c of childrenOf(el, 'atom', 'category', scope)) {
    const term = (c.attrs['label'] ?? c.attrs['term'] ?? textContent(c)).trim();
    if (term !== '') out.push(term);
  }
  for (const c of childrenOf(el, 'dc', 'subject', scope)) {
    const text = textContent(c).trim();
    if (text !== '') out.push(text);
  }
  return [...new Set(out)];
}
