import type { Migration } from './index.js';

/** Schema for subscribers, their subscriptions and what each chat received. */
export const SUBSCRIBERS: Migration = {
  version: 2,
  name: '002-subscribers',
  sql: `
    SELECT 1;
  `,
};
