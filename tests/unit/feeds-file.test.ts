import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEverything } from '../../src/cli/check.js';
import { ConfigError, loadFeedsDocument, loadFeedsFile, parseFeedsDocument, readFeedsDocument, warnNothingToPoll, warnSameUrls } from '../../src/feeds-file.js';

const feed = (overrides: Record<string, unknown> = {}) => ({
  id: 'nos', url: 'https://feeds.nos.nl/nosnieuwsalgemeen', language: 'nl', topics: ['netherlands'], ...overrides,
});

function problemsOf(text: string): string[] {
  try {
    parseFeedsDocument(text, 'feeds.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('parseFeedsDocument', () => {
  it('accepts an object with feeds and fills in defaults', () => {
    const [spec] = parseFeedsDocument(JSON.stringify({ feeds: [feed({ interval: '2h' })] }), 'feeds.json');
    expect(spec).toEqual({
      id: 'nos', title: 'nos', url: 'https://feeds.nos.nl/nosnieuwsalgemeen', language: 'nl', topics: ['netherlands'],
      intervalMinutes: 120, enabled: true, fullText: 'auto', weight: 1,
    });
  });

  it('accepts a bare array', () => {
    expect(parseFeedsDocument(JSON.stringify([feed(), feed({ id: 'bbc', language: 'EN' })]), 'f.json')[1]?.language).toBe('en');
  });

  it('locates every problem by path', () => {
    const problems = problemsOf(JSON.stringify({
      feeds: [feed(), feed({ id: 'b' }), feed({ id: 'c' }), feed({ id: 'd', url: '/relative/rss' }), feed({ id: 'e', language: 'xx', topics: [] })],
    }));
    expect(problems).toContain('feeds[3].url: not an absolute http(s) URL (got "/relative/rss")');
    expect(problems.some((p) => p.startsWith('feeds[4].language: unknown language') && p.endsWith('(got "xx")'))).toBe(true);
    expect(problems).toContain('feeds[4].topics: needs at least one topic');
    expect(problemsOf(JSON.stringify([feed({ language: 'nl-BE' })]))).toEqual(['[0].language: unknown language; use an ISO 639-1 code such as "nl", "en", "de" or "fr" (got "nl-BE")']);
  });

  it('rejects duplicate ids, naming both places', () => {
    expect(problemsOf(JSON.stringify({ feeds: [feed(), feed({ id: 'x' }), feed()] }))).toEqual([
      'feeds[2].id: duplicate id "nos" (also at feeds[0])',
    ]);
  });

  it("says what to write for a value of the wrong type, in our words rather than zod's", () => {
    expect(problemsOf(JSON.stringify([feed({ topics: 'world', id: 5, url: 7, language: 1, title: '' })]))).toEqual([
      '[0].id: must be lower-case letters, digits, - or _ (at most 64) (got 5)',
      '[0].title: must not be empty (got "")',
      '[0].url: not an absolute http(s) URL (got 7)',
      '[0].language: must be an ISO 639-1 code in quotes, such as "nl" (got 1)',
      '[0].topics: must be a list such as ["world"] (got "world")',
    ]);
    const aFeed = '{ "id": "nos", "url": "https://…", "language": "nl", "topics": ["news"] }';
    expect(problemsOf(JSON.stringify({ feeds: {} }))).toEqual([`feeds: must be a list of feeds, such as [${aFeed}]`]);
    expect(problemsOf(JSON.stringify([5]))).toEqual([`[0]: must be a feed such as ${aFeed} (got 5)`]);
    expect(problemsOf('"feeds"')).toEqual([`must be { "feeds": [...] } or a list of feeds, such as [${aFeed}] (got "feeds")`]);
    expect(problemsOf(JSON.stringify({ feeds: [feed({ title: 3, topics: [5] })] })).join('\n')).not.toMatch(/Invalid input|expected|Too (small|big)/);
  });

  it('trims spaces around a URL, which the file shows no sign of and the URL cannot mean', () => {
    const [spec] = parseFeedsDocument(JSON.stringify([feed({ url: '  https://feeds.example/rss\t\n' })]), 'feeds.json');
    expect(spec?.url).toBe('https://feeds.example/rss');
    expect(warnSameUrls(parseFeedsDocument(JSON.stringify([feed(), feed({ id: 'b', url: ` ${feed().url} ` })]), 'feeds.json'))).toHaveLength(1);
  });

  it('lists duplicate ids with the other problems, in the order of the feeds', () => {
    expect(problemsOf(JSON.stringify({ feeds: [feed(), feed({ url: 'ftp://x' }), feed({ id: 'b', topics: [] })] }))).toEqual([
      'feeds[1].url: not an absolute http(s) URL (got "ftp://x")',
      'feeds[1].id: duplicate id "nos" (also at feeds[0])',
      'feeds[2].topics: needs at least one topic',
    ]);
  });

  it('accepts intervals from 1 minute to 24 hours, as numbers or durations', () => {
    const minutes = (interval: unknown) => parseFeedsDocument(JSON.stringify([feed({ interval })]), 'f.json')[0]?.intervalMinutes;
    expect([minutes(1), minutes('1m'), minutes('90 min'), minutes('24h'), minutes(1440), minutes('1440m')]).toEqual([1, 1, 90, 1440, 1440, 1440]);
  });

  it('rejects a zero interval and durations beyond 24 hours', () => {
    const hint = 'must be whole minutes from 1 to 1440, or a duration such as "30m" or "2h"';
    expect(problemsOf(JSON.stringify([feed({ interval: '0m' })]))).toEqual([`[0].interval: ${hint} (got "0m")`]);
    expect(problemsOf(JSON.stringify([feed({ interval: 0.5 })]))).toEqual([`[0].interval: ${hint} (got 0.5)`]);
    expect(problemsOf(JSON.stringify([feed({ interval: 0 })]))).toEqual([`[0].interval: ${hint} (got 0)`]);
    expect(problemsOf(JSON.stringify([feed({ interval: '00h' })]))).toHaveLength(1);
    expect(problemsOf(JSON.stringify([feed({ interval: '99h' })]))).toEqual(['[0].interval: must be at most 24 hours (1440 minutes) (got "99h")']);
    expect(problemsOf(JSON.stringify([feed({ interval: '1441m' })]))).toEqual(['[0].interval: must be at most 24 hours (1440 minutes) (got "1441m")']);
    expect(problemsOf(JSON.stringify([feed({ interval: '25h' })]))).toHaveLength(1);
  });

  it('says in words what enabled, fullText and weight accept', () => {
    expect(problemsOf(JSON.stringify([feed({ enabled: 'no', fullText: 'sometimes', weight: 'x' })]))).toEqual([
      '[0].enabled: must be true or false (got "no")',
      '[0].fullText: must be "auto", "always" or "never" (got "sometimes")',
      '[0].weight: must be a number from 0 to 10 (got "x")',
    ]);
    expect(problemsOf(JSON.stringify([feed({ weight: 11 })]))).toEqual(['[0].weight: must be a number from 0 to 10 (got 11)']);
    expect(problemsOf(JSON.stringify([feed({ weight: -1 })]))).toEqual(['[0].weight: must be a number from 0 to 10 (got -1)']);
  });

  it('says which characters a topic may hold, since "wörld" and "us_politics" are lower-case too', () => {
    const hint = 'topics are a-z, digits and - (at most 32 characters), e.g. "world" or "us-politics"';
    expect(problemsOf(JSON.stringify({ feeds: [feed({ topics: ['wörld', 'us_politics', 'us-politics'] })] }))).toEqual([
      `feeds[0].topics[0]: ${hint} (got "wörld")`,
      `feeds[0].topics[1]: ${hint} (got "us_politics")`,
    ]);
  });

  it('rejects unknown fields instead of ignoring typos', () => {
    expect(problemsOf(JSON.stringify({ feeds: [feed({ intervall: 5 })] }))).toEqual(['feeds[0]: unknown field "intervall" (did you mean "interval"?)']);
  });

  it('names the field a typo most likely meant, in a feed and in the document, and guesses nothing far-fetched', () => {
    expect(problemsOf(JSON.stringify({ feeds: [feed({ fulltext: 'never', colour: 'red' })], topicnames: {} }))).toEqual([
      'unknown field "topicnames" (did you mean "topicNames"?)',
      'feeds[0]: unknown field "fulltext" (did you mean "fullText"?), "colour"',
    ]);
    expect(problemsOf(JSON.stringify([feed({ titel: 'NOS' })]))).toEqual(['[0]: unknown field "titel" (did you mean "title"?)']);
  });

  it('points at malformed JSON by line and column', () => {
    const [problem] = problemsOf('{\n  "feeds": [\n    { "id": "a" "url": "x" }\n  ]\n}');
    expect(problem).toMatch(/^malformed JSON at line 3, column 17/);
  });

  it('points at a trailing comma too, in one line, though JSON.parse gives it no position', () => {
    const text = '{\n  "feeds": [\n    { "id": "a", "topics": ["world"] },\n  ]\n}\n';
    expect(problemsOf(text)).toEqual(["malformed JSON at line 3, column 39: a comma with nothing after it before ']' (JSON allows no trailing comma)"]);
    expect(problemsOf('\uFEFF[{ "enabled": tru }]')).toEqual([
      "malformed JSON at line 1, column 15: unexpected 'tru' (a value is a string in double quotes, a number, an object, an array, true, false or null)",
    ]);
  });

  it('warns about an enabled feed whose URL another has already, since its stories would be offered twice', () => {
    const feeds = parseFeedsDocument(JSON.stringify([
      feed({ id: 'nos' }),
      feed({ id: 'nos-copy', url: 'https://FEEDS.nos.nl:443/nosnieuwsalgemeen?utm_source=x#top' }),
      feed({ id: 'nos-off', enabled: false }),
      feed({ id: 'other', url: 'https://feeds.nos.nl/nosnieuwsbinnenland' }),
    ]), 'feeds.json');
    expect(warnSameUrls(feeds)).toEqual([
      'feed "nos-copy" has the same URL as "nos" (https://FEEDS.nos.nl:443/nosnieuwsalgemeen?utm_source=x#top): its stories are stored and offered twice; list the feed once, with all its topics',
    ]);
  });

  it('newsbrief check shows that warning beside the file it passed, not as a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-feeds-'));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify([feed({ id: 'nos' }), feed({ id: 'nos-copy' })]));
    const lines = checkEverything({ FEEDS_FILE: join(dir, 'feeds.json'), DATA_DIR: dir });
    expect(lines.filter((line) => line.problem)).toEqual([]);
    expect(lines.map((line) => line.text)).toContain(`${join(dir, 'feeds.json')}: warning: feed "nos-copy" has the same URL as "nos" (https://feeds.nos.nl/nosnieuwsalgemeen): its stories are stored and offered twice; list the feed once, with all its topics`);
  });

  it('newsbrief check still reads feeds.json when only the database path is wrong, and lists its problems too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-feeds-'));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ feeds: [feed({ id: 'nos' }), feed({ id: 'nos' })] }));
    const problems = checkEverything({ FEEDS_FILE: join(dir, 'feeds.json'), DATA_DIR: '~/newsbrief' }).filter((line) => line.problem).map((line) => line.text);
    expect(problems).toEqual([
      'environment: DATA_DIR: starts with ~, which only a shell expands; write the full path (got "~/newsbrief")',
      `${join(dir, 'feeds.json')}: feeds[1].id: duplicate id "nos" (also at feeds[0])`,
    ]);
  });

  it('warns when the list leaves nothing to poll: no feeds, or none enabled', () => {
    const off = (id: string) => parseFeedsDocument(JSON.stringify([feed({ id, enabled: false })]), 'feeds.json')[0]!;
    expect(warnNothingToPoll(parseFeedsDocument('{"feeds": []}', 'feeds.json'))).toBe('no feeds to poll: it lists no feeds; nothing is fetched or briefed until you add or enable one');
    expect(warnNothingToPoll(parseFeedsDocument('[]', 'feeds.json'))).toMatch(/^no feeds to poll: it lists no feeds/);
    expect(warnNothingToPoll([off('a')])).toMatch(/^no feeds to poll: its only feed is "enabled": false;/);
    expect(warnNothingToPoll([off('a'), off('b')])).toMatch(/^no feeds to poll: all 2 of its feeds are "enabled": false;/);
    expect(warnNothingToPoll([off('a'), ...parseFeedsDocument(JSON.stringify([feed({ id: 'b' })]), 'feeds.json')])).toBeNull();
  });

  it('names a missing file, or a folder given for it, and how to fix it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-feeds-'));
    expect(() => loadFeedsFile(join(dir, 'missing.json'))).toThrow(/missing\.json: file not found/);
    expect(() => loadFeedsFile(dir)).toThrow(`${dir}: is a folder, not a file (set FEEDS_FILE to the feeds.json inside it)`);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify([feed()]));
    expect(loadFeedsFile(join(dir, 'ok.json'))).toHaveLength(1);
  });

  it('refuses a file saved in another encoding than UTF-8, where its accents would reach readers as �', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-feeds-'));
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(`[\n  ${JSON.stringify(feed({ title: 'Actualités' }))}\n]`, 'latin1'));
    expect(() => loadFeedsFile(latin1)).toThrow(`${latin1}: not UTF-8 text at line 2, column 120 (saved as Latin-1 or Windows-1252?); save the file as UTF-8`);
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.from(`\uFEFF${JSON.stringify([feed()])}`, 'utf16le'));
    expect(() => loadFeedsFile(utf16)).toThrow(`${utf16}: not UTF-8 text but UTF-16 (an editor's "Unicode"); save the file as UTF-8`);
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${JSON.stringify([feed({ title: 'Économie' })])}`);
    expect(loadFeedsFile(bom)[0]?.title).toBe('Économie');
  });
});

describe('topicNames', () => {
  const doc = (topicNames: unknown, feeds = [feed({ topics: ['world', 'tech'] }), feed({ id: 'bbc', topics: ['economy'] })]) => JSON.stringify({ feeds, topicNames });

  it('reads what readers call each topic, per language, trimmed', () => {
    const { topicNames } = readFeedsDocument(doc({ world: { nl: ' Wereld ', de: 'Welt' }, economy: { fr: 'Économie' } }), 'feeds.json');
    expect([...topicNames]).toEqual([['world', { nl: 'Wereld', de: 'Welt' }], ['economy', { fr: 'Économie' }]]);
    expect(readFeedsDocument(doc(undefined), 'feeds.json').topicNames.size).toBe(0);
    expect(readFeedsDocument(JSON.stringify([feed()]), 'feeds.json').topicNames.size).toBe(0);
  });

  it('names the place and the value of every problem', () => {
    expect(problemsOf(doc({
      wereld: { nl: 'Wereld' },
      World: { nl: 'Wereld' },
      world: { nl: 'Wereld', xx: 'Mundo', EN: 'World', de: '  ', fr: 'Monde, Terre', es: 3, it: 'M'.repeat(41) },
      tech: 'Tech',
    }))).toEqual([
      'topicNames.World: not a topic id: topics are a-z, digits and - (at most 32 characters), e.g. "world" or "us-politics" (got "World")',
      'topicNames.world.xx: unknown language code; use an ISO 639-1 code such as "nl", "en", "de" or "fr" (got "xx")',
      'topicNames.world.EN: unknown language code; use an ISO 639-1 code such as "nl", "en", "de" or "fr" (got "EN")',
      'topicNames.world.de: a topic name cannot be empty (got "")',
      'topicNames.world.fr: a topic name cannot hold a comma, which separates topics in /subscribe (got "Monde, Terre")',
      'topicNames.world.es: must be a name in quotes, e.g. "World" (got 3)',
      `topicNames.world.it: a topic name has at most 40 characters (got "${'M'.repeat(41)}")`,
      'topicNames.tech: must be names by language code, e.g. { "nl": "Wereld", "en": "World" } (got "Tech")',
      'topicNames.wereld: no feed has the topic "wereld"',
    ]);
  });

  it('refuses a name that would point at two topics, in one language or across languages', () => {
    expect(problemsOf(doc({ world: { nl: 'Wereld', de: 'Welt' }, economy: { nl: 'wereld', fr: 'WELT', en: 'Tech' } }))).toEqual([
      'topicNames.economy.nl: "wereld" is also the name of the topic "world" (topicNames.world.nl)',
      'topicNames.economy.fr: "WELT" is also the name of the topic "world" (topicNames.world.de)',
      'topicNames.economy.en: "Tech" is the id of the topic "tech"',
    ]);
    expect(() => readFeedsDocument(doc({ economy: { nl: 'Economie', fr: 'Économie', en: 'Economy' } }), 'feeds.json')).not.toThrow();
  });

  it('lists its problems after those of the feeds, all at once', () => {
    expect(problemsOf(doc({ wereld: { nl: 'Wereld' } }, [feed({ topics: ['world'], url: '/rss' })]))).toEqual([
      'feeds[0].url: not an absolute http(s) URL (got "/rss")',
      'topicNames.wereld: no feed has the topic "wereld"',
    ]);
  });

  it('is only read in the object form: a bare array has no place for it', () => {
    expect(problemsOf(JSON.stringify([{ ...feed(), topicNames: {} }]))).toEqual(['[0]: unknown field "topicNames"']);
  });
});

describe('the shipped feeds.json', () => {
  it('is valid and covers Dutch, English, German and French', () => {
    const feeds = loadFeedsFile('feeds.json');
    expect(new Set(feeds.map((f) => f.language))).toEqual(new Set(['nl', 'en', 'de', 'fr']));
  });

  it('names every topic in Dutch, English, German and French', () => {
    const { feeds, topicNames } = loadFeedsDocument('feeds.json');
    for (const topic of new Set(feeds.flatMap((f) => f.topics))) {
      expect(Object.keys(topicNames.get(topic) ?? {}).sort(), topic).toEqual(['de', 'en', 'fr', 'nl']);
    }
    expect(topicNames.get('world')).toEqual({ nl: 'Wereld', en: 'World', de: 'Welt', fr: 'Monde' });
  });
});

describe('docs/feeds.schema.json', () => {
  it('is the schema generated from the validator (run `npx tsx scripts/feeds-schema.ts` after changing it)', async () => {
    const { renderFeedsJsonSchema } = await import('../../src/feeds-json-schema.js');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync('docs/feeds.schema.json', 'utf8')).toBe(renderFeedsJsonSchema());
  });
});
