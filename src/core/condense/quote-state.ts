import { closesSingleQuote, opensSingleQuote } from './single-quotes.js';
import type { SentenceSpan } from './split-sentences.js';

/**
 * Which sentences begin inside a quotation opened in an earlier sentence of the same paragraph:
 * `"I had a 30-foot fall. And there's cars in the water. The whole bridge is down."` is one
 * person's words over three sentences, and the second and third carry no speaker. Straight
 * double quotes toggle; curly ones open and close by the language's style (German „…“,
 * elsewhere „…”, “…”, ,,…''); guillemets go either way («…» or »…«), the first one opens. Single
 * quotes ('…', ‘…’) count where they cannot be apostrophes (see single-quotes.ts).
 * The state is reset at each paragraph, so a stray mark costs at most the rest of its paragraph.
 */

const STYLES: Record<string, { open: string; close: string }> = {
  de: { open: '„', close: '“' },
  other: { open: '„“', close: '”' },
};
const GUILLEMETS = '«»';
const QUOTE_MARK_RE = /["„“”«»'‘’]|,,/u;

/** The quotations open at a point of a text, read mark by mark. */
export class QuoteState {
  private readonly german: boolean;
  private readonly style: { open: string; close: string };
  private straight = false;
  private depth = 0;
  private guillemet = '';
  private inGuillemets = 0;
  private single = false;

  constructor(language: string) {
    this.german = language === 'de';
    this.style = STYLES[this.german ? 'de' : 'other'] as { open: string; close: string };
  }

  /** How many quotations are open (0 outside any). */
  get open(): number {
    return (this.straight ? 1 : 0) + this.depth + this.inGuillemets + (this.single ? 1 : 0);
  }

  /** Forget every open quotation (a new paragraph). */
  reset(): void {
    this.straight = false;
    this.depth = 0;
    this.inGuillemets = 0;
    this.single = false;
  }

  /** Reads `text` on from the current state; returns the fewest quotations open at any point of it. */
  read(text: string): number {
    let fewest = this.open;
    if (!QUOTE_MARK_RE.test(text)) return fewest;
    for (let k = 0; k < text.length; k++) {
      let ch = text[k] as string;
      if ((ch === ',' || ch === "'") && text[k + 1] === ch) {
        ch = ch === ',' ? '„' : '”';
        k++;
      }
      if (ch === '"') this.straight = !this.straight;
      else if (GUILLEMETS.includes(ch)) {
        if (this.inGuillemets === 0) this.guillemet = ch;
        this.inGuillemets += ch === this.guillemet ? 1 : -1;
      } else if (this.single && closesSingleQuote(text, k)) this.single = false;
      else if (!this.single && (ch !== '‘' || !this.german) && opensSingleQuote(text, k)) this.single = true;
      else if (this.style.open.includes(ch)) this.depth++;
      else if (this.style.close.includes(ch)) this.depth = Math.max(0, this.depth - 1);
      fewest = Math.min(fewest, this.open);
    }
    return fewest;
  }
}

/** One flag per span: true when the span starts inside an open quotation. */
export function startsInsideQuote(spans: readonly SentenceSpan[], language: string): boolean[] {
  const state = new QuoteState(language);
  const out: boolean[] = [];
  let paragraph = -1;
  for (const span of spans) {
    if (span.paragraph !== paragraph) {
      paragraph = span.paragraph;
      state.reset();
    }
    out.push(state.open > 0);
    state.read(span.text);
  }
  return out;
}
