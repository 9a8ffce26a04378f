/**
 * DOM-level clean-up of a whole article page before Readability: share bars, "related" and
 * "read also" blocks, newsletter and cookie boxes, bylines, captions, comments. Readability
 * drops much of this by itself; these are the leftovers news sites are known for.
 */

const SELECTORS = [
  'script', 'style', 'noscript', 'iframe', 'form', 'button', 'svg', 'figure', 'figcaption', 'aside', 'nav', 'footer',
  '[aria-hidden="true"]', '[hidden]',
].join(',');

const NOISE_RE =
  /(?:^|[\s_-])(?:share|sharing|social|related|recommend|read-?(?:also|more)|lees-?ook|newsletter|subscribe|cookie|consent|byline|author|caption|credit|comments?|advert|ad-?slot|promo|tags?|breadcrumb|paywall)(?:$|[\s_-])/iu;

/** Minimal structural view of a DOM element (linkedom and browsers both fit). */
interface ElementLike {
  readonly className?: unknown;
  readonly id?: unknown;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** Removes boilerplate elements from `document` in place. */
export function removePageBoilerplate(document: { querySelectorAll(selector: string): Iterable<ElementLike> }): void {
  for (const el of [...document.querySelectorAll(SELECTORS)]) el.remove();
  for (const el of [...document.querySelectorAll('[class],[id],[role]')]) {
    const label = `${String(el.getAttribute('class') ?? '')} ${String(el.getAttribute('id') ?? '')}`;
    const role = el.getAttribute('role');
    if (NOISE_RE.test(label) || role === 'complementary' || role === 'navigation') el.remove();
  }
}
