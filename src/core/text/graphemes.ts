/**
 * Cutting text where a reader sees a break between two characters.
 */

/**
 * The longest start of `text` whose `size` (default: UTF-16 units) is at most `max`, ending
 * between two characters as a reader sees them: a plain cut could halve an emoji (leaving a lone
 * surrogate, which is no character: "�" at best), a flag (🇳🇱 as a lone 🇳) or a letter and its
 * accent. `size` measures a piece as it will be shown (escaped as HTML, say); a text's size is
 * the sum of its characters' sizes.
 */
export function graphemesWithin(text: string, max: number, size: (piece: string) => number = (piece) => piece.length): string {
  if (size(text) <= max) return text;
  let end = 0;
  let used = 0;
  // Made here: cutting is rare, and a segmenter costs locale data.
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    used += size(segment);
    if (used > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** What a text cut short ends with. */
export const ELLIPSIS = '…';

/** The kept start of a text cut short, marked so: the spaces and pauses (`,;:–`, `，、；：`) it ended on go, then "…". */
export function markCut(start: string): string {
  return start.replace(/[\s,;:–—\-，、；：]+$/u, '') + ELLIPSIS;
}
