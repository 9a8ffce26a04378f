import type { CondenseMethod } from '../../core/types.js';
import type { ArticleRecord, ArticleUpsert, BriefingRecord } from '../article-repository.js';

/** An `articles` row as better-sqlite3 returns it. */
export interface ArticleRow {
  seq: number;
  feed_id: string;
  id: string;
  guid: string | null;
  url: string | null;
  title: string;
  published_at: number;
  first_seen_at: number;
  updated_at: number;
  content_hash: string;
  author: string | null;
  categories: string;
  summary: string;
  content: string;
  summary_html: string | null;
  content_html: string | null;
  /** The link as stories are compared (linkOf, migration 017). */
  link: string | null;
}

/** A `briefings` row joined with the article columns a reader needs. */
export interface BriefingRow {
  article_seq: number;
  headline: string;
  sentences: string;
  language: string;
  words: number;
  chars: number;
  method: string | null;
  created_at: number;
  feed_id: string;
  id: string;
  url: string | null;
  title: string;
  published_at: number;
}

/** Columns selected by every briefing query (alias `b` for briefings, `a` for articles). */
export const BRIEFING_COLUMNS = `b.article_seq, b.headline, b.sentences, b.language, b.words, b.chars,
  b.method, b.created_at, a.feed_id, a.id, a.url, a.title, a.published_at`;

/** Named parameters of the article insert/update statements. */
export type ArticleParams = Omit<ArticleRow, 'seq'>;

export function fromArticleRow(row: ArticleRow): ArticleRecord {
  return {
    seq: row.seq,
    id: row.id,
    feedId: row.feed_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    contentHash: row.content_hash,
    author: row.author,
    categories: parseStringArray(row.categories),
    summary: row.summary,
    content: row.content,
    summaryHtml: row.summary_html,
    contentHtml: row.content_html,
  };
}

/** The parameters for storing `article`; `publishedAt` falls back to `fallbackPublishedAt`. */
export function toArticleParams(feedId: string, article: ArticleUpsert, seenAt: number, firstSeenAt: number, fallbackPublishedAt: number): ArticleParams {
  const published = article.publishedAt;
  return {
    feed_id: feedId,
    id: article.id,
    guid: article.guid,
    url: article.url,
    title: article.title,
    published_at: Math.round(published !== null && Number.isFinite(published) ? published : fallbackPublishedAt),
    first_seen_at: Math.round(firstSeenAt),
    updated_at: Math.round(seenAt),
    content_hash: article.contentHash,
    author: article.author,
    categories: JSON.stringify(article.categories),
    summary: article.summary,
    content: article.content,
    summary_html: article.summaryHtml,
    content_html: article.contentHtml,
    link: article.link,
  };
}

/** The columns of ArticleValues, in order. */
export const ARTICLE_VALUE_COLUMNS =
  'feed_id, id, guid, url, title, published_at, first_seen_at, updated_at, content_hash, author, categories, summary, content, summary_html, content_html, link';

/** A new article's column values in ARTICLE_VALUE_COLUMNS order (positional binding is cheaper than named). */
export type ArticleValues = [
  feedId: string, id: string, guid: string | null, url: string | null, title: string,
  publishedAt: number, firstSeenAt: number, updatedAt: number, contentHash: string, author: string | null,
  categories: string, summary: string, content: string, summaryHtml: string | null, contentHtml: string | null,
  link: string | null,
];

/** The values for inserting `article` first seen at `seenAt` (also its published time when it has none). */
export function toArticleValues(feedId: string, article: ArticleUpsert, seenAt: number): ArticleValues {
  const published = article.publishedAt;
  const seen = Math.round(seenAt);
  return [
    feedId, article.id, article.guid, article.url, article.title,
    published !== null && Number.isFinite(published) ? Math.round(published) : seen, seen, seen,
    article.contentHash, article.author, JSON.stringify(article.categories),
    article.summary, article.content, article.summaryHtml, article.contentHtml, article.link,
  ];
}

export function fromBriefingRow(row: BriefingRow): BriefingRecord {
  return {
    articleSeq: row.article_seq,
    articleId: row.id,
    feedId: row.feed_id,
    url: row.url,
    title: row.title,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    headline: row.headline,
    sentences: parseStringArray(row.sentences),
    language: row.language,
    words: row.words,
    chars: row.chars,
    method: (row.method ?? 'title-only') as CondenseMethod,
  };
}

function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
