/**
 * Media RSS (http://search.yahoo.com/mrss/) as an item's enclosure: photo and video feeds
 * (Flickr, YouTube, agencies' picture desks) often give an item nothing but
 * `<media:content url>`, directly or inside `<media:group>`. Read as one more kind of
 * enclosure, it follows the enclosure rules (enclosure.ts): shown only when the item has no
 * page, never its identity, and no item's link when the document's items share it. Elements
 * count by namespace URI, in any of the spellings feeds declare (tree-text.ts), not by prefix.
 */
import { httpEnclosureUrl } from './enclosure.js';
import { childrenOf, type Scope } from './tree-text.js';
import type { XmlElement } from './xml-tree.js';

/**
 * The item's first http(s) `media:content` URL, resolved against the base in force: the
 * item's own first, then each `media:group`'s, the one marked `isDefault="true"` first (the
 * group's several renditions of one object, and that is the one the publisher would show).
 */
export function mediaContentUrl(item: XmlElement, scope: Scope): string | null {
  const direct = firstHttpContent(childrenOf(item, 'media', 'content', scope));
  if (direct !== null) return direct;
  for (const group of childrenOf(item, 'media', 'group', scope)) {
    const contents = childrenOf(group, 'media', 'content', scope);
    const defaults = contents.filter((c) => c.attrs['isDefault']?.trim().toLowerCase() === 'true');
    const url = firstHttpContent(defaults) ?? firstHttpContent(contents);
    if (url !== null) return url;
  }
  return null;
}

function firstHttpContent(contents: readonly XmlElement[]): string | null {
  for (const content of contents) {
    const url = httpEnclosureUrl(content.attrs['url'], content.base);
    if (url !== null) return url;
  }
  return null;
}
