import { describe, expect, it } from 'vitest';
import type { FullText, PageReader, PageReading } from '../../src/fulltext/extract.js';
import { createOncePerPageExtractor, PAGE_REUSE_MS } from '../../src/fulltext/once-per-page.js';
import type { PageRepository, RememberedPage } from '../../src/store/page-repository.js';

const START = Date.UTC(2024, 4, 6, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

/**
 * A page reader that records each URL it is asked for and answers when the test says so; a null
 * answer is worth retrying when `passing` says the failure passes (a timeout, a 503).
 */
function fakeExtractor(answerFor: (url: string) => FullText | null = (url) => ({ text: `text of ${url}`, title: null }), passing: (url: string) => boolean = () => false) {
  const asked: string[] = [];
  const waiting: Array<() => void> = [];
  let held = false;
  const reading = (url: string): PageReading => {
    const page = answerFor(url);
    return { page, worthRetrying: page === null && passing(url) };
  };
  const extractor: Pick<PageReader, 'read'> = {
    read(url) {
      asked.push(url);
      if (!held) return Promise.resolve(reading(url));
      return new Promise((resolve) => waiting.push(() => resolve(reading(url))));
    },
  };
  return {
    extractor,
    asked,
    hold: () => { held = true; },
    release: () => { held = false; for (const answer of waiting.splice(0)) answer(); },
  };
}

/**
 * A PageRepository in a Map, as the SQLite one behaves; `failing` makes every call throw, as a
 * busy or closed database would.
 */
function fakePages() {
  const rows = new Map<string, RememberedPage>();
  const state = { failing: false };
  const pages: PageRepository = {
    recall(key, fetchedAfter) {
      if (state.failing) throw new Error('SQLITE_BUSY: database is locked');
      const row = rows.get(key);
      return row !== undefined && row.fetchedAt > fetchedAfter ? row : null;
    },
    remember(key, fetchedAt, answer) {
      if (state.failing) throw new Error('SQLITE_BUSY: database is locked');
      rows.set(key, { fetchedAt, answer });
    },
    forgetPagesBefore: () => 0,
  };
  return { pages, rows, state };
}

function clock() {
  let at = START;
  return { now: () => at, advance: (ms: number) => { at += ms; } };
}

describe('createOncePerPageExtractor', () => {
  it('lets concurrent requests for one page share a single fetch, tracking parameters and fragment aside', async () => {
    const inner = fakeExtractor();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: fakePages().pages, now: clock().now });
    inner.hold();
    const first = pages.extract('https://news.example/a?id=7&utm_source=home');
    const second = pages.extract('https://NEWS.example:443/a?utm_source=politics&id=7#top');
    inner.release();
    const [a, b] = await Promise.all([first, second]);
    expect(inner.asked).toEqual(['https://news.example/a?id=7&utm_source=home']);
    expect(b).toEqual(a);
    expect(a?.text).toBe('text of https://news.example/a?id=7&utm_source=home');
  });

  it('reuses a page fetched earlier within a day, and fetches it again after that', async () => {
    const inner = fakeExtractor();
    const time = clock();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: fakePages().pages, now: time.now });
    await pages.extract('https://news.example/a');
    time.advance(PAGE_REUSE_MS - HOUR);
    expect((await pages.extract('https://news.example/a'))?.text).toBe('text of https://news.example/a');
    expect(inner.asked).toHaveLength(1);
    time.advance(HOUR);
    await pages.extract('https://news.example/a');
    expect(inner.asked).toHaveLength(2);
  });

  it('reuses a failed page\'s null, so the second feed keeps its teaser without asking the site again', async () => {
    const inner = fakeExtractor(() => null);
    const time = clock();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: fakePages().pages, now: time.now });
    expect(await pages.extract('https://news.example/broken')).toBeNull();
    time.advance(HOUR);
    expect(await pages.extract('https://news.example/broken?utm_medium=rss')).toBeNull();
    expect(inner.asked).toEqual(['https://news.example/broken']);
  });

  it('does not keep a failure that passes (a timeout, a 503): the next copy asks the site again, and keeps what it gets', async () => {
    let down = true;
    const inner = fakeExtractor((url) => (down ? null : { text: `text of ${url}`, title: null }), () => down);
    const store = fakePages();
    const time = clock();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: store.pages, now: time.now });
    expect(await pages.extract('https://news.example/slow')).toBeNull();
    expect(store.rows.size).toBe(0);
    down = false;
    time.advance(HOUR);
    expect((await pages.extract('https://news.example/slow'))?.text).toBe('text of https://news.example/slow');
    expect(await pages.extract('https://news.example/slow')).not.toBeNull();
    expect(inner.asked).toEqual(['https://news.example/slow', 'https://news.example/slow']);
  });

  it('fetches pages that differ in a parameter that is not tracking separately', async () => {
    const inner = fakeExtractor();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: fakePages().pages, now: clock().now });
    await pages.extract('https://news.example/article?id=1');
    await pages.extract('https://news.example/article?id=2');
    expect(inner.asked).toEqual(['https://news.example/article?id=1', 'https://news.example/article?id=2']);
  });

  it('does not keep a throw from an extractor that breaks its never-throws promise', async () => {
    let calls = 0;
    const flaky: Pick<PageReader, 'read'> = {
      read: () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve({ page: { text: 'page', title: null }, worthRetrying: false })),
    };
    const pages = createOncePerPageExtractor(flaky, { pages: fakePages().pages, now: clock().now });
    await expect(pages.extract('https://news.example/a')).rejects.toThrow('boom');
    expect(await pages.extract('https://news.example/a')).toEqual({ text: 'page', title: null });
    expect(calls).toBe(2);
  });

  it('takes the answer another instance (a restart, a separate poll) remembered within a day, and fetches again after that', async () => {
    const store = fakePages();
    const time = clock();
    const first = fakeExtractor();
    await createOncePerPageExtractor(first.extractor, { pages: store.pages, now: time.now }).extract('https://news.example/a?utm_source=home');
    time.advance(PAGE_REUSE_MS - HOUR);
    const second = fakeExtractor(() => ({ text: 'not asked', title: null }));
    const restarted = createOncePerPageExtractor(second.extractor, { pages: store.pages, now: time.now });
    expect(await restarted.extract('https://news.example/a?utm_source=politics')).toEqual({ text: 'text of https://news.example/a?utm_source=home', title: null });
    expect(second.asked).toEqual([]);
    time.advance(HOUR);
    expect(await restarted.extract('https://news.example/a')).toEqual({ text: 'not asked', title: null });
    expect(second.asked).toEqual(['https://news.example/a']);
    expect(store.rows.get('https://news.example/a')).toEqual({ fetchedAt: time.now(), answer: { text: 'not asked', title: null } });
  });

  it('remembers a failed page as failed in the repository, so another instance keeps its teaser too', async () => {
    const store = fakePages();
    const time = clock();
    await createOncePerPageExtractor(fakeExtractor(() => null).extractor, { pages: store.pages, now: time.now }).extract('https://news.example/broken');
    time.advance(HOUR);
    const second = fakeExtractor();
    expect(await createOncePerPageExtractor(second.extractor, { pages: store.pages, now: time.now }).extract('https://news.example/broken')).toBeNull();
    expect(second.asked).toEqual([]);
  });

  it('fetches the page and answers as without a repository when the repository fails', async () => {
    const store = fakePages();
    store.state.failing = true;
    const inner = fakeExtractor();
    const pages = createOncePerPageExtractor(inner.extractor, { pages: store.pages, now: clock().now });
    inner.hold();
    const copies = [pages.extract('https://news.example/a'), pages.extract('https://news.example/a?utm_medium=rss')];
    inner.release();
    for (const answer of await Promise.all(copies)) expect(answer).toEqual({ text: 'text of https://news.example/a', title: null });
    // Copies in flight together still share the fetch.
    expect(inner.asked).toEqual(['https://news.example/a']);
  });
});
