import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedCatalog, type FeedCatalog } from '../../src/feed-catalog.js';
import { loadFeedsDocument } from '../../src/feeds-file.js';
import { createSilentLogger } from '../../src/log.js';
import { ADMIN_ID, buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';

const WORLD = { id: 'bbc-world', title: 'BBC News World', url: 'https://feeds.example/bbc-world', language: 'en', topics: ['world'] };
const TECH = { id: 'tweakers', title: 'Tweakers', url: 'https://feeds.example/tweakers', language: 'nl', topics: ['tech'] };
const ADMIN = { id: ADMIN_ID, first_name: 'Root', language_code: 'en' };
const READER = { id: 4101, first_name: 'Rita', language_code: 'en' };

let h: Harness;
let path: string;
let catalog: FeedCatalog;
beforeAll(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'nb-reload-')), 'feeds.json');
  writeFileSync(path, JSON.stringify({ feeds: [WORLD] }));
  catalog = createFeedCatalog({ path, initial: loadFeedsDocument(path), logger: createSilentLogger() });
  h = await startHarness({ deps: { feeds: catalog.current, topicNames: catalog.topicNames, reloadFeeds: () => catalog.reload('/reload') } });
});
afterAll(async () => h.close());

describe('/reload', () => {
  it('is for the bot\'s admins only', async () => {
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH] }));
    expect((await say(h, READER, '/reload'))[0]!.text).toBe('This command is for the administrators of this bot.');
    // How an operator learns the user id to put in ADMIN_IDS (README, Getting a bot token).
    const refused = h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'bot: admin command refused: user_id is not in ADMIN_IDS');
    expect(refused).toMatchObject({ command: 'reload', user_id: READER.id });
    expect(catalog.current().map((feed) => feed.id)).toEqual(['bbc-world']);
  });

  it('serves the edited feeds.json at once and says what changed', async () => {
    expect((await say(h, READER, '/subscribe tech'))[0]!.text).toContain('I do not know <b>tech</b>');
    const [reply] = await say(h, ADMIN, '/reload');
    expect(reply!.text).toBe('feeds.json reloaded: added <b>tweakers</b>. 2 feeds are polled now.');
    expect((await say(h, READER, '/subscribe tech'))[0]!.text).toBe('Now following: <b>Tech</b>.\nNext digest: Tuesday 6 January, 07:30.');
    expect((await say(h, READER, '/feeds'))[0]!.text).toContain('Tweakers');
  });

  it('keeps the feeds it had when the file has a problem, and names the problem', async () => {
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, { ...TECH, url: 'tweakers.net/feed' }] }));
    const [reply] = await say(h, ADMIN, '/reload');
    expect(reply!.text).toContain('feeds.json was not reloaded; I keep the 2 feeds I had.');
    expect(reply!.text).toContain('feeds[1].url: not an absolute http(s) URL');
    expect(catalog.current().map((feed) => feed.id)).toEqual(['bbc-world', 'tweakers']);
  });

  it('answers within Telegram\'s message limit however many problems the file has', async () => {
    const broken = Array.from({ length: 200 }, (_, i) => ({ ...TECH, id: `feed-${i}`, url: `not a url ${i}`, language: 'xx' }));
    writeFileSync(path, JSON.stringify({ feeds: broken }));
    const [reply] = await say(h, ADMIN, '/reload');
    expect(reply!.text).toContain('feeds[0].url: not an absolute http(s) URL');
    expect(reply!.text.length).toBeLessThanOrEqual(4096);
    expect(reply!.text).toContain('…');
  });

  it('tells when nothing changed', async () => {
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH] }));
    expect((await say(h, ADMIN, '/reload'))[0]!.text).toBe('feeds.json reloaded: nothing changed. 2 feeds are polled now.');
  });

  it('says so when the new list has a feed twice under two ids, as the start\'s log does', async () => {
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH, { ...TECH, id: 'tweakers-2' }] }));
    const [reply] = await say(h, ADMIN, '/reload');
    expect(reply!.text).toBe(
      'feeds.json reloaded: added <b>tweakers-2</b>. 3 feeds are polled now.\n' +
        'Check this in feeds.json:\n<pre>feed &quot;tweakers-2&quot; has the same URL as &quot;tweakers&quot; (https://feeds.example/tweakers): its stories are stored and offered twice; list the feed once, with all its topics</pre>',
    );
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH] }));
    expect((await say(h, ADMIN, '/reload'))[0]!.text).toBe('feeds.json reloaded: removed <b>tweakers-2</b>. 2 feeds are polled now.');
  });

  it('serves changed topic names at once, and a subscription made by the old name stays', async () => {
    const reader = { id: 4103, first_name: 'Noor', language_code: 'nl' };
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH], topicNames: { world: { nl: 'Wereld' } } }));
    expect((await say(h, ADMIN, '/reload'))[0]!.text).toBe('feeds.json reloaded: renamed topics <b>world</b>. 2 feeds are polled now.');
    expect((await say(h, reader, '/subscribe wereld'))[0]!.text).toBe('Je volgt nu: <b>Wereld</b>.\nVolgend overzicht: dinsdag 6 januari, 07:30.');

    writeFileSync(path, JSON.stringify({ feeds: [WORLD, TECH], topicNames: { world: { nl: 'Buitenland' } } }));
    await say(h, ADMIN, '/reload');
    expect((await say(h, reader, '/status'))[0]!.text).toContain('Je volgt: <b>Buitenland</b>');
    expect((await say(h, reader, '/feeds'))[0]!.text).toContain('<b>Buitenland</b>');
    expect((await say(h, reader, '/unsubscribe buitenland'))[0]!.text).toBe('Je volgt niet meer: <b>Buitenland</b>.');
    expect(h.deps.subscribers.find(reader.id)?.topics).toEqual([]);
  });
});

describe('a subscribe keyboard drawn before a reload', () => {
  // Ids this long leave no room in a button's 64 bytes: the button carries the feed's index.
  const long = (name: string) => `${name}-${'x'.repeat(63 - name.length)}`;
  const FIRST = { ...TECH, id: long('first'), title: 'First long' };
  const SECOND = { ...TECH, id: long('second'), title: 'Second long' };
  const CHAT = { id: 4102, first_name: 'Kim', language_code: 'en' };

  it('never toggles the feed a reload moved to the button\'s place, and shows the current keyboard', async () => {
    writeFileSync(path, JSON.stringify({ feeds: [WORLD, FIRST] }));
    await say(h, ADMIN, '/reload');
    const [keyboard] = await say(h, CHAT, '/subscribe');
    const first = buttons(keyboard!).find((button) => button.text.includes('First long'));
    expect(first?.callback_data).toMatch(/^sub:i:1:/);

    writeFileSync(path, JSON.stringify({ feeds: [WORLD, SECOND, FIRST] }));
    await say(h, ADMIN, '/reload');
    const edits = h.emulator.callsOf('editMessageText').length;
    await press(h, CHAT, keyboard!, first!.callback_data!);
    expect(h.deps.subscribers.find(CHAT.id)?.feeds).toEqual([]);
    await h.emulator.waitFor(() => h.emulator.callsOf('editMessageText').length > edits);

    const [fresh] = await say(h, CHAT, '/subscribe');
    const moved = buttons(fresh!).find((button) => button.text.includes('First long'));
    expect(moved?.callback_data).toMatch(/^sub:i:2:/);
    await press(h, CHAT, fresh!, moved!.callback_data!);
    expect(h.deps.subscribers.find(CHAT.id)?.feeds).toEqual([FIRST.id]);
  });
});
