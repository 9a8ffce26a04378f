import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, say, startHarness, type Harness } from '../helpers/bot-harness.js';

/** Lists as readers type them on a phone: stray punctuation, marks copied from a button, "and" between items. */
let h: Harness;
let nextUser = 7401;
const reader = (language_code: string) => ({ id: nextUser++, first_name: 'Noor', language_code });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('a list typed on a phone', () => {
  it('reads a word with punctuation or quotes around it (autocorrect adds a full stop) as the word', async () => {
    expect((await say(h, reader('en'), '/subscribe tech.'))[0]!.text).toBe('Now following: <b>Tech</b>.\nNext digest: Tuesday 6 January, 07:30.');
    expect((await say(h, reader('en'), '/subscribe "world"!'))[0]!.text).toBe('Now following: <b>World</b>.\nNext digest: Tuesday 6 January, 07:30.');
  });

  it('splits a list at semicolons and slashes as at commas', async () => {
    expect((await say(h, reader('en'), '/subscribe tech;world'))[0]!.text).toBe('Now following: <b>Tech</b>, <b>World</b>.\nNext digest: Tuesday 6 January, 07:30.');
    expect((await say(h, reader('en'), '/subscribe tech/world'))[0]!.text).toBe('Now following: <b>Tech</b>, <b>World</b>.\nNext digest: Tuesday 6 January, 07:30.');
  });

  it('passes over "and", "&" and marks copied from a button rather than calling them unknown', async () => {
    for (const [language, text] of [['nl', '/subscribe tech en world'], ['en', '/subscribe ✅ tech & world'], ['de', '/subscribe tech und world 🌍'], ['fr', '/subscribe tech et world']]) {
      const [reply] = await say(h, reader(language!), text!);
      // The confirmation and, as it is the chat's first, when its first digest comes: no line of unknown words.
      expect(reply!.text.split('\n')).toHaveLength(2);
      expect(reply!.text).toContain('<b>Tech</b>');
    }
  });

  it('answers a list of nothing but commas or marks with the keyboard, not an empty message', async () => {
    for (const text of ['/subscribe ,', '/subscribe 🌍', '/unsubscribe ,,']) {
      const [reply] = await say(h, reader('en'), text);
      expect(reply!.text).toBe('Tap topics and feeds to follow or unfollow them:');
      expect(buttons(reply!).length).toBeGreaterThan(0);
    }
  });
});

describe('the confirmation of a feed', () => {
  it('names it by its title, as /feeds, the buttons, Done and /status do, whether typed by id or by title', async () => {
    const user = reader('en');
    expect((await say(h, user, '/subscribe bbc-world'))[0]!.text).toBe('Now following: <b>BBC News World</b>.\nNext digest: Tuesday 6 January, 07:30.');
    expect((await say(h, user, '/subscribe nos nieuws'))[0]!.text).toBe('Now following: <b>NOS Nieuws</b>.');
    expect((await say(h, user, '/unsubscribe bbc-world'))[0]!.text).toBe('No longer following: <b>BBC News World</b>.');
  });
});

describe('/unsubscribe of what the chat does not follow', () => {
  it.each([
    ['nl', 'Je volgt <b>Tech</b> niet.'],
    ['en', 'You do not follow <b>Tech</b>.'],
    ['de', 'Du folgst <b>Tech</b> nicht.'],
    ['fr', 'Vous ne suivez pas <b>Tech</b>.'],
  ])('%s says so by name, rather than "nothing changed", also beside what it did drop', async (language, notFollowed) => {
    const user = reader(language);
    await say(h, user, '/subscribe world');
    expect((await say(h, user, '/unsubscribe tech'))[0]!.text).toBe(notFollowed);
    const [both] = await say(h, user, '/unsubscribe world tech');
    expect(both!.text.split('\n')).toEqual([expect.stringContaining('<b>World</b>'), notFollowed]);
  });
});
