import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, BEN, FIXED_NOW, TEST_FEEDS, buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

let nextUser = 5000;
const dutch = () => ({ id: nextUser++, first_name: 'Sanne', language_code: 'nl' });
const english = () => ({ id: nextUser++, first_name: 'Sam', language_code: 'en-US' });
/** A chat that has followed something since yesterday: a digest time passed today came while it did (a catch-up, not a first digest). */
const followingSinceYesterday = (chatId: number) =>
  h.db.prepare('UPDATE subscribers SET following_since = ? WHERE chat_id = ?').run(FIXED_NOW - 86_400_000, chatId);

describe('a private chat, in English and Dutch', () => {
  it('publishes the command menu per language at start', () => {
    const calls = h.emulator.callsOf('setMyCommands');
    expect(calls.map((call) => call.params.language_code ?? 'default').sort()).toEqual(['de', 'default', 'en', 'fr', 'nl']);
    const nl = calls.find((call) => call.params.language_code === 'nl')!;
    expect(JSON.stringify(nl.params.commands)).toContain('Onderwerpen of feeds volgen');
    expect(JSON.stringify(nl.params.commands)).not.toContain('"stats"');
  });

  it('/start welcomes in the user\'s language and its button follows the default selection', async () => {
    const [welcome] = await say(h, ANNA, '/start');
    expect(welcome!.text).toContain('Hallo Anna');
    expect(welcome!.parse_mode).toBe('HTML');
    expect(welcome!.link_preview_options).toEqual({ is_disabled: true });
    await press(h, ANNA, welcome!, buttons(welcome!)[0]!.callback_data!);
    const edited = h.emulator.messagesTo(ANNA.id)[0]!;
    expect(edited.edits).toBe(1);
    expect(edited.text).toContain('Je volgt nu');
    expect(h.deps.subscribers.find(ANNA.id)?.topics).toEqual(['netherlands', 'world']);

    const [hello] = await say(h, BEN, '/start');
    expect(hello!.text).toContain('Hello Ben');
    expect(h.deps.subscribers.find(BEN.id)?.language).toBe('en');
  });

  it('/subscribe with words follows them at once and names the unknown ones', async () => {
    const user = english();
    const [reply] = await say(h, user, '/subscribe world TECH bogus <b>');
    expect(reply!.text).toContain('Now following: <b>World</b>, <b>Tech</b>');
    expect(reply!.text).toContain('I do not know <b>bogus</b>, <b>&lt;b&gt;</b>');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['tech', 'world']);
  });

  it('/subscribe and /unsubscribe read a list typed with commas', async () => {
    const user = english();
    const [reply] = await say(h, user, '/subscribe tech,world, bogus,');
    expect(reply!.text).toContain('Now following: <b>Tech</b>, <b>World</b>');
    expect(reply!.text).toContain('I do not know <b>bogus</b>.');
    const [done] = await say(h, user, '/unsubscribe world,tech');
    expect(done!.text).toContain('No longer following: <b>World</b>, <b>Tech</b>');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual([]);
  });

  it('/subscribe and /unsubscribe suggest what an unknown word most likely meant', async () => {
    const nl = dutch();
    const [guess] = await say(h, nl, '/subscribe wereld');
    expect(guess!.text).toBe('Ik ken <b>wereld</b> niet. Bedoel je <code>/subscribe world</code>? /feeds toont de onderwerpen en feeds.');
    expect(h.deps.subscribers.find(nl.id)?.topics).toEqual([]);
    const user = english();
    await say(h, user, '/subscribe world bbc-tech');
    const [typo] = await say(h, user, '/unsubscribe bbc-tec wrold');
    expect(typo!.text).toContain('Did you mean <code>/unsubscribe bbc-tech world</code>?');
    const [far] = await say(h, user, '/subscribe weather');
    expect(far!.text).toBe('I do not know <b>weather</b>. /feeds lists the topics and feeds.');
  });

  it('/subscribe without words shows a toggle keyboard that edits itself in place', async () => {
    const user = dutch();
    const [keyboard] = await say(h, user, '/subscribe');
    expect(keyboard!.text).toContain('Tik op onderwerpen');
    const tech = buttons(keyboard!).find((button) => button.callback_data === 'sub:t:tech')!;
    expect(tech.text).toContain('▫️');
    await press(h, user, keyboard!, 'sub:t:tech');
    expect(buttons(keyboard!).find((button) => button.callback_data === 'sub:t:tech')!.text).toContain('✅');
    await press(h, user, keyboard!, 'sub:f:bbc-world');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ topics: ['tech'], feeds: ['bbc-world'] });
    await press(h, user, keyboard!, 'sub:t:tech');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual([]);
    await press(h, user, keyboard!, 'sub:t:<forged>');
    await press(h, user, keyboard!, 'sub:f:no-such-feed');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ topics: [], feeds: ['bbc-world'] });
    await press(h, user, keyboard!, 'sub:done');
    expect(keyboard!.text).toBe('Je volgt <b>BBC News World</b>.');
    expect(keyboard!.edits).toBe(4);
    expect(h.emulator.messagesTo(user.id)).toHaveLength(1);
  });

  it('/unsubscribe removes what is followed and says what the chat did not follow', async () => {
    const user = english();
    await say(h, user, '/subscribe world tech');
    const [done] = await say(h, user, '/unsubscribe tech');
    expect(done!.text).toContain('No longer following: <b>Tech</b>');
    const [again] = await say(h, user, '/unsubscribe tech');
    expect(again!.text).toBe('You do not follow <b>Tech</b>.');
    const [keyboard] = await say(h, user, '/unsubscribe');
    expect(buttons(keyboard!).find((b) => b.callback_data === 'sub:t:world')!.text).toContain('✅');
  });

  it('/unsubscribe without words shows the toggle keyboard of /subscribe, titled as a toggle before and after a tap', async () => {
    const user = dutch();
    await say(h, user, '/subscribe world');
    const [keyboard] = await say(h, user, '/unsubscribe');
    const title = 'Tik op onderwerpen en feeds om ze te volgen of niet meer te volgen:';
    expect(keyboard!.text).toBe(title);
    const marks = () => Object.fromEntries(buttons(keyboard!).map((b) => [b.callback_data, b.text]));
    expect(marks()).toMatchObject({ 'sub:t:world': '✅ World', 'sub:t:tech': '▫️ Tech' });
    await press(h, user, keyboard!, 'sub:t:world');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual([]);
    expect(keyboard!.text).toBe(title);
    expect(marks()).toMatchObject({ 'sub:t:world': '▫️ World' });
    expect((await say(h, user, '/help unsubscribe'))[0]!.text).toContain('de knoppen van /subscribe: ✅ staat bij wat je volgt');
  });

  it('/time sets, shows and turns off the digest; a bad time gets the format with an example', async () => {
    const user = english();
    expect((await say(h, user, '/time 6:45'))[0]!.text).toContain('arrives at <b>06:45</b> (Europe/Amsterdam)');
    expect(h.deps.subscribers.find(user.id)?.digestTime).toBe('06:45');
    expect((await say(h, user, '/time'))[0]!.text).toContain('<b>06:45</b>');
    expect((await say(h, user, '/time 25:99'))[0]!.text).toContain('<code>/time 07:30</code>');
    // The time it had, to copy and send, brings them back.
    expect((await say(h, user, '/time off'))[0]!.text).toBe('Daily digests are off. <code>/time 06:45</code> turns them on again.');
    expect(h.deps.subscribers.find(user.id)?.digestTime).toBeNull();
    expect((await say(h, user, '/time off'))[0]!.text).toBe('Daily digests are off. <code>/time 07:30</code> turns them on again.');
    const nl = dutch();
    expect((await say(h, nl, '/time uit'))[0]!.text).toBe('Dagelijkse overzichten staan uit. <code>/time 07:30</code> zet ze weer aan.');
    expect((await say(h, nl, '/time kwart over zeven'))[0]!.text).toContain('Geef een tijd als UU:MM');
  });

  it('/time tells a chat that follows nothing that no digest comes until it subscribes', async () => {
    const user = english();
    const [set] = await say(h, user, '/time 6:45');
    expect(set!.text).toContain('arrives at <b>06:45</b>');
    expect(set!.text).toContain('You follow nothing yet, so no digest comes until you /subscribe to topics or feeds.');
    expect((await say(h, user, '/time'))[0]!.text).toContain('You follow nothing yet');
    await say(h, user, '/subscribe world');
    expect((await say(h, user, '/time 7:00'))[0]!.text).not.toContain('You follow nothing');
    const nl = dutch();
    expect((await say(h, nl, '/time 8 uur'))[0]!.text).toContain('Je volgt nog niets, dus er komt geen overzicht tot je je met /subscribe abonneert op onderwerpen of feeds.');
  });

  it('/time reads full-width digits and those of other scripts', async () => {
    const user = english();
    expect((await say(h, user, '/time ０７:３０'))[0]!.text).toContain('arrives at <b>07:30</b>');
    expect((await say(h, user, '/time ١٨:٤٥'))[0]!.text).toContain('arrives at <b>18:45</b>');
    expect(h.deps.subscribers.find(user.id)?.digestTime).toBe('18:45');
  });

  it('reads a command typed in full-width letters, in any case, as the command itself', async () => {
    const user = english();
    const [latest] = await say(h, user, '/ｌａｔｅｓｔ');
    expect(latest!.text).toBe((await say(h, user, '/latest'))[0]!.text);
    const [help] = await say(h, user, '/ＨＥＬＰ');
    expect(help!.text).toContain('What I can do');
    expect(help!.text).toBe((await say(h, user, '/help'))[0]!.text);
    // The "did you mean" of an unknown command sees the same name: a synonym, or a typo.
    expect((await say(h, dutch(), '/ｔｉｊｄ ７:３０'))[0]!.text).toContain('Bedoel je <code>/time 7:30</code>?');
    expect((await say(h, user, '/ＬＡＴＥＳ'))[0]!.text).toContain('Did you mean /latest?');
  });

  it('passes names with accents on as typed', async () => {
    // Normalising arguments (NFKC) keeps é: the reader sees the word they typed.
    expect((await say(h, english(), '/subscribe Économie'))[0]!.text).toContain('I do not know <b>Économie</b>.');
    expect((await say(h, english(), '/subscribe E\u0301conomie'))[0]!.text).toContain('I do not know <b>\u00C9conomie</b>.');
  });

  it('/status shows tomorrow\'s digest once today\'s went out, even before today\'s digest time', async () => {
    const user = english();
    await say(h, user, '/time 11:00');
    // No digest is made for a chat that follows nothing, so none is promised.
    expect((await say(h, user, '/status'))[0]!.text).toContain('Next digest: none until you follow a topic or feed (/subscribe)');
    await say(h, user, '/subscribe world');
    expect((await say(h, user, '/status'))[0]!.text).toContain('Next digest: Monday 5 January, 11:00');
    h.deps.subscribers.markDigestSent(user.id, '2026-01-05', FIXED_NOW);
    expect((await say(h, user, '/status'))[0]!.text).toContain('Next digest: Tuesday 6 January, 11:00');
  });

  it('/status says a digest whose time passed today within the catch-up window is on its way, not due tomorrow', async () => {
    // It is 10:00 in Amsterdam: the scheduler sends a 09:30 digest that has not gone out at its next tick.
    const user = english();
    await say(h, user, '/subscribe world');
    followingSinceYesterday(user.id);
    await say(h, user, '/time 09:30');
    expect((await say(h, user, '/status'))[0]!.text).toContain('Next digest: on its way (due Monday 5 January, 09:30)');
    // Four hours ago is beyond the catch-up window (3 hours): that one is skipped, tomorrow's is next.
    await say(h, user, '/time 06:00');
    expect((await say(h, user, '/status'))[0]!.text).toContain('Next digest: Tuesday 6 January, 06:00');
  });

  it('/time and /timezone say when the next digest comes, by the scheduler\'s rule: tomorrow once today\'s went out, or on its way', async () => {
    // It is 10:00 on Monday 5 January in Amsterdam; today's digest went out at 08:00.
    const user = english();
    await say(h, user, '/subscribe world');
    h.deps.subscribers.markDigestSent(user.id, '2026-01-05', FIXED_NOW - 2 * 3_600_000);
    const [later] = await say(h, user, '/time 11:00');
    expect(later!.text).toBe('Your daily digest arrives at <b>11:00</b> (Europe/Amsterdam).\nNext digest: Tuesday 6 January, 11:00.');
    // Honolulu's 5 January began after that digest went out: it still comes today there.
    expect((await say(h, user, '/timezone Pacific/Honolulu'))[0]!.text).toContain('It is now Sunday 4 January, 23:00 there.\nNext digest: Monday 5 January, 11:00.');
    expect((await say(h, user, '/time off'))[0]!.text).not.toContain('Next digest');
    const fresh = dutch();
    await say(h, fresh, '/subscribe world');
    // Following only since 10:00: 09:30 today was before that, so tomorrow's is its first.
    expect((await say(h, fresh, '/time 9:30'))[0]!.text).toContain('\nVolgend overzicht: dinsdag 6 januari, 09:30.');
    followingSinceYesterday(fresh.id);
    expect((await say(h, fresh, '/time 9:30'))[0]!.text).toContain('\nVolgend overzicht: is onderweg (gepland voor maandag 5 januari, 09:30).');
    expect((await say(h, fresh, '/time 6:00'))[0]!.text).toContain('\nVolgend overzicht: dinsdag 6 januari, 06:00.');
    expect((await say(h, dutch(), '/time 6:00'))[0]!.text).not.toContain('Volgend overzicht');
  });

  it('/timezone accepts names, cities and offsets; a bad one gets the format with an example', async () => {
    const user = english();
    expect((await say(h, user, '/timezone America/New_York'))[0]!.text).toContain('<b>America/New_York</b>. It is now Monday 5 January, 04:00');
    expect((await say(h, user, '/timezone +02:00'))[0]!.text).toContain('<b>UTC+02:00</b>. It is now Monday 5 January, 11:00');
    expect((await say(h, user, '/timezone new york'))[0]!.text).toContain('<b>America/New_York</b>');
    const [bad] = await say(h, user, '/timezone Mordor');
    expect(bad!.text).toContain('<code>/timezone Europe/Amsterdam</code>');
    expect(bad!.text).toContain('a country like <code>/timezone Germany</code>');
    expect(h.deps.subscribers.find(user.id)?.timezone).toBe('America/New_York');
    expect((await say(h, user, '/timezone Hamburg'))[0]!.text).toContain('<b>Europe/Berlin</b>');
    const nl = dutch();
    expect((await say(h, nl, '/timezone Kolkata'))[0]!.text).toContain('Het is daar nu maandag 5 januari, 14:30');
  });

  it('/timezone +10:30 in January is Adelaide, whose clock shows it then, not Lord Howe, half an hour ahead by then', async () => {
    const [set] = await say(h, english(), '/timezone +10:30');
    expect(set!.text).toContain('Time zone set to <b>Australia/Adelaide</b>. It is now Monday 5 January, 19:30 there.');
  });

  it('shows a fixed offset as the reader typed it, never the inverted sign of its Etc/GMT name, in every language', async () => {
    const user = english();
    await say(h, user, '/timezone UTC+2');
    expect(h.deps.subscribers.find(user.id)?.timezone).toBe('Etc/GMT-2');
    expect((await say(h, user, '/timezone'))[0]!.text).toContain('Your time zone is <b>UTC+02:00</b>');
    expect((await say(h, user, '/settings'))[0]!.text).toContain('Time zone: UTC+02:00');
    expect((await say(h, user, '/time 07:30'))[0]!.text).toContain('(UTC+02:00)');
    for (const [language, typed, shown] of [['nl', 'Etc/GMT+2', 'UTC\u221202:00'], ['de', 'etc/gmt-3', 'UTC+03:00'], ['fr', 'UTC-5', 'UTC\u221205:00']] as const) {
      await say(h, user, `/language ${language}`);
      const [set] = await say(h, user, `/timezone ${typed}`);
      expect(set!.text, language).toContain(`<b>${shown}</b>`);
      expect(set!.text, language).not.toContain('Etc/');
      expect((await say(h, user, '/settings'))[0]!.text, language).toContain(shown);
      expect((await say(h, user, '/time'))[0]!.text, language).toContain(`(${shown})`);
    }
  });

  it('/timezone says a UTC offset keeps no summer time, so a reader who meant their city\'s clock can name it', async () => {
    const nl = dutch();
    const [offset] = await say(h, nl, '/timezone +1');
    expect(offset!.text).toContain('<b>UTC+01:00</b>');
    expect(offset!.text).toContain('Een vast verschil met UTC volgt de zomertijd niet: noem je stad als je die wel wilt volgen (<code>/timezone Amsterdam</code>).');
    expect((await say(h, nl, '/timezone Amsterdam'))[0]!.text).not.toContain('zomertijd');
    expect((await say(h, nl, '/timezone UTC'))[0]!.text).not.toContain('zomertijd');
    const en = english();
    const [gmt] = await say(h, en, '/timezone GMT');
    expect(gmt!.text).toContain('<b>UTC</b>');
    expect(gmt!.text).toContain('<code>/timezone London</code>');
    for (const [language, city] of [['en', 'London'], ['de', 'Berlin'], ['fr', 'Paris']] as const) {
      await say(h, en, `/language ${language}`);
      expect((await say(h, en, '/timezone UTC-5'))[0]!.text, language).toContain(`<code>/timezone ${city}</code>`);
    }
  });

  it('/timezone suggests the closest name for a misspelt one, and a city of each zone for IST', async () => {
    const nl = dutch();
    expect((await say(h, nl, '/timezone Amsterdm'))[0]!.text).toBe(
      'Die tijdzone ken ik niet. Bedoel je <code>/timezone Amsterdam</code>? Zo niet, noem dan een grotere stad in de buurt, of je verschil met UTC (<code>/timezone +02:00</code>).',
    );
    const en = english();
    expect((await say(h, en, '/timezone IST'))[0]!.text).toBe(
      'IST stands for more than one time zone. Name your city: <code>/timezone Kolkata</code>, <code>/timezone Dublin</code> or <code>/timezone Jerusalem</code>.',
    );
    for (const language of ['de', 'fr'] as const) {
      await say(h, en, `/language ${language}`);
      expect((await say(h, en, '/timezone Amsterdm'))[0]!.text, language).toContain('<code>/timezone Amsterdam</code>');
      expect((await say(h, en, '/timezone IST'))[0]!.text, language).toContain('<code>/timezone Jerusalem</code>');
    }
    expect(h.deps.subscribers.find(nl.id)?.timezone).toBe('Europe/Amsterdam');
  });

  it('/timezone takes a country that keeps one clock, and asks for a city in one that keeps several', async () => {
    const nl = dutch();
    expect((await say(h, nl, '/timezone Duitsland'))[0]!.text).toContain('<b>Europe/Berlin</b>');
    expect((await say(h, nl, '/timezone Verenigde Staten'))[0]!.text).toBe(
      'Verenigde Staten: dat land heeft meer dan één tijdzone. Noem een stad daar, of je verschil met UTC (<code>/timezone -05:00</code>).',
    );
    expect(h.deps.subscribers.find(nl.id)?.timezone).toBe('Europe/Berlin');
    const en = english();
    expect((await say(h, en, '/timezone Spain'))[0]!.text).toBe(
      'Spain: this country has more than one time zone. Name a city there, or your offset from UTC (<code>/timezone +01:00</code>).',
    );
    // The example is the country's, whatever the language.
    for (const [language, country] of [['nl', 'Spanje'], ['de', 'Spanien'], ['fr', 'Espagne']] as const) {
      await say(h, en, `/language ${language}`);
      const [reply] = await say(h, en, `/timezone ${country}`);
      expect(reply!.text, language).toMatch(new RegExp(`^${country} ?: `));
      expect(reply!.text, language).toContain('<code>/timezone +01:00</code>');
    }
    // The country is named as a label, never as the subject of a sentence, which most country
    // names cannot be without their article ("Les États-Unis ont", not "États-Unis a").
    for (const [language, country] of [['fr', 'États-Unis'], ['de', 'Vereinigte Staaten']] as const) {
      await say(h, en, `/language ${language}`);
      expect((await say(h, en, `/timezone ${country}`))[0]!.text, language).toMatch(new RegExp(`^${country} ?: `));
    }
  });

  it('writes every time one way per language: the digest time as the time within a date', async () => {
    const user = english();
    await say(h, user, '/timezone Europe/Paris');
    for (const [language, time, now] of [['fr', '07:30', '10:00'], ['de', '07:30 Uhr', '10:00 Uhr'], ['nl', '07:30', '10:00']] as const) {
      await say(h, user, `/language ${language}`);
      expect((await say(h, user, '/time 7:30'))[0]!.text, language).toContain(`<b>${time}</b>`);
      expect((await say(h, user, '/settings'))[0]!.text, language).toContain(`: ${time}`);
      expect((await say(h, user, '/timezone'))[0]!.text, language).toContain(`${language === 'de' ? 'Januar' : language === 'fr' ? 'janvier' : 'januari'}, ${now}`);
    }
    expect((await say(h, user, '/timezone'))[0]!.text).not.toMatch(/\dh\d/);
  });

  it('/language switches the interface both ways and refuses others', async () => {
    const user = english();
    expect((await say(h, user, '/language nl'))[0]!.text).toContain('Ik spreek vanaf nu Nederlands');
    expect((await say(h, user, '/help'))[0]!.text).toContain('Wat ik kan');
    expect((await say(h, user, '/language es'))[0]!.text).toContain('Kies <code>/language nl</code>');
    expect((await say(h, user, '/language english'))[0]!.text).toContain('I will speak English');
  });

  it('speaks German to a German-speaking reader, from the first /start, and switches to it on request', async () => {
    const german = { id: nextUser++, first_name: 'Lena', language_code: 'de-AT' };
    expect((await say(h, german, '/start'))[0]!.text).toContain('Hallo Lena! Ich lese Nachrichtenfeeds');
    expect(h.deps.subscribers.find(german.id)?.language).toBe('de');
    expect((await say(h, german, '/time 19 Uhr'))[0]!.text).toContain('Deine tägliche Übersicht kommt um <b>19:00 Uhr</b>');
    expect((await say(h, german, '/help'))[0]!.text).toContain('<b>Was ich kann</b>');
    const menu = h.emulator.callsOf('setMyCommands').find((call) => call.params.language_code === 'de')!;
    expect(JSON.stringify(menu.params.commands)).toContain('Themen oder Feeds folgen');

    const user = english();
    expect((await say(h, user, '/language deutsch'))[0]!.text).toContain('Ich spreche ab jetzt Deutsch');
    const [settings] = await say(h, user, '/settings');
    expect(settings!.text).toContain('Sprache: Deutsch');
    expect(buttons(settings!).slice(0, 2).map((button) => button.text)).toEqual(['Nederlands', 'English']);
    await press(h, user, settings!, 'set:lang:en');
    expect(settings!.text).toContain('Language: English');
    expect(h.deps.subscribers.find(user.id)?.language).toBe('en');
  });

  it('speaks French to a French-speaking reader', async () => {
    const french = { id: nextUser++, first_name: 'Claire', language_code: 'fr-BE' };
    expect((await say(h, french, '/start'))[0]!.text).toContain('Bonjour Claire ! Je lis des flux');
    expect((await say(h, french, '/time 19h'))[0]!.text).toContain('Votre sélection quotidienne arrive à <b>19:00</b>');
    expect((await say(h, french, '/language néerlandais'))[0]!.text).toContain('Ik spreek vanaf nu Nederlands');
  });

  it('/feeds lists feeds by topic with escaped titles', async () => {
    const [reply] = await say(h, english(), '/feeds');
    expect(reply!.text).toContain('<b>Tech</b>');
    expect(reply!.text).toContain('Evil &lt;Feed&gt; &amp; &quot;Co&quot;');
  });

  it('/feeds with topics lists only theirs; with no topic named, every feed', async () => {
    const [tech] = await say(h, english(), '/feeds Tech');
    expect(tech!.text).toBe('<b>Feeds by topic</b>\n\n<b>Tech</b>\n• BBC Technology (<code>bbc-tech</code>, en)\n• Evil &lt;Feed&gt; &amp; &quot;Co&quot; (<code>evil</code>, en)');
    const [two] = await say(h, dutch(), '/feeds world, netherlands');
    expect(two!.text).toContain('<b>Netherlands</b>');
    expect(two!.text).not.toContain('<b>Tech</b>');
    expect((await say(h, english(), '/feeds sprot'))[0]!.text).toContain('<b>Tech</b>');
  });

  it('/settings shows the settings and its buttons change them in place', async () => {
    const user = english();
    const [settings] = await say(h, user, '/settings');
    expect(settings!.text).toContain('Daily digest: 07:30');
    await press(h, user, settings!, 'set:digest');
    expect(settings!.text).toContain('Daily digest: off');
    await press(h, user, settings!, 'set:lang');
    expect(settings!.text).toContain('Dagelijks overzicht: uit');
    expect(buttons(settings!)[0]!.text).toBe('English');
    await press(h, user, settings!, 'set:topics');
    expect(settings!.text).toContain('Tik op onderwerpen');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ language: 'nl', digestTime: null });
  });

  it('/settings buttons say what pressing them does, in every language', async () => {
    const labels = {
      nl: ['Dagelijks overzicht uitzetten', 'Dagelijks overzicht aanzetten (07:30)', 'Onderwerpen en feeds kiezen'],
      en: ['Turn off daily digest', 'Turn on daily digest (07:30)', 'Choose topics and feeds'],
      de: ['Tägliche Übersicht ausschalten', 'Tägliche Übersicht einschalten (07:30 Uhr)', 'Themen und Feeds wählen'],
      fr: ['Désactiver la sélection quotidienne', 'Activer la sélection quotidienne (07:30)', 'Choisir thèmes et flux'],
    };
    for (const [language, [turnOff, turnOn, choose]] of Object.entries(labels)) {
      const user = { id: nextUser++, first_name: 'Kim', language_code: language };
      const [settings] = await say(h, user, '/settings');
      const texts = () => buttons(settings!).map((button) => button.text);
      expect(texts().slice(3), language).toEqual([turnOff, choose]);
      await press(h, user, settings!, 'set:digest');
      expect(h.deps.subscribers.find(user.id)?.digestTime, language).toBeNull();
      expect(texts().slice(3), language).toEqual([turnOn, choose]);
    }
  });

  it('/status shows subscriptions, the next digest in the chat\'s own time and the last delivery', async () => {
    const user = english();
    await say(h, user, '/subscribe world');
    const [status] = await say(h, user, '/status');
    expect(status!.text).toContain('Following: <b>World</b>');
    // A new chat's 07:30 passed 2.5 hours before it followed anything: catching up is for
    // downtime, so its first digest is tomorrow's.
    expect(status!.text).toContain('Next digest: Tuesday 6 January, 07:30');
    expect(status!.text).toContain('Last delivery: none yet');
    const nl = dutch();
    expect((await say(h, nl, '/status'))[0]!.text).toContain('Volgend overzicht: geen tot je een onderwerp of feed volgt');
    await say(h, nl, '/subscribe world');
    expect((await say(h, nl, '/status'))[0]!.text).toContain('Volgend overzicht: dinsdag 6 januari, 07:30');
  });

  it.each([
    ['en', 'Following: ', 'Feeds: ', 'you follow '],
    ['nl', 'Je volgt: ', 'Feeds: ', 'je volgt '],
    ['de', 'Du folgst: ', 'Feeds: ', 'Du folgst '],
  ] as const)('%s: /status, /settings and /start name followed feeds by their titles, not their ids', async (language, status, settings, start) => {
    const user = { id: nextUser++, first_name: 'Sam', language_code: language };
    await say(h, user, '/subscribe bbc-tech evil');
    // The titles of TEST_FEEDS, escaped: what /feeds and the /subscribe buttons call them.
    const titles = '<b>BBC Technology</b>, <b>Evil &lt;Feed&gt; &amp; &quot;Co&quot;</b>';
    expect((await say(h, user, '/status'))[0]!.text).toContain(`${status}${titles}`);
    expect((await say(h, user, '/settings'))[0]!.text).toContain(`${settings}${titles}`);
    expect((await say(h, user, '/start'))[0]!.text).toContain(`${start}${titles}.`);
  });

  it('pages the subscribe keyboard of a long feeds.json, and redraws a pressed button\'s own page', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...TEST_FEEDS[1]!, id: `wire-${i}`, title: `Wire service ${i}`, url: `https://feeds.example/wire-${i}` }));
    const own = await startHarness({ deps: { feeds: () => many } });
    try {
      const user = english();
      const [keyboard] = await say(own, user, '/subscribe');
      expect(buttons(keyboard!).map((button) => button.text)).toContain('1/3');
      await press(own, user, keyboard!, 'sub:p:1');
      expect(buttons(keyboard!).map((button) => button.text)).toEqual(expect.arrayContaining(['‹', '2/3', '›']));
      await press(own, user, keyboard!, 'sub:f:wire-30');
      expect(own.deps.subscribers.find(user.id)?.feeds).toEqual(['wire-30']);
      expect(buttons(keyboard!).map((button) => button.text)).toEqual(expect.arrayContaining(['✅ Wire service 30', '2/3']));
    } finally {
      await own.close();
    }
  });

  it('answers within Telegram\'s 4,096 characters however much a chat follows', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...TEST_FEEDS[1]!, id: `a-wire-service-with-a-rather-long-feed-identifier-${i}`, url: `https://feeds.example/${i}` }));
    const own = await startHarness({ deps: { feeds: () => many } });
    try {
      const user = english();
      const [subscribed] = await say(own, user, `/subscribe ${many.slice(0, 40).map((feed) => feed.id).join(' ')}`);
      own.deps.subscribers.subscribe(user.id, many.map((feed) => ({ kind: 'feed' as const, value: feed.id })), FIXED_NOW);
      const [status] = await say(own, user, '/status');
      const [settings] = await say(own, user, '/settings');
      for (const answer of [subscribed!, status!, settings!]) expect(answer.text.length).toBeLessThanOrEqual(4096);
      expect(status!.text).toContain('and 120 more');
    } finally {
      await own.close();
    }
  });

  it('tells a chat what it follows that feeds.json dropped, and lets it unsubscribe from that', async () => {
    // Its own bot, with the digest port, so /digest gets past "not available".
    const own = await startHarness({ deps: { digestNow: async () => null } });
    try {
      const user = english();
      await say(own, user, '/subscribe tech');
      // The operator has since removed the topic "science" and the feed "old-feed" from feeds.json.
      // No name of "science" is known: it is shown by its id with a capital, as any unnamed topic.
      own.deps.subscribers.subscribe(user.id, [{ kind: 'topic', value: 'science' }, { kind: 'feed', value: 'old-feed' }], FIXED_NOW);
      const [status] = await say(own, user, '/status');
      // A dropped feed has no title any more: it keeps its id, which /unsubscribe takes.
      expect(status!.text).toContain('Following: <b>Science</b>, <b>Tech</b>, <b>old-feed</b>');
      expect(status!.text).toContain('No longer offered: <b>Science</b>, <b>old-feed</b> (/unsubscribe science old-feed drops them)');
      expect((await say(own, user, '/unsubscribe tech'))[0]!.text).toBe('No longer following: <b>Tech</b>.');
      const gone = 'Nothing you follow is offered any more: <b>Science</b>, <b>old-feed</b> left the feed list. /subscribe to choose again; /feeds shows what there is.';
      expect((await say(own, user, '/latest'))[0]!.text).toBe(gone);
      expect((await say(own, user, '/digest'))[0]!.text).toBe(gone);
      const [keyboard] = await say(own, user, '/unsubscribe');
      expect(buttons(keyboard!).map((button) => button.text)).toEqual(expect.arrayContaining(['✅ Science (no longer offered)', '✅ old-feed (no longer offered)']));
      await press(own, user, keyboard!, 'sub:t:science');
      expect(own.deps.subscribers.find(user.id)).toMatchObject({ topics: [], feeds: ['old-feed'] });
      expect(buttons(keyboard!).map((button) => button.callback_data)).not.toContain('sub:t:science');
      // A forged button for something neither offered nor followed changes nothing.
      await press(own, user, keyboard!, 'sub:t:science');
      expect(own.deps.subscribers.find(user.id)).toMatchObject({ topics: [], feeds: ['old-feed'] });
      expect((await say(own, user, '/unsubscribe old-feed'))[0]!.text).toBe('No longer following: <b>old-feed</b>.');
      expect((await say(own, user, '/status'))[0]!.text).not.toContain('No longer offered');
    } finally {
      await own.close();
    }
  });

  it('/stop unsubscribes, and its button deletes the chat\'s data', async () => {
    const user = english();
    await say(h, user, '/subscribe world');
    const [stopped] = await say(h, user, '/stop');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ active: false, topics: [] });
    expect((await say(h, user, '/status'))[0]!.text).toContain('none (stopped)');
    // A second /stop does not repeat the news: there is nothing left to stop, and the data can still go.
    const [again] = await say(h, user, '/stop');
    expect(again!.text).toContain('You are not subscribed to anything, so there is nothing to stop.');
    expect(again!.text).not.toBe(stopped!.text);
    expect(buttons(again!).map((button) => button.callback_data)).toEqual(['stop:delete']);
    await press(h, user, stopped!, 'stop:delete');
    expect(stopped!.text).toContain('All data about this chat is deleted');
    expect(h.deps.subscribers.find(user.id)).toBeNull();
    // Deleted, or never subscribed: nothing to stop either.
    expect((await say(h, user, '/stop'))[0]!.text).toContain('nothing to stop');
    expect((await say(h, english(), '/stop'))[0]!.text).toContain('nothing to stop');
  });

  it.each([['nl', 'nergens op geabonneerd'], ['de', 'nichts abonniert'], ['fr', 'abonné à rien']] as const)(
    '%s: a second /stop says there is nothing left to stop', async (language, says) => {
      const user = english();
      await say(h, user, `/language ${language}`);
      await say(h, user, '/subscribe world');
      const [first] = await say(h, user, '/stop');
      const [second] = await say(h, user, '/stop');
      expect(first!.text).not.toContain(says);
      expect(second!.text).toContain(says);
    },
  );

  it('/start after /stop welcomes the chat back, naming the settings /stop kept and how to change them', async () => {
    const user = english();
    await say(h, user, '/subscribe world');
    await say(h, user, '/time 18:15');
    await say(h, user, '/timezone Europe/London');
    await say(h, user, '/stop');
    const [back] = await say(h, user, '/start');
    expect(back!.text).toBe(
      'Welcome back, Sam! Your settings are kept: I speak English, your time zone is <b>Europe/London</b> and your daily digest is set for <b>18:15</b>; /settings changes them.\n\n' +
      'Since /stop you follow nothing: tap below to follow the default selection, or choose yourself with /subscribe.',
    );
    expect(buttons(back!).map((button) => button.callback_data)).toEqual(['start:default']);
    await press(h, user, back!, 'start:default');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ active: true, topics: ['tech', 'world'] });
    // Following again, it is told so; with its data deleted, a chat gets the first welcome.
    expect((await say(h, user, '/start'))[0]!.text).toMatch(/^Hello Sam! You are already set up/);
    const [stopped] = await say(h, user, '/stop');
    await press(h, user, stopped!, 'stop:delete');
    expect((await say(h, user, '/start'))[0]!.text).toMatch(/^Hello Sam! I read news feeds/);
  });

  it("an old /stop's delete button, pressed after the chat followed news again, deletes nothing", async () => {
    const user = english();
    await say(h, user, '/subscribe world');
    const [stopped] = await say(h, user, '/stop');
    await say(h, user, '/subscribe tech');
    await press(h, user, stopped!, 'stop:delete');
    expect(stopped!.text).toBe('This chat follows news again since that /stop, so nothing is deleted. To delete its data, send /stop first.');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ active: true, topics: ['tech'] });
  });

  it('/start in a chat that follows something says what it follows and when its digest comes, not the first welcome', async () => {
    const user = english();
    await say(h, user, '/subscribe world bbc-tech');
    await say(h, user, '/time 18:15');
    const [start] = await say(h, user, '/start');
    expect(start!.text).toBe(
      'Hello Sam! You are already set up: you follow <b>World</b>, <b>BBC Technology</b>.\n' +
      'Your daily digest arrives at <b>18:15</b> (time zone Europe/Amsterdam).\n' +
      '/settings changes this; /help lists everything I can do.',
    );
    expect(buttons(start!)).toEqual([]);
    await say(h, user, '/time off');
    expect((await say(h, user, '/start'))[0]!.text).toContain('.\nDaily digests are off.\n/settings');
    // A chat that follows nothing yet gets the first welcome, with its button.
    const [welcome] = await say(h, english(), '/start');
    expect(welcome!.text).toMatch(/^Hello Sam! I read news feeds/);
    expect(buttons(welcome!).map((button) => button.callback_data)).toEqual(['start:default']);
  });

  it.each([
    ['nl', 'Hallo Sam! Alles staat al klaar: je volgt <b>World</b>.\nJe dagelijkse overzicht komt om <b>07:30</b> (tijdzone Europe/Amsterdam).\nMet /settings wijzig je dat; /help laat alles zien wat ik kan.'],
    ['de', 'Hallo Sam! Bei dir ist schon alles eingerichtet: Du folgst <b>World</b>.\nDeine tägliche Übersicht kommt um <b>07:30 Uhr</b> (Zeitzone Europe/Amsterdam).\nMit /settings änderst du das; /help zeigt alles, was ich kann.'],
    ['fr', 'Bonjour Sam ! Tout est déjà en place : vous suivez <b>World</b>.\nVotre sélection quotidienne arrive à <b>07:30</b> (fuseau horaire Europe/Amsterdam).\n/settings permet de changer cela ; /help liste tout ce que je sais faire.'],
  ] as const)('%s: /start in a chat that follows something says so in the reader\'s language', async (language, says) => {
    const user = english();
    await say(h, user, `/language ${language}`);
    await say(h, user, '/subscribe world');
    expect((await say(h, user, '/start'))[0]!.text).toBe(says);
  });

  it.each([
    ['nl', 'Welkom terug, Sam! Je instellingen zijn bewaard: ik spreek Nederlands, je tijdzone is <b>Europe/Amsterdam</b> en dagelijkse overzichten staan uit;', 'Sinds /stop volg je niets'],
    ['de', 'Willkommen zurück, Sam! Deine Einstellungen sind geblieben: Ich spreche Deutsch, deine Zeitzone ist <b>Europe/Amsterdam</b> und tägliche Übersichten sind aus;', 'Seit /stop folgst du nichts'],
    ['fr', 'Bon retour, Sam ! Vos réglages sont conservés : je vous parle toujours en français, votre fuseau horaire est <b>Europe/Amsterdam</b> et les sélections quotidiennes sont désactivées ;', 'Depuis /stop, vous ne suivez plus rien'],
  ] as const)('%s: /start after /stop says what is kept, also with digests off', async (language, kept, follows) => {
    const user = english();
    await say(h, user, `/language ${language}`);
    await say(h, user, '/time off');
    await say(h, user, '/stop');
    const [back] = await say(h, user, '/start');
    expect(back!.text).toContain(kept);
    expect(back!.text).toContain(follows);
    expect(back!.text).toContain('/settings');
  });

  it('/help lists the commands, without the admin ones for ordinary users', async () => {
    const [help] = await say(h, english(), '/help');
    expect(help!.text).toContain('/latest — The newest briefings you have not seen');
    for (const admin of ['/stats', '/poll', '/reload']) expect(help!.text).not.toContain(admin);
  });

  it('/help with a command tells how to use that one, in the chat\'s language', async () => {
    expect((await say(h, english(), '/help time'))[0]!.text).toContain('<code>/time off</code> — no daily digest.');
    expect((await say(h, dutch(), '/help /latest'))[0]!.text).toContain('<code>/latest 10</code> — tot 20 tegelijk.');
    expect((await say(h, dutch(), '/help tijd'))[0]!.text).toContain('<code>/time uit</code>');
    // An admin command asked for by a reader gets the list instead.
    const [admin] = await say(h, english(), '/help reload');
    expect(admin!.text).toMatch(/^<b>What I can do<\/b>\n/);
    expect(admin!.text).not.toContain('feeds.json');
  });

  it.each([
    ['en', 'you no longer follow any topic or feed', 'Kept: your language, time zone and digest time', '/unsubscribe @channel'],
    ['nl', 'je volgt geen onderwerpen of feeds meer', 'Bewaard blijven je taal, tijdzone en tijd van het overzicht', '/unsubscribe @kanaal'],
    ['de', 'Du folgst keinen Themen oder Feeds mehr', 'Erhalten bleiben deine Sprache, deine Zeitzone und die Uhrzeit deiner Übersicht', '/unsubscribe @kanal'],
    ['fr', 'vous ne suivez plus aucun thème ni flux', 'Sont conservés : votre langue, votre fuseau horaire et l’heure de votre sélection', '/unsubscribe @canal'],
  ] as const)('%s: /help stop says what /stop removes and what it keeps', async (language, removes, keeps, channel) => {
    const user = english();
    await say(h, user, `/language ${language}`);
    const [help] = await say(h, user, '/help stop');
    expect(help!.text).toContain(removes);
    expect(help!.text).toContain(keeps);
    expect(help!.text).toContain(channel);
  });

  it('/help with a word that names no command says so, naming it, before the list, in every language', async () => {
    const [answer] = await say(h, english(), '/help frobnicate');
    expect(answer!.text).toMatch(/^There is no command <code>\/frobnicate<\/code>\. These are the commands I know:\n\n<b>What I can do<\/b>\n/);
    expect(answer!.text).toContain('/latest — The newest briefings you have not seen');
    expect(answer!.text).not.toContain('feeds.json');
    expect((await say(h, english(), '/help /NoSuch'))[0]!.text).toContain('There is no command <code>/NoSuch</code>.');
    const user = english();
    for (const [language, says, list] of [
      ['nl', 'Het commando <code>/nosuch</code> bestaat niet.', '/latest — '],
      ['de', 'Den Befehl <code>/nosuch</code> gibt es nicht.', '/latest — '],
      ['fr', 'La commande <code>/nosuch</code> n’existe pas.', '/latest — '],
    ] as const) {
      await say(h, user, `/language ${language}`);
      const [reply] = await say(h, user, '/help nosuch');
      expect(reply!.text, language).toContain(says);
      expect(reply!.text, language).toContain(list);
    }
  });

  it('an unknown command or plain text gets a one-line hint to /help', async () => {
    expect((await say(h, english(), '/frobnicate'))[0]!.text).toBe('I do not know that command. /help lists what I can do.');
    expect((await say(h, english(), '/lates'))[0]!.text).toBe('I do not know that command. Did you mean /latest? /help lists what I can do.');
    expect((await say(h, dutch(), '/subscirbe world'))[0]!.text).toBe('Dat commando ken ik niet. Bedoel je <code>/subscribe world</code>? /help laat zien wat ik kan.');
    // Admin commands are not guessed for readers who may not use them.
    expect((await say(h, english(), '/stat'))[0]!.text).not.toContain('/stats');
    expect((await say(h, english(), 'what is new?'))[0]!.text).toBe('I answer commands: /latest for the news, /help for everything I can do.');
    expect((await say(h, dutch(), 'hallo?'))[0]!.text).toContain('/help');
  });

  it('plain text that names topics or feeds gets the commands that take them, to copy', async () => {
    expect((await say(h, english(), 'World'))[0]!.text)
      .toBe('I answer commands: <code>/subscribe world</code> follows that, <code>/latest world</code> shows its newest briefings.');
    expect((await say(h, dutch(), 'tech, BBC-World'))[0]!.text)
      .toBe('Ik reageer op commando’s: <code>/subscribe tech bbc-world</code> volgt dat, <code>/latest tech bbc-world</code> toont de nieuwste briefings ervan.');
    // A word that names nothing among them: the usual hint, as for any sentence.
    expect((await say(h, english(), 'world news please'))[0]!.text).toBe('I answer commands: /latest for the news, /help for everything I can do.');
  });

  it('a command typed in the reader\'s language gets "did you mean" with its English name, in that language', async () => {
    const german = () => ({ id: nextUser++, first_name: 'Lena', language_code: 'de' });
    const french = () => ({ id: nextUser++, first_name: 'Léa', language_code: 'fr' });
    expect((await say(h, german(), '/hilfe'))[0]!.text).toBe('Diesen Befehl kenne ich nicht. Meintest du /help? /help zeigt, was ich kann.');
    expect((await say(h, german(), '/zeit 07:30'))[0]!.text).toBe('Diesen Befehl kenne ich nicht. Meintest du <code>/time 07:30</code>? /help zeigt, was ich kann.');
    expect((await say(h, german(), '/abonnieren welt'))[0]!.text).toContain('Meintest du <code>/subscribe welt</code>?');
    expect((await say(h, dutch(), '/tijd'))[0]!.text).toBe('Dat commando ken ik niet. Bedoel je /time? /help laat zien wat ik kan.');
    expect((await say(h, dutch(), '/laatste'))[0]!.text).toContain('Bedoel je /latest?');
    expect((await say(h, dutch(), '/hulp'))[0]!.text).toContain('Bedoel je /help?');
    expect((await say(h, french(), '/aide'))[0]!.text).toBe('Je ne connais pas cette commande. Vouliez-vous dire /help ? /help liste ce que je sais faire.');
    expect((await say(h, french(), '/dernières'))[0]!.text).toContain('Vouliez-vous dire /latest ?');
    expect((await say(h, french(), '/heure'))[0]!.text).toContain('Vouliez-vous dire /time ?');
    // A synonym is not a command: nothing is changed.
    const user = german();
    await say(h, user, '/zeit 18:00');
    expect(h.deps.subscribers.find(user.id)).toBeNull();
  });

  it('"did you mean" offers the whole command to copy, arguments and all, in every language', async () => {
    expect((await say(h, english(), '/tiem 07:30'))[0]!.text).toBe('I do not know that command. Did you mean <code>/time 07:30</code>? /help lists what I can do.');
    expect((await say(h, dutch(), '/tijd 7u30'))[0]!.text).toBe('Dat commando ken ik niet. Bedoel je <code>/time 7u30</code>? /help laat zien wat ik kan.');
    expect((await say(h, { id: nextUser++, first_name: 'Léa', language_code: 'fr' }, '/heure  19h'))[0]!.text)
      .toBe('Je ne connais pas cette commande. Vouliez-vous dire <code>/time 19h</code> ? /help liste ce que je sais faire.');
    // Escaped, and read as every command reads its arguments (full-width digits as ASCII).
    expect((await say(h, english(), '/subscirbe <b>&amp;'))[0]!.text).toContain('Did you mean <code>/subscribe &lt;b&gt;&amp;amp;</code>?');
    expect((await say(h, english(), '/zeit ０７:３０'))[0]!.text).toContain('Did you mean <code>/time 07:30</code>?');
    // Arguments too long or garbled to show are left out, as in the answer to an edited command.
    expect((await say(h, english(), `/subscirbe ${'world '.repeat(700)}`))[0]!.text).toBe('I do not know that command. Did you mean /subscribe? /help lists what I can do.');
    expect((await say(h, english(), '/tiem 07:30\u0001'))[0]!.text).toBe('I do not know that command. Did you mean /time? /help lists what I can do.');
  });

  it('/help takes a command by a word in the reader\'s language', async () => {
    expect((await say(h, { id: nextUser++, first_name: 'Lena', language_code: 'de' }, '/help zeit'))[0]!.text).toContain('<code>/time aus</code>');
    expect((await say(h, { id: nextUser++, first_name: 'Léa', language_code: 'fr' }, '/help heure'))[0]!.text).toContain('<code>/time aucune</code>');
    expect((await say(h, dutch(), '/help abonneren'))[0]!.text).toMatch(/^<code>\/subscribe<\/code>/);
    expect((await say(h, english(), '/help Übersicht'))[0]!.text).toMatch(/^<code>\/digest<\/code>/);
    expect((await say(h, english(), '/help /instellingen'))[0]!.text).toMatch(/^<code>\/settings<\/code>/);
  });

  it('keeps the command menu to the English ids', () => {
    for (const call of h.emulator.callsOf('setMyCommands')) {
      const names = (call.params.commands as { command: string }[]).map((entry) => entry.command);
      expect(names).toEqual(['start', 'latest', 'subscribe', 'unsubscribe', 'digest', 'time', 'timezone', 'language', 'feeds', 'settings', 'status', 'stop', 'help']);
    }
  });

  it('reads a /subscribe as long as a message, a pasted list of feeds and topics', async () => {
    const user = english();
    const list = `${'bbc-world, bbc-tech, nos-algemeen, evil, world, tech, netherlands; '.repeat(50)}`.slice(0, 4000);
    expect((await say(h, user, `/subscribe ${list}`))[0]!.text).toContain('Now following: <b>BBC News World</b>, <b>BBC Technology</b>');
    expect(h.deps.subscribers.find(user.id)).toMatchObject({ topics: ['netherlands', 'tech', 'world'], feeds: ['bbc-tech', 'bbc-world', 'evil', 'nos-algemeen'] });
    // As many words as fit, none known, some close to a name: one answer, within a message.
    const unknown = Array.from({ length: 700 }, (_, i) => (i % 2 === 0 ? `wrold${i}` : `x${i}`)).join(' ').slice(0, 4000);
    const [answer] = await say(h, user, `/subscribe ${unknown}`);
    expect(answer!.text).toContain('I do not know <b>wrold0</b>, <b>x1</b>');
    expect(answer!.text.length).toBeLessThanOrEqual(4096);
  });

  it('refuses arguments longer than a message, naming the limit, and binary ones, in the chat\'s language', async () => {
    const user = english();
    expect((await say(h, user, `/subscribe ${'world '.repeat(700)}`))[0]!.text)
      .toBe('That is too long for me: I read at most 4,096 characters after a command. Please send it in parts, for example a few topics per /subscribe.');
    expect((await say(h, dutch(), `/subscribe ${'wereld '.repeat(700)}`))[0]!.text).toContain('hoogstens 4.096 tekens');
    expect((await say(h, user, '/timezone \u0000\u0007\u001b'))[0]!.text).toBe('That contains characters I cannot read. Please try again with plain text.');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual([]);
  });

  it('uses the fixed clock for the chat\'s creation time', () => {
    expect(h.deps.subscribers.find(ANNA.id)?.createdAt).toBe(FIXED_NOW);
  });
});
