import type { Migration } from './index.js';

/**
 * How far housekeeping has cleared article text, as an article seq: each run goes on from there
 * instead of reading every article again to find the ones that still hold text. Zero at first,
 * so the first run walks once over what earlier versions cleared.
 */
export const TEXT_CLEARED_THROUGH: Migration = {
  version: 9,
  name: '009-text-cleared-through',
  sql: `
    CREATE TABLE text_cleared_through (
      id  INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL
    );
    INSERT INTO text_cleared_through (id, seq) VALUES (1, 0);
  `,
};
