import { parseHTML } from 'linkedom';

/**
 * How much of an HTML fragment's text is the text of links, from 0 to 1 (whitespace aside): near
 * 1 for a list of headlines, low for an article, whose links are a word or a phrase in a sentence.
 * 0 for a fragment with no text.
 */
export function linkShare(fragment: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const all = visibleLength(document.body.textContent);
  if (all === 0) return 0;
  // Links inside links are not valid HTML; a parser hoists them, so none is counted twice.
  const linked = [...document.querySelectorAll('a')].reduce((sum, link) => sum + visibleLength(link.textContent), 0);
  return Math.min(1, linked / all);
}

function visibleLength(text: string | null | undefined): number {
  return (text ?? '').replace(/\s+/g, '').length;
}
