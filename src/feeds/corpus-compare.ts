/**
 * Text-equivalence for corpus expectations. The expected values are feedparser's output,
 * which keeps HTML markup; our articles keep plain text beside the markup. Two values are
 * equivalent when they read the same once tags are stripped, entities decoded and whitespace
 * collapsed; URLs also when they are the same URL after parsing.
 */
import { decodeEntities } from '../core/text/html-to-text.js';

const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|pre|hr)\b[^>]*>/gi;

/** Tags stripped (block tags as a space), entities decoded, whitespace collapsed. */
function normaliseForCompare(value: string): string {
  return decodeEntities(value.replace(BLOCK_TAG, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function canonicalUrl(value: string): string {
  try {
    return new URL(value.trim()).href;
  } catch {
    return value.trim();
  }
}

/**
 * True when our value reads the same as feedparser's `expected`: plain text is compared with
 * whitespace collapsed (its `<` is a character, not a tag), markup after stripping tags, URLs
 * also as parsed URLs. A missing value equals an expectation whose text is empty.
 */
export function compareLenient(expected: string, actual: string | null, kind: 'text' | 'markup' | 'url'): boolean {
  const want = normaliseForCompare(expected);
  if (actual === null) return kind !== 'url' && want === '';
  if (kind === 'url') return canonicalUrl(expected) === canonicalUrl(actual) || want === normaliseForCompare(actual);
  if (kind === 'text') return want === actual.replace(/\s+/g, ' ').trim();
  return want === normaliseForCompare(actual);
}
