import { FEEDS_AND_ARTICLES } from './001-feeds-and-articles.js';
import { SUBSCRIBERS } from './002-subscribers.js';
import { OUTBOX } from './003-outbox.js';
import { CONTENT_HASH_SHA256 } from './004-content-hash-sha256.js';
import { DROP_UNUSED_ARTICLE_INDEX } from './005-drop-unused-article-index.js';
import { DELIVERY_HORIZON } from './006-delivery-horizon.js';
import { LAST_DELIVERY_AT } from './007-last-delivery-at.js';
import { DIGEST_RUNS_CREATED } from './008-digest-runs-created.js';
import { TEXT_CLEARED_THROUGH } from './009-text-cleared-through.js';
import { ONCE_KEYS } from './010-once-keys.js';
import { INTERFACE_LANGUAGES } from './011-interface-languages.js';
import { DIGEST_RUNS_ZONE } from './012-digest-runs-zone.js';
import { FETCHED_PAGES } from './013-fetched-pages.js';
import { DIGEST_THREAD } from './014-digest-thread.js';
import { INSTANCE_LEASE } from './015-instance-lease.js';
import { SERVED_FEEDS } from './016-served-feeds.js';
import { ARTICLE_LINKS } from './017-article-links.js';
import { FOLLOWING_SINCE } from './018-following-since.js';

/** One versioned step of the schema; `version` is stored in SQLite's `user_version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * The migration drops and recreates a table that other tables reference (SQLite's only way to
   * change a column's constraint). It runs with foreign keys off, as SQLite prescribes, so dropping
   * the old table cannot cascade deletes to the rows that reference it; every reference is checked
   * before it commits.
   */
  readonly rebuildsTables?: boolean;
}

/** Every migration, oldest first. Never edit a released one: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  FEEDS_AND_ARTICLES,
  SUBSCRIBERS,
  OUTBOX,
  CONTENT_HASH_SHA256,
  DROP_UNUSED_ARTICLE_INDEX,
  DELIVERY_HORIZON,
  LAST_DELIVERY_AT,
  DIGEST_RUNS_CREATED,
  TEXT_CLEARED_THROUGH,
  ONCE_KEYS,
  INTERFACE_LANGUAGES,
  DIGEST_RUNS_ZONE,
  FETCHED_PAGES,
  DIGEST_THREAD,
  INSTANCE_LEASE,
  SERVED_FEEDS,
  ARTICLE_LINKS,
  FOLLOWING_SINCE,
];
