/**
 * The feed as read from the wire, before normalisation: format-neutral but not yet cleaned
 * (HTML still markup, dates still strings, links already absolute). Stays inside src/feeds.
 */
import type { WireText } from './tree-text.js';

export type { WireText };

/** One item or entry as the document states it. */
export interface WireItem {
  readonly title: WireText | null;
  readonly link: string | null;
  /**
   * The first http(s) enclosure (RSS `<enclosure url>`, Atom `rel="enclosure"`, Media RSS
   * `media:content`, a JSON Feed attachment), resolved: the link of an item without one (see
   * enclosure.ts).
   */
  readonly enclosure: string | null;
  readonly guid: string | null;
  /** RSS `isPermaLink`; true when absent, as RSS 2.0 says. */
  readonly guidIsPermaLink: boolean;
  readonly published: string | null;
  readonly updated: string | null;
  readonly author: string | null;
  readonly categories: readonly string[];
  readonly summary: WireText | null;
  readonly content: WireText | null;
}

/** A whole document as the document states it. */
export interface WireFeed {
  readonly format: 'rss' | 'atom' | 'json';
  readonly title: WireText | null;
  readonly link: string | null;
  readonly ttlMinutes: number | null;
  readonly updatePeriodMinutes: number | null;
  readonly items: readonly WireItem[];
}
