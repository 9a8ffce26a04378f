import type { SentenceSpan } from './split-sentences.js';

/**
 * Which sentences begin inside a quotation opened in an earlier sentence of the same paragraph:
 * `"I had a 30-foot fall. And there's cars in the water. The whole bridge is down."` is one
 * person's words over three sentences, and the second and third carry no speaker. Straight
 * double quotes toggle; curly ones open and close by the language's style (German „…“,
 * elsewhere „…”, “…”, ,,…''); guillemets go either way («…» or »…«), the first one opens. Single quotes are left out: they double as apostrophes.
 * The state is reset at each paragraph, so a stray mark costs at most the rest of its paragraph.
 */

const STYLES: Record<string, { open: string; close: string }> = {
  de: { open: '„', close: '“' },
  other: { open: '„“', close: '”' },
};
const GUILLEMETS = '«»';
const QUOTE_MARK_RE = /["„“”«»]|,,|''/u;

/** One flag per span: true when the span starts inside an open quotation. */
export function startsInsideQuote(spans: readonly SentenceSpan[], language: string): boolean[] {
  const style = STYLES[language === 'de' ? 'de' : 'other'] as { open: string; close: string };
  const out: boolean[] = [];
  let paragraph = -1;
  let straight = false;
  let depth = 0;
  let guillemet = '';
  let inGuillemets = 0;
  for (const span of spans) {
    if (span.paragraph !== paragraph) {
      paragraph = span.paragraph;
      straight = false;
      depth = 0;
      inGuillemets = 0;
    }
    out.push(straight || depth > 0 || inGuillemets > 0);
    const text = span.text;
    if (!QUOTE_MARK_RE.test(text)) continue;
    for (let k = 0; k < text.length; k++) {
      let ch = text[k] as string;
      if ((ch === ',' || ch === "'") && text[k + 1] === ch) {
        ch = ch === ',' ? '„' : '”';
        k++;
      }
      if (ch === '"') straight = !straight;
      else if (GUILLEMETS.includes(ch)) {
        if (inGuillemets === 0) guillemet = ch;
        inGuillemets += ch === guillemet ? 1 : -1;
      } else if (style.open.includes(ch)) depth++;
      else if (style.close.includes(ch)) depth = Math.max(0, depth - 1);
    }
  }
  return out;
}
