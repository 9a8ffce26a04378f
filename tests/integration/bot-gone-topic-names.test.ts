import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedCatalog, type FeedCatalog } from '../../src/feed-catalog.js';
import { loadFeedsDocument } from '../../src/feeds-file.js';
import { goneNotice } from '../../src/jobs/digest-parts.js';
import { createSilentLogger } from '../../src/log.js';
import { buttons, say, startHarness, type Harness } from '../helpers/bot-harness.js';

const feed = (id: string, topics: string[], extra: object = {}) => ({ id, url: `https://feeds.example/${id}`, language: 'en', topics, ...extra });
const WORLD_NAMES = { nl: 'Wereld', en: 'World', de: 'Welt', fr: 'Monde' };
const TECH_NAMES = { nl: 'Techniek', de: 'Technik' };

// Before: three topics. After the reload: `world` has left with its feed and its names (known
// only from the catalog before), `tech`'s feed is disabled but its names stay in the file, and
// `science` never had a name.
const BEFORE = { feeds: [feed('wire', ['world']), feed('gadgets', ['tech']), feed('lab', ['science']), feed('local', ['local'])], topicNames: { world: WORLD_NAMES, tech: TECH_NAMES } };
const AFTER = { feeds: [feed('gadgets', ['tech'], { enabled: false }), feed('local', ['local'])], topicNames: { tech: TECH_NAMES } };

let dir: string;
let path: string;
let catalog: FeedCatalog;
let h: Harness;
let nextUser = 8801;
const reader = (language_code: string) => ({ id: nextUser++, first_name: 'Lea', language_code });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nb-gone-names-'));
  path = join(dir, 'feeds.json');
  writeFileSync(path, JSON.stringify(BEFORE));
  catalog = createFeedCatalog({ path, initial: loadFeedsDocument(path), logger: createSilentLogger() });
  h = await startHarness({ deps: { feeds: catalog.current, topicNames: catalog.topicNames, digestNow: async () => null } });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A reader who followed all three topics before the reload, in `language`. */
async function followerOfAll(language: string) {
  const user = reader(language);
  await say(h, user, '/subscribe world tech science');
  expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['science', 'tech', 'world']);
  return user;
}

describe('topics that left feeds.json, named in the reader\'s language', () => {
  let dutch: ReturnType<typeof reader>;
  let german: ReturnType<typeof reader>;
  beforeAll(async () => {
    dutch = await followerOfAll('nl');
    german = await followerOfAll('de');
    writeFileSync(path, JSON.stringify(AFTER));
    expect(catalog.reload('SIGHUP')).toMatchObject({ ok: true });
  });

  it('/status lists them by name while the name is known, else by the id with a capital; /unsubscribe takes the ids', async () => {
    expect((await say(h, dutch, '/status'))[0]!.text).toContain('Niet meer aangeboden: <b>Science</b>, <b>Techniek</b>, <b>Wereld</b> (/unsubscribe science tech world schrapt ze)');
    expect((await say(h, german, '/status'))[0]!.text).toContain('Nicht mehr im Angebot: <b>Science</b>, <b>Technik</b>, <b>Welt</b> (/unsubscribe science tech world entfernt sie)');
  });

  it('/latest and /digest name them so when nothing else is followed', async () => {
    expect((await say(h, dutch, '/latest'))[0]!.text).toBe('Niets wat je volgt wordt nog aangeboden: <b>Science</b>, <b>Techniek</b>, <b>Wereld</b> staan niet meer in de feedlijst. Kies opnieuw met /subscribe; /feeds toont wat er is.');
    expect((await say(h, german, '/digest'))[0]!.text).toBe('Nichts, dem du folgst, wird noch angeboten: <b>Science</b>, <b>Technik</b>, <b>Welt</b> ist nicht mehr in der Feed-Liste. Wähle neu mit /subscribe; /feeds zeigt, was es gibt.');
  });

  it('the keyboard\'s buttons to drop them carry the names', async () => {
    const [keyboard] = await say(h, german, '/unsubscribe');
    expect(buttons(keyboard!).map((button) => button.text)).toEqual(expect.arrayContaining(['✅ Welt (nicht mehr im Angebot)', '✅ Technik (nicht mehr im Angebot)', '✅ Science (nicht mehr im Angebot)']));
  });

  it('the notice at digest time names them as /status does', () => {
    const chat = h.deps.subscribers.find(dutch.id)!;
    const french = { ...chat, language: 'fr' as const };
    const gone = ['science', 'tech', 'world'];
    expect(goneNotice(chat, gone, catalog.topicNames()).payload.text).toContain(': <b>Science</b>, <b>Techniek</b>, <b>Wereld</b> staan niet meer');
    expect(goneNotice(french, gone, catalog.topicNames()).payload.text).toContain(' : <b>Science</b>, <b>Tech</b>, <b>Monde</b> a quitté');
    // Named or not, the notice about the same topics is one notice: its key holds the ids only.
    expect(goneNotice(chat, gone, catalog.topicNames()).key).toBe(goneNotice(chat, gone).key);
  });
});
