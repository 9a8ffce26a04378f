/**
 * RSS 0.9x / 1.0 (RDF) / 2.0 element tree -> WireFeed. Follows the rules readers agree on:
 * only the channel's own `link` and `title` count (not the image's or textInput's), a
 * permalink guid stands in for a missing link, Dublin Core and Atom elements fill gaps,
 * and elements from unknown namespaces never shadow the RSS ones.
 */
import { bestEnclosure } from './enclosure.js';
import { mediaContentUrl } from './media-rss.js';
import { resolveUrl, type XmlElement, type XmlTree } from './xml-tree.js';
import {
  atomText, childOf, childrenOf, firstText, mediaDescription, rssHtml, textContent, type Family, type Scope, type WireText,
} from './tree-text.js';
import type { WireFeed, WireItem } from './wire.js';

/** Where an item's values are looked for, in order (module constants: read for every item). */
const PUBLISHED: ReadonlyArray<readonly [Family, string]> = [['rss', 'pubDate'], ['dcterms', 'issued'], ['dcterms', 'created'], ['atom', 'published']];
const UPDATED: ReadonlyArray<readonly [Family, string]> = [['dc', 'date'], ['dcterms', 'modified'], ['atom', 'updated']];
const AUTHOR: ReadonlyArray<readonly [Family, string]> = [['rss', 'author'], ['dc', 'creator'], ['itunes', 'author']];
const CONTENT: ReadonlyArray<readonly [Family, string]> = [['content', 'encoded'], ['xhtml', 'body'], ['rss', 'body'], ['rss', 'fullitem']];

const PERIOD_MINUTES: Readonly<Record<string, number>> = {
  hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600,
};

/** Reads an RSS-family document whose root element is `root` (`rss`, `rdf:RDF` or `channel`). */
export function readRss(tree: XmlTree, root: XmlElement): WireFeed {
  const scope: Scope = { tree, defaultFamily: 'rss' };
  const channel = root.local.toLowerCase() === 'channel' ? root : childOf(root, 'rss', 'channel', scope);
  const itemEls = [
    ...(channel && channel !== root ? childrenOf(channel, 'rss', 'item', scope) : []),
    ...childrenOf(root, 'rss', 'item', scope),
  ];
  const ch = channel ?? root;
  return {
    format: 'rss',
    title: rssTitle(ch, scope),
    link: channelLink(ch, scope),
    ttlMinutes: positiveInt(firstText(ch, scope, [['rss', 'ttl']])),
    updatePeriodMinutes: updatePeriod(ch, scope),
    // An item cut off by the end of the document is unreliable (half a title, no link yet).
    items: itemEls.filter((el) => !el.truncated).map((el) => readItem(el, scope)),
  };
}

function rssTitle(el: XmlElement, scope: Scope): WireText | null {
  return (
    rssHtml(childOf(el, 'rss', 'title', scope), scope.tree) ??
    rssHtml(childOf(el, 'dc', 'title', scope), scope.tree) ??
    atomText(childOf(el, 'atom', 'title', scope), scope.tree)
  );
}

function channelLink(ch: XmlElement, scope: Scope): string | null {
  const link = linkOf(ch, scope);
  if (link !== null) return link;
  const about = attrByLocal(ch, 'about');
  return about ? resolveUrl(about, ch.base) : null;
}

/** The element's RSS `<link>` (text or href), else an Atom alternate link, resolved. */
function linkOf(el: XmlElement, scope: Scope): string | null {
  for (const l of childrenOf(el, 'rss', 'link', scope)) {
    const raw = textContent(l).trim() || l.attrs['href']?.trim() || '';
    if (raw !== '') return resolveLink(raw, l.base);
  }
  for (const l of childrenOf(el, 'atom', 'link', scope)) {
    const rel = (l.attrs['rel'] ?? 'alternate').trim();
    const href = l.attrs['href']?.trim();
    if (rel === 'alternate' && href) return resolveLink(href, l.base);
  }
  return null;
}

/** The best http(s) `<enclosure url>`, else Atom `rel="enclosure"` link, else `media:content`, resolved. */
function enclosureOf(el: XmlElement, scope: Scope): string | null {
  const enclosures = childrenOf(el, 'rss', 'enclosure', scope).map((e) => ({ url: e.attrs['url'], base: e.base, type: e.attrs['type'] }));
  return bestEnclosure(enclosures) ?? atomEnclosure(childrenOf(el, 'atom', 'link', scope)) ?? mediaContentUrl(el, scope);
}

/** The best http(s) Atom link with `rel="enclosure"`, resolved (enclosure.ts). */
export function atomEnclosure(links: readonly XmlElement[]): string | null {
  const enclosures = links.filter((l) => (l.attrs['rel'] ?? '').trim().toLowerCase() === 'enclosure');
  return bestEnclosure(enclosures.map((l) => ({ url: l.attrs['href'], base: l.base, type: l.attrs['type'] })));
}

/** Absolute links stay as written; relative ones are resolved against the base in force. */
export function resolveLink(raw: string, base: string | null): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : resolveUrl(raw, base);
}

function readItem(el: XmlElement, scope: Scope): WireItem {
  const { tree } = scope;
  const guidEl = childOf(el, 'rss', 'guid', scope);
  const guidText = guidEl ? textContent(guidEl).trim() : '';
  const permaAttr = guidEl?.attrs['isPermaLink']?.trim().toLowerCase();
  const isPermaLink = permaAttr === undefined ? true : permaAttr === 'true';
  let guid: string | null = guidText || null;
  if (guid !== null && isPermaLink && guid.startsWith('/')) guid = resolveUrl(guid, guidEl?.base ?? null);
  if (guid === null) guid = attrByLocal(el, 'about') ?? firstText(el, scope, [['atom', 'id'], ['dc', 'identifier']]);
  let link = linkOf(el, scope);
  if (link === null && guid !== null && isPermaLink && guidEl && /^https?:\/\//i.test(guid)) link = guid;
  const description = rssHtml(childOf(el, 'rss', 'description', scope), tree);
  const summaryEl = childOf(el, 'rss', 'summary', scope);
  return {
    title: rssTitle(el, scope),
    link,
    enclosure: enclosureOf(el, scope),
    guid,
    guidIsPermaLink: guidEl ? isPermaLink : false,
    published: firstText(el, scope, PUBLISHED),
    updated: firstText(el, scope, UPDATED),
    author: firstText(el, scope, AUTHOR) ?? atomAuthor(el, scope),
    categories: categories(el, scope),
    summary:
      (summaryEl ? rssHtml(summaryEl, tree) : description) ??
      rssHtml(childOf(el, 'dc', 'description', scope), tree) ??
      atomText(childOf(el, 'atom', 'summary', scope), tree) ??
      rssHtml(childOf(el, 'itunes', 'summary', scope), tree) ??
      mediaDescription(el, scope),
    content: contentOf(el, scope) ?? (summaryEl ? description : null),
  };
}

function contentOf(el: XmlElement, scope: Scope): WireText | null {
  for (const [family, local] of CONTENT) {
    const found = rssHtml(childOf(el, family, local, scope), scope.tree);
    if (found) return found;
  }
  return atomText(childOf(el, 'atom', 'content', scope), scope.tree);
}

function atomAuthor(el: XmlElement, scope: Scope): string | null {
  const author = childOf(el, 'atom', 'author', scope);
  if (!author) return null;
  return firstText(author, scope, [['atom', 'name']]) ?? (textContent(author).trim() || null);
}

function categories(el: XmlElement, scope: Scope): string[] {
  const out: string[] = [];
  for (const c of childrenOf(el, 'rss', 'category', scope)) addCategory(out, textContent(c));
  for (const c of childrenOf(el, 'dc', 'subject', scope)) addCategory(out, textContent(c));
  for (const c of childrenOf(el, 'atom', 'category', scope)) {
    addCategory(out, c.attrs['label'] ?? c.attrs['term'] ?? '');
  }
  return out.length < 2 ? out : [...new Set(out)];
}

/** Adds the trimmed `name` to `out` unless it is empty. */
function addCategory(out: string[], name: string): void {
  const trimmed = name.trim();
  if (trimmed !== '') out.push(trimmed);
}

function updatePeriod(ch: XmlElement, scope: Scope): number | null {
  const period = firstText(ch, scope, [['sy', 'updatePeriod']])?.toLowerCase();
  if (period === undefined) return null;
  const minutes = PERIOD_MINUTES[period];
  if (minutes === undefined) return null;
  const frequency = positiveInt(firstText(ch, scope, [['sy', 'updateFrequency']])) ?? 1;
  return Math.max(1, Math.round(minutes / frequency));
}

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\s*\d+\s*$/.test(text)) return null;
  const value = Number.parseInt(text, 10);
  return value > 0 ? value : null;
}

/** An attribute by local name whatever its prefix (`rdf:about`, `about`). */
export function attrByLocal(el: XmlElement, local: string): string | null {
  for (const [key, value] of Object.entries(el.attrs)) {
    if (key === local || key.endsWith(':' + local)) return value.trim() || null;
  }
  return null;
}
