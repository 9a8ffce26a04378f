/**
 * Posts from social networks embedded in an article: a tweet, an Instagram or TikTok post, a
 * Bluesky, Mastodon, Threads or Reddit post. Their words are someone else's, out of the article's
 * order and often not a sentence, so a briefing never uses them. The embed code marks them: a
 * blockquote with the network's class. Feeds that strip the class still leave the tweet's own
 * paragraph, `<p lang=".." dir="..">`, with its t.co links and `pic.twitter.com/…`; feeds that
 * strip all markup leave those links and the signature "— Name (@handle) December 7, 2026".
 */

import type { ParagraphBuilder } from './paragraphs.js';

const EMBED_CLASS_RE =
  /\sclass\s*=\s*["']?[^"'>]*?(?<![\w-])(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|text-post-media|reddit-embed-bq)(?![\w-])/iu;
// The paragraph of Twitter's embed code carries both a language and a direction.
const TWEET_PARAGRAPH_RE = /^<p(?=[^>]*\slang\s*=)(?=[^>]*\sdir\s*=)/iu;
const TWEET_LINK_RE = /\shref\s*=\s*["']?https?:\/\/t\.co\/|twsrc%5Etfw/iu;
const TWEET_PICTURE = 'pic.twitter.com/';
// A line that is a post or its credit: with a tweet's links, ending in a tweet's signature, or
// Instagram's "A post shared by …" in the languages it writes it in.
const POST_LINE_RE = new RegExp(
  [
    String.raw`pic\.twitter\.com\/|https?:\/\/t\.co\/`,
    String.raw`(?:^|\s)(?:[—–]|-\s)\s*[^—–()]{1,80}\(@\w{1,30}\)[^()]{0,40}$`,
    String.raw`^(?:a post shared by|een bericht gedeeld door|ein beitrag geteilt von|une publication partagée par|view this post on instagram|bekijk dit bericht op instagram|diesen beitrag auf instagram ansehen|voir cette publication sur instagram)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

/** Whether `tag` (the markup `<blockquote …>`) opens the embed of a social media post. */
export function opensSocialEmbed(tag: string): boolean {
  return EMBED_CLASS_RE.test(tag);
}

/** Whether `tag` (the markup of a `<p …>`) has the form of a tweet's paragraph. */
export function opensTweetParagraph(tag: string): boolean {
  return TWEET_PARAGRAPH_RE.test(tag);
}

/** Whether a line of plain text is (the rest of) a social media post rather than the article's. */
export function isSocialPostLine(line: string): boolean {
  return POST_LINE_RE.test(line);
}

/**
 * Follows a paragraph shaped like a tweet's through htmlToText to its end, where it is dropped
 * if a link only a tweet has (to t.co, from the embed code, pic.twitter.com/) showed in it, also
 * the part before a `<br><br>`.
 */
export class TweetWatch {
  private mark = -1;
  private shown = false;

  constructor(private readonly out: ParagraphBuilder) {}

  /** A block boundary: ends the paragraph being watched; `tweetShaped`: the next one is to be. */
  block(tweetShaped: boolean): void {
    if (this.mark >= 0 && this.shown) this.out.rollback(this.mark);
    this.out.paragraphBreak();
    this.mark = tweetShaped ? this.out.mark() : -1;
    this.shown = false;
  }

  /** Text of the paragraph, passed through. */
  text(raw: string): string {
    if (this.mark >= 0 && !this.shown) this.shown = raw.includes(TWEET_PICTURE);
    return raw;
  }

  /** The markup of an `<a>` in the paragraph. */
  link(markup: string): void {
    if (this.mark >= 0 && !this.shown) this.shown = TWEET_LINK_RE.test(markup);
  }
}
