import { describe, expect, it } from 'vitest';
import type { FullText, FullTextExtractor } from '../../src/fulltext/extract.js';
import { createOncePerPageExtractor, PAGE_REUSE_MS } from '../../src/fulltext/once-per-page.js';

const START = Date.UTC(2024, 4, 6, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

/** An extractor that records each URL it is asked for and answers when the test says so. */
function fakeExtractor(answerFor: (url: string) => FullText | null = (url) => ({ text: `text of ${url}`, title: null })) {
  const asked: string[] = [];
  const waiting: Array<() => void> = [];
  let held = false;
  const extractor: FullTextExtractor = {
    extract(url) {
      asked.push(url);
      if (!held) return Promise.resolve(answerFor(url));
      return new Promise((resolve) => waiting.push(() => resolve(answerFor(url))));
    },
  };
  return {
    extractor,
    asked,
    hold: () => { held = true; },
    release: () => { held = false; for (const answer of waiting.splice(0)) answer(); },
  };
}

function clock() {
  let at = START;
  return { now: () => at, advance: (ms: number) => { at += ms; } };
}

describe('createOncePerPageExtractor', () => {
  it('lets concurrent requests for one page share a single fetch, tracking parameters and fragment aside', async () => {
    const inner = fakeExtractor();
    const pages = createOncePerPageExtractor(inner.extractor, { now: clock().now });
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
    const pages = createOncePerPageExtractor(inner.extractor, { now: time.now });
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
    const pages = createOncePerPageExtractor(inner.extractor, { now: time.now });
    expect(await pages.extract('https://news.example/broken')).toBeNull();
    time.advance(HOUR);
    expect(await pages.extract('https://news.example/broken?utm_medium=rss')).toBeNull();
    expect(inner.asked).toEqual(['https://news.example/broken']);
  });

  it('fetches pages that differ in a parameter that is not tracking separately', async () => {
    const inner = fakeExtractor();
    const pages = createOncePerPageExtractor(inner.extractor, { now: clock().now });
    await pages.extract('https://news.example/article?id=1');
    await pages.extract('https://news.example/article?id=2');
    expect(inner.asked).toEqual(['https://news.example/article?id=1', 'https://news.example/article?id=2']);
  });

  it('remembers at most maxEntries pages and forgets the oldest fetched first', async () => {
    const inner = fakeExtractor();
    const time = clock();
    const pages = createOncePerPageExtractor(inner.extractor, { now: time.now, maxEntries: 2 });
    for (const name of ['a', 'b', 'c']) {
      await pages.extract(`https://news.example/${name}`);
      time.advance(1);
    }
    await pages.extract('https://news.example/c');
    expect(inner.asked).toHaveLength(3);
    await pages.extract('https://news.example/a'); // evicted: fetched again, and now b is the oldest
    expect(inner.asked).toHaveLength(4);
    await pages.extract('https://news.example/c');
    expect(inner.asked).toHaveLength(4);
    await pages.extract('https://news.example/b');
    expect(inner.asked).toEqual(['a', 'b', 'c', 'a', 'b'].map((name) => `https://news.example/${name}`));
  });

  it('does not keep a throw from an extractor that breaks its never-throws promise', async () => {
    let calls = 0;
    const flaky: FullTextExtractor = {
      extract: () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve({ text: 'page', title: null })),
    };
    const pages = createOncePerPageExtractor(flaky, { now: clock().now });
    await expect(pages.extract('https://news.example/a')).rejects.toThrow('boom');
    expect(await pages.extract('https://news.example/a')).toEqual({ text: 'page', title: null });
    expect(calls).toBe(2);
  });
});
