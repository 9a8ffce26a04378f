import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FeedSpec } from '../../src/core/types.js';
import { createFeedCatalog } from '../../src/feed-catalog.js';
import { loadFeedsDocument } from '../../src/feeds-file.js';
import { NO_TOPIC_NAMES } from '../../src/core/topic-names.js';
import { createLogger, createSilentLogger } from '../../src/log.js';

const A = { id: 'a', url: 'https://feeds.example/a', language: 'en', topics: ['world'] };
const B = { id: 'b', url: 'https://feeds.example/b', language: 'nl', topics: ['tech'] };

describe('the feed catalog, reloaded from feeds.json', () => {
  let path: string;
  let lines: Record<string, unknown>[];
  let polled: string[][];

  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'nb-catalog-')), 'feeds.json');
    writeFileSync(path, JSON.stringify([A]));
    lines = [];
    polled = [];
  });

  const open = () => {
    const logger = createLogger('info', [], { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    return createFeedCatalog({ path, initial: loadFeedsDocument(path), logger, onNewFeeds: (feeds: readonly FeedSpec[]) => void polled.push(feeds.map((feed) => feed.id)) });
  };

  it('serves the new list after a reload and hands the added and changed enabled feeds over for polling', () => {
    const catalog = open();
    writeFileSync(path, JSON.stringify([{ ...A, url: 'https://moved.example/a' }, B, { ...B, id: 'c', enabled: false }]));
    const result = catalog.reload('SIGHUP');
    expect(result).toEqual({ ok: true, change: { added: ['b', 'c'], removed: [], renamedFeeds: [], changed: ['a'], renamedTopics: [], enabled: 2 }, warnings: [] });
    expect(catalog.current().map((feed) => feed.id)).toEqual(['a', 'b', 'c']);
    expect(polled).toEqual([['a', 'b']]);
    expect(lines.at(-1)).toMatchObject({ msg: 'feeds.json reloaded', trigger: 'SIGHUP', added: ['b', 'c'], changed: ['a'] });
  });

  it('still names a topic that left the file by the names the file before gave it, until a feed carries it again', () => {
    writeFileSync(path, JSON.stringify({ feeds: [A, B], topicNames: { world: { nl: 'Wereld' }, tech: { nl: 'Techniek' } } }));
    const catalog = open();
    writeFileSync(path, JSON.stringify({ feeds: [B] }));
    expect(catalog.reload('SIGHUP')).toMatchObject({ ok: true, change: { removed: ['a'] } });
    expect(catalog.topicNames().get('world')).toEqual({ nl: 'Wereld' });
    expect(catalog.topicNames().has('tech')).toBe(false);
    writeFileSync(path, JSON.stringify({ feeds: [B] }));
    catalog.reload('SIGHUP');
    expect(catalog.topicNames().get('world')).toEqual({ nl: 'Wereld' });
    writeFileSync(path, JSON.stringify({ feeds: [A, B] }));
    catalog.reload('SIGHUP');
    expect(catalog.topicNames().has('world')).toBe(false);
  });

  it('serves new topic names after a reload, polls nothing for them, and keeps them when the file does not validate', () => {
    writeFileSync(path, JSON.stringify({ feeds: [A], topicNames: { world: { nl: 'Wereld' } } }));
    const catalog = open();
    writeFileSync(path, JSON.stringify({ feeds: [A], topicNames: { world: { nl: 'Buitenland', de: 'Welt' } } }));
    expect(catalog.reload('/reload')).toMatchObject({ ok: true, change: { added: [], changed: [], renamedTopics: ['world'] } });
    expect(catalog.topicNames().get('world')).toEqual({ nl: 'Buitenland', de: 'Welt' });
    expect(lines.at(-1)).toMatchObject({ msg: 'feeds.json reloaded', renamedTopics: ['world'] });
    writeFileSync(path, JSON.stringify({ feeds: [A], topicNames: { wereld: { nl: 'Wereld' } } }));
    expect(catalog.reload('/reload')).toMatchObject({ ok: false, error: expect.stringContaining('topicNames.wereld: no feed has the topic "wereld"') });
    expect(catalog.topicNames().get('world')).toEqual({ nl: 'Buitenland', de: 'Welt' });
    expect(polled).toEqual([]);
  });

  it('warns after a reload, as at the start, when two feeds share a URL or nothing is left to poll', () => {
    const catalog = open();
    writeFileSync(path, JSON.stringify([A, { ...A, id: 'a-copy', topics: ['tech'] }]));
    const copied = catalog.reload('SIGHUP');
    const sameUrl = `${path}: feed "a-copy" has the same URL as "a" (https://feeds.example/a): its stories are stored and offered twice; list the feed once, with all its topics`;
    expect(copied).toMatchObject({ ok: true, warnings: [sameUrl.slice(path.length + 2)] });
    expect(lines.filter((line) => line.level === 40)).toEqual([expect.objectContaining({ msg: sameUrl, trigger: 'SIGHUP', feeds_file: path })]);

    writeFileSync(path, JSON.stringify({ feeds: [] }));
    const emptied = catalog.reload('/reload');
    expect(emptied).toMatchObject({ ok: true, change: { removed: ['a', 'a-copy'], enabled: 0 }, warnings: [expect.stringContaining('no feeds to poll: it lists no feeds')] });
    expect(lines.at(-1)).toMatchObject({ level: 40, msg: `${path}: no feeds to poll: it lists no feeds; nothing is fetched or briefed until you add or enable one` });

    writeFileSync(path, JSON.stringify([A]));
    expect(catalog.reload('SIGHUP')).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps the list it had when the file does not validate, and logs every located problem', () => {
    const catalog = open();
    writeFileSync(path, '[{"id": "a", "url": "feeds.example/a", "language": "xx", "topics": ["world"]}]');
    const result = catalog.reload('SIGHUP');
    expect(result.ok).toBe(false);
    expect(catalog.current().map((feed) => feed.url)).toEqual(['https://feeds.example/a']);
    const logged = lines.at(-1) as { msg: string; err: string; feeds: number };
    expect(logged.msg).toBe('feeds.json not reloaded: still serving the feeds loaded before');
    expect(logged.err).toContain(path);
    expect(logged.err).toContain('[0].url: not an absolute http(s) URL');
    expect(logged.err).toContain('[0].language: unknown language');
    expect(logged.feeds).toBe(1);
    expect(polled).toEqual([]);
  });

  it('keeps the list when the file is gone, and polls nothing when nothing changed', () => {
    const catalog = open();
    expect(catalog.reload('/reload')).toMatchObject({ ok: true, change: { added: [], removed: [], changed: [] } });
    expect(lines.at(-1)).toMatchObject({ msg: 'feeds.json reloaded: nothing changed' });
    const moved = `${path}.gone`;
    const gone = createFeedCatalog({ path: moved, initial: { feeds: catalog.current(), topicNames: NO_TOPIC_NAMES }, logger: createSilentLogger() });
    expect(gone.reload('SIGHUP')).toMatchObject({ ok: false, kept: 1 });
    expect(gone.current()).toBe(catalog.current());
    expect(polled).toEqual([]);
  });
});
