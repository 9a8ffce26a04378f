import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestSettings } from '../../src/core/digest.js';
import type { FeedSpec, StoredBriefing, UiLanguage } from '../../src/core/types.js';
import { renderDigest } from '../../src/telegram/render-digest.js';

const NOW = Date.parse('2025-03-03T06:30:00Z');
const CATALOG: FeedSpec[] = [
  { id: 'a', url: 'https://a.example/rss', title: 'Alpha <News>', language: 'en', topics: ['world'], enabled: true, fullText: 'never', weight: 1 },
];
const briefing = (i: number, headline: string, url = `https://a.example/${i}`): StoredBriefing => ({
  articleId: `id-${i}`, feedId: 'a', url, headline, sentences: ['One & two <b>bold</b> sentence.'], language: 'en', words: 5,
  chars: 30, method: 'lead', publishedAt: NOW - i * 60_000, createdAt: NOW - i * 60_000,
});
const settings = (language: UiLanguage, topN = 8): DigestSettings => ({
  language, timezone: 'Europe/Amsterdam', topics: ['world'], feeds: [], since: NOW - 86_400_000, topN, catalog: CATALOG, quietLine: true,
});
const titles = new Map(CATALOG.map((feed) => [feed.id, feed.title]));

describe('renderDigest', () => {
  it('writes the header date in the chat\'s language', () => {
    const input = [briefing(1, 'A headline')];
    expect(renderDigest(buildDigest(input, settings('en'), NOW)!, titles)[0]).toContain('Monday 3 March');
    expect(renderDigest(buildDigest(input, settings('nl'), NOW)!, titles)[0]).toContain('maandag 3 maart');
    expect(renderDigest(buildDigest(input, settings('de'), NOW)!, titles)[0]).toContain('📰 <b>Deine Übersicht</b> · Montag, 3. März');
    expect(renderDigest(buildDigest(input, settings('fr'), NOW)!, titles)[0]).toContain('📰 <b>Votre sélection</b> · lundi 3 mars');
  });

  it('heads each topic with its name in the chat\'s language, else in English, else its id with a capital', () => {
    const input = [briefing(1, 'A headline')];
    const names = new Map([['world', { nl: 'Wereld', en: 'The <World>' }]]);
    expect(renderDigest(buildDigest(input, settings('nl'), NOW)!, titles, names)[0]).toContain('<b>Wereld</b>\n\n');
    expect(renderDigest(buildDigest(input, settings('de'), NOW)!, titles, names)[0]).toContain('<b>The &lt;World&gt;</b>\n\n');
    expect(renderDigest(buildDigest(input, settings('nl'), NOW)!, titles)[0]).toContain('<b>World</b>\n\n');
  });

  it('escapes everything that came from a feed', () => {
    const [text] = renderDigest(buildDigest([briefing(1, '<script>alert(1)</script> & co', 'javascript:alert(1)')], settings('en'), NOW)!, titles);
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(text).toContain('One &amp; two &lt;b&gt;bold&lt;/b&gt; sentence.');
    expect(text).toContain('Alpha &lt;News&gt;');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('javascript:');
  });

  it('shows where a sentence without a full stop ends, as every briefing does', () => {
    const input = [{ ...briefing(1, 'A headline'), sentences: ['Officials resign, a statement said', 'The agency named a successor.'] }];
    const [text] = renderDigest(buildDigest(input, settings('en'), NOW)!, titles);
    expect(text).toContain('Officials resign, a statement said\nThe agency named a successor.');
  });

  it('closes with how many more stories there were, and that /latest shows the unseen ones, in the chat\'s language', () => {
    const input = Array.from({ length: 5 }, (_, i) => briefing(i, `Story ${'abcdefghij'[i]} ${i}`.repeat(i + 1)));
    // Not "+3 more: /latest": some of them the chat may have had from /latest already, which does not repeat.
    expect(renderDigest(buildDigest(input, settings('en', 2), NOW)!, titles).join('\n')).toMatch(/\+3 more; \/latest shows those you have not seen yet$/);
    expect(renderDigest(buildDigest(input, settings('nl', 2), NOW)!, titles).join('\n')).toMatch(/\+3 meer; \/latest toont wat je nog niet zag$/);
    expect(renderDigest(buildDigest(input, settings('de', 2), NOW)!, titles).join('\n')).toMatch(/\+3 weitere; \/latest zeigt, was du noch nicht gesehen hast$/);
    expect(renderDigest(buildDigest(input, settings('fr', 2), NOW)!, titles).join('\n')).toMatch(/\+3 de plus ; \/latest montre ce que vous n’avez pas encore vu$/);
  });

  it('closes a channel\'s digest with the count alone: its readers cannot send /latest there', () => {
    const input = Array.from({ length: 5 }, (_, i) => briefing(i, `Story ${'abcdefghij'[i]} ${i}`.repeat(i + 1)));
    const closing = (language: UiLanguage, topN: number) => renderDigest(buildDigest(input, settings(language, topN), NOW)!, titles, undefined, { channel: true }).at(-1)?.split('\n\n').at(-1);
    expect(closing('en', 2)).toBe('+3 more stories');
    expect(closing('en', 4)).toBe('+1 more story');
    expect(closing('nl', 2)).toBe('+3 andere berichten');
    expect(closing('nl', 4)).toBe('+1 ander bericht');
    expect(closing('de', 2)).toBe('+3 weitere Meldungen');
    expect(closing('de', 4)).toBe('+1 weitere Meldung');
    expect(closing('fr', 2)).toBe('+3 autres articles');
    expect(closing('fr', 4)).toBe('+1 autre article');
  });

  it('groups the digits of a large count as the chat\'s language does', () => {
    const input = [briefing(1, 'A headline')];
    const last = (language: UiLanguage) => renderDigest({ ...buildDigest(input, settings(language), NOW)!, more: 2460 }, titles).at(-1);
    expect(last('en')).toMatch(/\+2,460 more; /);
    expect(last('nl')).toMatch(/\+2\.460 meer; /);
    expect(last('de')).toMatch(/\+2\.460 weitere; /);
  });

  it('renders a quiet day as one short line under the header', () => {
    const parts = renderDigest(buildDigest([], settings('en'), NOW)!, titles);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain('quiet day');
  });

  it('splits a long digest into messages of at most 4096 UTF-16 units, between stories', () => {
    const long = 'word '.repeat(150);
    const input = Array.from({ length: 40 }, (_, i) => ({ ...briefing(i, `Story ${i} ${'q'.repeat(i)}`), sentences: [long] }));
    const parts = renderDigest(buildDigest(input, settings('en', 40), NOW)!, titles);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(part.split('<b>').length).toBe(part.split('</b>').length);
    }
  });

  it('keeps a story\'s sentences and link when its headline alone is longer than a message (a social post as title)', () => {
    const input = [briefing(1, 'Short one'), { ...briefing(2, `Post: ${'lorem ipsum dolor '.repeat(260)}`), sentences: ['The post goes on.'] }];
    const parts = renderDigest(buildDigest(input, settings('en'), NOW)!, titles);
    const story = parts.find((part) => part.includes('Post: lorem'))!;
    expect(story).toMatch(/ (lorem|ipsum|dolor)…<\/b>\nThe post goes on\.\n— <a href="https:\/\/a\.example\/2">Alpha &lt;News&gt;<\/a>$/);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
  });

  it('never sends the closing "+M more" line as a message of its own', () => {
    const closing = '+3 more; /latest shows those you have not seen yet';
    // Whatever the stories' length, the closing line goes with the last of them.
    for (let pad = 100; pad < 260; pad += 1) {
      const input = Array.from({ length: 12 }, (_, i) => ({ ...briefing(i, `Story ${i}`), sentences: [`${'word '.repeat(70)}${'x'.repeat(i === 0 ? pad : 0)}.`] }));
      const parts = renderDigest(buildDigest(input, settings('en', 9), NOW)!, titles);
      expect(parts.at(-1)!.endsWith(closing)).toBe(true);
      expect(parts.at(-1)).not.toBe(closing);
    }
  });

  it('opens a later message that goes on with a topic\'s stories with its heading, marked as continued in the chat\'s language', () => {
    const long = 'word '.repeat(150);
    const input = Array.from({ length: 40 }, (_, i) => ({ ...briefing(i, `Story ${i}`), sentences: [long] }));
    const names = new Map([['world', { nl: 'Wereld' }]]);
    for (const [language, heading] of [['en', '<b>World (continued)</b>'], ['nl', '<b>Wereld (vervolg)</b>'], ['de', '<b>World (Fortsetzung)</b>']] as const) {
      const parts = renderDigest(buildDigest(input, settings(language, 40), NOW)!, titles, names);
      expect(parts.length).toBeGreaterThan(2);
      expect(parts[0]).not.toContain('(');
      for (const part of parts.slice(1)) {
        expect(part.startsWith(`${heading}\n\n`)).toBe(true);
        expect(part.length).toBeLessThanOrEqual(4096);
      }
    }
  });

  describe('a story several feeds carry', () => {
    const feeds: FeedSpec[] = ['Alpha', 'Beta & Co', 'Gamma', 'Delta', 'Epsilon'].map((title, i) => ({
      id: `f${i}`, url: `https://f${i}.example/rss`, title, language: 'en', topics: ['world'], enabled: true, fullText: 'never', weight: 1,
    }));
    const feedTitles = new Map(feeds.map((feed) => [feed.id, feed.title]));
    // The same headline in each feed, each at its own link; the earlier published, the lower it ranks.
    const copies = (count: number, url = (i: number) => `https://f${i}.example/storm?utm_source=rss`) =>
      Array.from({ length: count }, (_, i): StoredBriefing => ({ ...briefing(i, 'Storm hits the coast', url(i)), feedId: `f${i}`, articleId: `storm-${i}` }));
    const render = (input: StoredBriefing[], language: UiLanguage) =>
      renderDigest(buildDigest(input, { ...settings(language), catalog: feeds }, NOW)!, feedTitles)[0]!;

    it('names the other sources after it, each linked to its own article, in the chat\'s language', () => {
      expect(render(copies(3), 'en')).toContain(
        '<i>(also in <a href="https://f1.example/storm">Beta &amp; Co</a> and <a href="https://f2.example/storm">Gamma</a>)</i>',
      );
      expect(render(copies(2), 'nl')).toContain('<i>(ook bij <a href="https://f1.example/storm">Beta &amp; Co</a>)</i>');
      expect(render(copies(3), 'de')).toContain('<i>(auch bei <a href="https://f1.example/storm">Beta &amp; Co</a> und <a href="https://f2.example/storm">Gamma</a>)</i>');
      expect(render(copies(3), 'fr')).toContain('(aussi dans <a href="https://f1.example/storm">Beta &amp; Co</a> et <a href="https://f2.example/storm">Gamma</a>)');
      expect(render(copies(1), 'en')).not.toContain('also in');
    });

    it('names three and counts the rest', () => {
      const text = render(copies(5), 'en');
      expect(text).toContain('<a href="https://f1.example/storm">Beta &amp; Co</a>, <a href="https://f2.example/storm">Gamma</a>, <a href="https://f3.example/storm">Delta</a> and 1 more)</i>');
      expect(render(copies(5), 'nl')).toContain('Delta</a> en 1 andere)</i>');
    });

    it('names a feed that carries the very same article without a second link to it', () => {
      const text = render(copies(2, () => 'https://shared.example/storm'), 'en');
      expect(text).toContain('<i>(also in Beta &amp; Co)</i>');
    });

    it('names the sources unlinked, else counts them, where links would not fit the story\'s message', () => {
      const long = 'Storm hits the coast ' + 'and more words '.repeat(300);
      const input = copies(3).map((copy) => ({ ...copy, headline: long }));
      const [unlinked] = renderDigest(buildDigest(input, { ...settings('en'), catalog: feeds }, NOW)!, feedTitles);
      expect(unlinked).toContain('<i>(also in Beta &amp; Co and Gamma)</i>');
      expect(unlinked).not.toContain('f1.example');
      const longTitles = new Map(feeds.map((feed) => [feed.id, `${feed.title} ${'Newsroom '.repeat(13)}`]));
      const [counted] = renderDigest(buildDigest(input, { ...settings('en'), catalog: feeds }, NOW)!, longTitles);
      expect(counted).toContain('<i>(also in 2 other sources)</i>');
      for (const text of [unlinked!, counted!]) expect(text.length).toBeLessThanOrEqual(4096);
    });
  });
});
