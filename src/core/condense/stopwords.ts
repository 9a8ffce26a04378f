import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

/**
 * Stopwords per language from stopwords-iso (a maintained list), as lower-case sets. They keep
 * function words out of similarity and headline overlap. An unknown or absent language gets an
 * empty set: scoring then still works, just with every word counted.
 */

const LISTS = stopwordsIso as unknown as Record<string, readonly string[] | undefined>;
const cache = new Map<string, ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();

/** The stopword set of an ISO 639-1 language code (empty when the language is unknown). */
export function stopwordsFor(language: string | null | undefined): ReadonlySet<string> {
  if (!language) return EMPTY;
  const key = language.toLowerCase();
  let set = cache.get(key);
  if (!set) {
    const list = LISTS[key];
    set = list ? new Set(list.map((w) => w.toLowerCase())) : EMPTY;
    cache.set(key, set);
  }
  return set;
}
