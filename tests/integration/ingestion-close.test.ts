import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { fetchPageWith, type PageFetcher } from '../../src/fulltext/fetch-page.js';
import { createIngestion } from '../../src/ingestion.js';
import { createSilentLogger } from '../../src/log.js';

// Watched, not replaced: each page fetcher is the real one, its close() recorded as it runs.
vi.mock('../../src/fulltext/fetch-page.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/fulltext/fetch-page.js')>();
  return {
    ...actual,
    fetchPageWith: vi.fn((...args: Parameters<typeof actual.fetchPageWith>) => {
      const page = actual.fetchPageWith(...args);
      return Object.assign(page, { close: vi.fn(page.close) });
    }),
  };
});

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the ingestion, once closed', () => {
  // Its page fetcher only reaches public hosts, so no loopback server can see the connection go:
  // what is checked is that closing the ingestion closes the page fetcher it made.
  it('closes the article-page fetcher it made', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbrief-ingestion-close-'));
    const ingestion = createIngestion(parseConfig({ DATABASE_PATH: join(dir, 'close.db') }), createSilentLogger());
    const pages = vi.mocked(fetchPageWith).mock.results.map((result) => result.value as PageFetcher);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.close).not.toHaveBeenCalled();
    await ingestion.close();
    expect(pages[0]?.close).toHaveBeenCalledTimes(1);
  });
});
