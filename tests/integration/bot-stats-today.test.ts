import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxStats } from '../../src/jobs/outbox-stats.js';
import type { OutboxRepository } from '../../src/store/outbox-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { ADMIN_ID, say, startHarness, type Harness } from '../helpers/bot-harness.js';

/** Monday 5 January 2026, 23:30 UTC: still the 5th in Los Angeles (15:30), already the 6th in Amsterdam (00:30). */
const LATE = Date.UTC(2026, 0, 5, 23, 30);
const ADMIN = { id: ADMIN_ID, first_name: 'Root', language_code: 'en' };

let h: Harness;
let outbox: OutboxRepository | undefined;
beforeAll(async () => {
  h = await startHarness({ deps: { now: () => LATE, outboxStats: (now, timezone) => outboxStats(outbox!, now, timezone) } });
  outbox = createSqliteOutboxRepository(h.db);
  // Two digests sent on the 5th by Los Angeles' clock: at 12:00 there (21:00 in Amsterdam, the 5th) and at 15:15 (00:15 in Amsterdam, the 6th).
  for (const [index, at] of [Date.UTC(2026, 0, 5, 20, 0), Date.UTC(2026, 0, 5, 23, 15)].entries()) {
    outbox.enqueue([{ key: `digest:${index}`, chatId: 500 + index, kind: 'digest', priority: 0, payload: { text: 'digest' } }], at - 60_000);
    const [message] = outbox.nextDue(at, 1, new Set());
    outbox.markSending(message!.id, at);
    outbox.markSent(message!.id, 1, at);
  }
});
afterAll(async () => h.close());

describe('/stats "sent today"', () => {
  it('counts from midnight in the asking chat\'s own zone, and names that zone', async () => {
    await say(h, ADMIN, '/timezone America/Los_Angeles');
    expect((await say(h, ADMIN, '/stats'))[0]!.text).toContain('2 sent today (America/Los_Angeles)');
    await say(h, ADMIN, '/timezone Europe/Amsterdam');
    expect((await say(h, ADMIN, '/stats'))[0]!.text).toContain('1 sent today (Europe/Amsterdam)');
  });
});
