import type { Migration } from './index.js';

/**
 * Housekeeping deletes digest claims older than the retention period in batches; without an
 * index on `created_at` each batch would read the whole table (one row per chat and day).
 */
export const DIGEST_RUNS_CREATED: Migration = {
  version: 8,
  name: '008-digest-runs-created',
  sql: `CREATE INDEX digest_runs_created ON digest_runs (created_at);`,
};
