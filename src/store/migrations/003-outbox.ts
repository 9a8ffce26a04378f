import type { Migration } from './index.js';

/** Schema for the outbox of outgoing messages and digest runs. */
export const OUTBOX: Migration = {
  version: 3,
  name: '003-outbox',
  sql: `
    SELECT 1;
  `,
};
