import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestNow } from '../../src/jobs/digest-now.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { FIXED_NOW, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { SEED_CATALOG, seedBriefings } from '../helpers/delivery-seed.js';

let h: Harness;
let nextUser = 7501;
const reader = (language_code: string) => ({ id: nextUser++, first_name: 'Noor', language_code });

beforeAll(async () => {
  h = await startHarness({
    deps: {
      feeds: () => SEED_CATALOG,
      digestNow: (chat, now) => createDigestNow({ articles: createSqliteArticleRepository(h.db), subscribers: createSqliteSubscriberRepository(h.db), catalog: SEED_CATALOG, options: { topN: 8 } })(chat, now),
    },
  });
  seedBriefings(h.db, FIXED_NOW, 4);
});
afterAll(async () => h.close());

describe('/digest does what its help says', () => {
  it('keeps its stories from /latest, while another /digest shows them again', async () => {
    const user = reader('en');
    await say(h, user, '/subscribe world tech');
    const [first] = await say(h, user, '/digest');
    expect(first!.text).toContain('Your digest');
    expect((await say(h, user, '/latest'))[0]!.text).toBe('Nothing new since you last looked.');
    // The daily digest has not gone out, so the window is the same: the same stories again.
    const [second] = await say(h, user, '/digest');
    expect(second!.text).toBe(first!.text);
  });

  it.each([
    ['en', '/latest will not offer them again; another /digest, or the daily digest, may show them again'],
    ['nl', '/latest biedt ze daarna niet meer aan; een volgende /digest of het dagelijkse overzicht kan ze wel opnieuw tonen'],
    ['de', '/latest bietet sie danach nicht mehr an; ein weiteres /digest oder die tägliche Übersicht kann sie aber noch einmal zeigen'],
    ['fr', '/latest ne vous les proposera plus ; un nouveau /digest ou la sélection quotidienne peut toutefois les montrer de nouveau'],
  ])('%s: its help says /latest will not offer its stories again, not that they are received for good', async (language, says) => {
    const [help] = await say(h, reader(language), '/help digest');
    expect(help!.text).toContain(says);
  });
});
