import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/core/condense/index.js';
import type { Article, FeedSpec } from '../../src/core/types.js';
import { createFetcher, DEFAULT_FETCHER_OPTIONS } from '../../src/feeds/fetch.js';
import { createFullTextExtractor } from '../../src/fulltext/extract.js';
import { fetchPageWith } from '../../src/fulltext/fetch-page.js';
import { createSummarizer } from '../../src/jobs/summarize-article.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const PAGE = readFileSync('tests/fixtures/condense/article-page.html', 'utf8');
const TEASER = 'De gemeenteraad van Zwolle stemt in met een nieuwe brug.';

const feed = (fullText: FeedSpec['fullText']): FeedSpec => ({
  id: 'zwolle', url: 'http://127.0.0.1/feed', title: 'Zwolle', language: 'nl', topics: ['netherlands'], enabled: true, fullText, weight: 1,
});

const article = (url: string): Article => ({
  id: 'guid:1', feedId: 'zwolle', guid: '1', url, title: 'Raad stemt in met brug over Zwarte Water', publishedAt: 0,
  author: null, categories: [], summary: TEASER, content: '', summaryHtml: null, contentHtml: null,
});

describe('createSummarizer', () => {
  let server: FeedServer;
  let summarize: ReturnType<typeof createSummarizer>;

  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/artikel', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE });
    server.route('/kapot', { status: 500, body: 'oops' });
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 2_000 });
    summarize = createSummarizer({ budget: DEFAULT_BUDGET, fullText: createFullTextExtractor({ fetchPage: fetchPageWith(fetcher, { allowPrivateHosts: true }) }) });
  });
  afterAll(() => server.close());

  it('condenses the full page when the feed carries only a teaser', async () => {
    const briefing = await summarize(article(server.url('/artikel')), feed('auto'));
    expect(server.hits('/artikel')).toBe(1);
    expect(briefing.sentences.join(' ')).toContain('48 miljoen euro');
    expect(briefing.sentences.join(' ')).not.toMatch(/Lees ook/);
    expect(briefing.language).toBe('nl');
  });

  it('falls back to the teaser when the page fails', async () => {
    const briefing = await summarize(article(server.url('/kapot')), feed('auto'));
    expect(server.hits('/kapot')).toBe(1);
    expect(briefing.sentences).toEqual([TEASER]);
  });

  it('keeps the teaser when the article link redirects to a login wall, however much text the wall holds', async () => {
    const wall = `<!doctype html><html><head><title>Inloggen | De Krant</title></head><body><main><h1>Log in om verder te lezen</h1>
      <p>Dit artikel is alleen voor abonnees. Log in met je account om verder te lezen, of neem vandaag nog een abonnement voor onbeperkt toegang tot al onze journalistiek.</p>
      <form><label>E-mailadres</label><input name="email"><label>Wachtwoord</label><input type="password"><button>Inloggen</button></form>
      <p>Nog geen abonnee? De eerste maand kost maar 1 euro en je kunt op elk moment opzeggen. Al abonnee op de papieren krant? Activeer dan gratis je digitale toegang met je klantnummer.</p></main></body></html>`;
    server.route('/achter-slot', { status: 302, headers: { location: '/account/login?return=%2Fachter-slot' } });
    server.route('/account/login', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: wall });
    server.route('/kort', { status: 301, headers: { location: '/artikel' } });
    server.resetCounts();
    const briefing = await summarize(article(server.url('/achter-slot')), feed('auto'));
    expect(server.hits('/account/login')).toBe(1);
    expect(briefing.sentences).toEqual([TEASER]);
    // A redirect to the article itself still brings its full text.
    const full = await summarize(article(server.url('/kort')), feed('auto'));
    expect(full.sentences.join(' ')).toContain('48 miljoen euro');
  });

  it('refuses a loopback article link by default: the page is never hit and the teaser is condensed', async () => {
    server.resetCounts();
    const fetcher = createFetcher({ ...DEFAULT_FETCHER_OPTIONS, jitterMs: 0, timeoutMs: 2_000 });
    const guarded = createSummarizer({ budget: DEFAULT_BUDGET, fullText: createFullTextExtractor({ fetchPage: fetchPageWith(fetcher) }) });
    const briefing = await guarded(article(server.url('/artikel')), feed('auto'));
    expect(server.hits('/artikel')).toBe(0);
    expect(briefing.sentences).toEqual([TEASER]);
  });

  it('does not take the feed\'s standing text for an article: a teaser plus the channel\'s blurb still fetches the page', async () => {
    const blurb = 'Over deze zender: wij brengen elke dag het nieuws uit de regio. Onze verslaggevers zijn overal in Overijssel. Volg ons ook op de radio en op televisie.';
    const teasers = [TEASER, 'Het waterschap versterkt de dijk bij Hasselt.', 'De bibliotheek in Kampen gaat op zondag open.'];
    const withBlurb = (n: number, url: string): Article => ({ ...article(url), id: `guid:${n}`, summary: `${teasers[n] ?? ''}\n\n${blurb}` });
    const siblings = [0, 1, 2].map((n) => withBlurb(n, server.url('/artikel')));
    server.resetCounts();
    const alone = await summarize(siblings[0] as Article, feed('auto'));
    expect(server.hits('/artikel')).toBe(0);
    expect(alone.sentences.join(' ')).toContain('verslaggevers');
    const briefing = await summarize(siblings[0] as Article, feed('auto'), siblings);
    expect(server.hits('/artikel')).toBe(1);
    expect(briefing.sentences.join(' ')).toContain('48 miljoen euro');
  });

  it('leaves out a standing sentence the feed glued into each item\'s own paragraph', async () => {
    const promo = 'Begin je dag goed met het nieuws, het weer en het verkeer uit de regio.';
    const teasers = [TEASER, 'Het waterschap versterkt de dijk bij Hasselt.', 'De bibliotheek in Kampen gaat op zondag open.'];
    const siblings = teasers.map((teaser, n): Article => ({ ...article(server.url('/artikel')), id: `guid:${n}`, summary: `${teaser} ${promo}` }));
    const alone = await summarize(siblings[0] as Article, feed('never'));
    expect(alone.sentences).toContain(promo);
    const briefing = await summarize(siblings[0] as Article, feed('never'), siblings);
    expect(briefing.sentences).toEqual([TEASER]);
  });

  it('never fetches the page for a feed set to fullText "never"', async () => {
    server.resetCounts();
    const briefing = await summarize(article(server.url('/artikel')), feed('never'));
    expect(server.hits('/artikel')).toBe(0);
    expect(briefing.sentences).toEqual([TEASER]);
  });
});
