import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicNames } from '../../src/core/topic-names.js';
import { createDigestNow } from '../../src/jobs/digest-now.js';
import { sendDueDigests } from '../../src/jobs/send-digests.js';
import { createSilentLogger } from '../../src/log.js';
import { createSqliteArticleRepository } from '../../src/store/sqlite/article-repository.js';
import { createSqliteSubscriberRepository } from '../../src/store/sqlite/subscriber-repository.js';
import { createSqliteOutboxRepository } from '../../src/store/sqlite/outbox-repository.js';
import { buttons, FIXED_NOW, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { SEED_CATALOG, seedBriefings, seedChats } from '../helpers/delivery-seed.js';

/** `world` named in four languages, `tech` only in Dutch and German: English falls back to "Tech". */
const NAMES: TopicNames = new Map([
  ['world', { nl: 'Wereld', en: 'World', de: 'Welt', fr: 'Monde' }],
  ['tech', { nl: 'Techniek', de: 'Technik' }],
]);

let h: Harness;
let nextUser = 7001;
const dutch = () => ({ id: nextUser++, first_name: 'Daan', language_code: 'nl' });
const english = () => ({ id: nextUser++, first_name: 'Emma', language_code: 'en' });
const french = () => ({ id: nextUser++, first_name: 'Chloé', language_code: 'fr' });

beforeAll(async () => {
  h = await startHarness({
    deps: {
      feeds: () => SEED_CATALOG,
      topicNames: () => NAMES,
      digestNow: (chat, now) => createDigestNow({ articles: createSqliteArticleRepository(h.db), subscribers: createSqliteSubscriberRepository(h.db), catalog: SEED_CATALOG, topicNames: NAMES, options: { topN: 8 } })(chat, now),
    },
  });
  seedBriefings(h.db, FIXED_NOW, 6);
});
afterAll(async () => h.close());

describe('topics in the reader\'s language', () => {
  it('/feeds heads each topic with its name in the chat\'s language, or in English, or by its id', async () => {
    const [nl] = await say(h, dutch(), '/feeds');
    expect(nl!.text).toContain('<b>Wereld</b>');
    expect(nl!.text).toContain('<b>Techniek</b>');
    const [en] = await say(h, english(), '/feeds');
    expect(en!.text).toContain('<b>World</b>');
    expect(en!.text).toContain('<b>Tech</b>');
  });

  it('lists topics in the alphabetical order of their names in the chat\'s language, not of their ids', async () => {
    // Ids tech < world, but in French the names are Monde < Tech.
    const user = french();
    const [feeds] = await say(h, user, '/feeds');
    expect(feeds!.text.indexOf('<b>Monde</b>')).toBeLessThan(feeds!.text.indexOf('<b>Tech</b>'));
    await say(h, user, '/subscribe tech monde');
    expect((await say(h, user, '/settings'))[0]!.text).toContain('Thèmes : <b>Monde</b>, <b>Tech</b>');
    const [keyboard] = await say(h, user, '/subscribe');
    const labels = buttons(keyboard!).map((button) => button.text);
    expect(labels.findIndex((label) => label.endsWith(' Monde'))).toBeLessThan(labels.findIndex((label) => label.endsWith(' Tech')));
  });

  it('/subscribe takes a topic by its name in any language and stores its id', async () => {
    const user = dutch();
    expect((await say(h, user, '/subscribe welt'))[0]!.text).toBe('Je volgt nu: <b>Wereld</b>.\nVolgend overzicht: dinsdag 6 januari, 07:30.');
    expect((await say(h, user, '/subscribe TECHNIEK'))[0]!.text).toBe('Je volgt nu: <b>Techniek</b>.');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['tech', 'world']);
    expect((await say(h, user, '/settings'))[0]!.text).toContain('Onderwerpen: <b>Techniek</b>, <b>Wereld</b>');
    expect((await say(h, user, '/status'))[0]!.text).toContain('Je volgt: <b>Techniek</b>, <b>Wereld</b>');
    expect((await say(h, user, '/unsubscribe monde'))[0]!.text).toBe('Je volgt niet meer: <b>Wereld</b>.');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['tech']);
  });

  it('suggests the name a misspelt word most likely meant', async () => {
    const [reply] = await say(h, dutch(), '/subscribe wereldd');
    expect(reply!.text).toContain('Bedoel je <code>/subscribe wereld</code>?');
  });

  it('labels the keyboard\'s buttons with the names, and they still toggle the topic by id', async () => {
    const user = dutch();
    await say(h, user, '/subscribe wereld');
    const [keyboard] = await say(h, user, '/subscribe');
    expect(buttons(keyboard!).slice(0, 2).map((button) => [button.text, button.callback_data])).toEqual([['▫️ Techniek', 'sub:t:tech'], ['✅ Wereld', 'sub:t:world']]);
    await press(h, user, keyboard!, 'sub:t:tech');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['tech', 'world']);
    await h.emulator.waitFor(() => buttons(keyboard!)[0]!.text === '✅ Techniek');
    await press(h, user, keyboard!, 'sub:done');
    await h.emulator.waitFor(() => keyboard!.text === 'Je volgt <b>Techniek</b>, <b>Wereld</b>.');
  });

  it('/latest reads a topic named in another language', async () => {
    const [header] = await say(h, english(), '/latest Welt', undefined, 1);
    expect(header!.text).toContain('The latest 3 briefings');
    expect(header!.text).toContain('World A');
    expect(header!.text).not.toContain('Tech &lt;B&gt;');
  });

  it('/digest and the daily digest head their sections with the names', async () => {
    const user = dutch();
    await say(h, user, '/subscribe wereld techniek');
    const parts = await say(h, user, '/digest');
    expect(parts.map((part) => part.text).join('\n')).toMatch(/Techniek[\s\S]*Wereld|Wereld[\s\S]*Techniek/);

    seedChats(h.db, [{ chatId: 99, language: 'de', topics: ['world'] }], FIXED_NOW - 86_400_000);
    const outbox = createSqliteOutboxRepository(h.db);
    const digestMinute = Date.UTC(2026, 0, 6, 6, 30);
    await sendDueDigests({
      subscribers: h.deps.subscribers, articles: createSqliteArticleRepository(h.db), outbox, catalog: SEED_CATALOG, topicNames: NAMES,
      options: { topN: 8, quietLine: false, catchUpHours: 3 }, logger: createSilentLogger(),
    }, digestMinute);
    const payloads = h.db.prepare<[], { payload: string }>('SELECT payload FROM outbox WHERE chat_id = 99').all();
    expect(payloads.map((row) => JSON.parse(row.payload).text as string).join('\n')).toContain('<b>Welt</b>');
  });

  it('/help writes its examples\' topics as the reader would type them', async () => {
    expect((await say(h, dutch(), '/help'))[0]!.text).toContain('<code>/subscribe wereld techniek</code>');
    expect((await say(h, english(), '/help subscribe'))[0]!.text).toContain('<code>/subscribe world tech</code>');
  });
});
