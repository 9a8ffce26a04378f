import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, formatDateTime, formatTimeOfDay, messagesFor, uiLanguageFor, type Messages } from '../../../src/i18n/index.js';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';
import { parseDigestTime } from '../../../src/telegram/time-input.js';

const HOSTILE = '<x & "y">';
const LANGUAGES = ['nl', 'en', 'de', 'fr'] as const;

/** Every catalogue entry rendered with hostile arguments, by name. */
function renderAll(msg: Messages): Record<string, string> {
  const list = [HOSTILE, 'world'];
  const view = { language: HOSTILE, timezone: HOSTILE, digestTime: HOSTILE, topics: list, feeds: list };
  const gone = list.map((id) => ({ id, label: id }));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(msg)) if (typeof value === 'string') out[key] = value;
  Object.assign(out, {
    welcome: msg.welcome(HOSTILE), namesWithoutCommand: msg.namesWithoutCommand(HOSTILE), timeOff: msg.timeOff(HOSTILE), argumentsTooLong: msg.argumentsTooLong(4096), editNotRead: msg.editNotRead(HOSTILE), editNotReadGarbled: msg.editNotRead(null),
    welcomeBack: msg.welcomeBack(HOSTILE, HOSTILE, HOSTILE), welcomeBackDigestsOff: msg.welcomeBack(null, HOSTILE, null), alreadySetUp: msg.alreadySetUp(HOSTILE, view), alreadySetUpDigestsOff: msg.alreadySetUp(null, { ...view, digestTime: null }),
    help: msg.help([{ command: 'x', description: HOSTILE }], true),
    subscribed: msg.subscribed(list), unsubscribed: msg.unsubscribed(list), unknownItems: msg.unknownItems(list),
    keyboardDone: msg.keyboardDone(list, list), channelUnknown: msg.channelUnknown(HOSTILE), channelNotAdmin: msg.channelNotAdmin(HOSTILE),
    channelCannotPost: msg.channelCannotPost(HOSTILE), channelSubscribed: msg.channelSubscribed(HOSTILE, list),
    channelNotAdminToUnsubscribe: msg.channelNotAdminToUnsubscribe(HOSTILE), channelNotSubscribed: msg.channelNotSubscribed(HOSTILE),
    channelUnsubscribed: msg.channelUnsubscribed(HOSTILE, list), channelStopped: msg.channelStopped(HOSTILE),
    latestHeader: msg.latestHeader(3), latestRecentHeader: msg.latestRecentHeader(3), timeSet: msg.timeSet(HOSTILE, HOSTILE), timeCurrent: msg.timeCurrent(HOSTILE, HOSTILE),
    helpNoSuchCommand: msg.helpNoSuchCommand(HOSTILE), unknownCommand: msg.unknownCommand(HOSTILE, HOSTILE), unknownCommandNoArgs: msg.unknownCommand(HOSTILE), timezoneSet: msg.timezoneSet(HOSTILE, HOSTILE), timezoneCurrent: msg.timezoneCurrent(HOSTILE, HOSTILE), timezoneSeveral: msg.timezoneSeveral(HOSTILE, HOSTILE),
    timezoneMeant: msg.timezoneMeant(HOSTILE), timezoneAmbiguous: msg.timezoneAmbiguous(HOSTILE, [HOSTILE, 'Dublin']),
    feedsTopic: msg.feedsTopic(HOSTILE), feedLine: msg.feedLine(HOSTILE, HOSTILE, 'failing', HOSTILE), settings: msg.settings(view),
    status: msg.status(view, { at: HOSTILE, dueNow: false }, HOSTILE, true, gone), statusDueNow: msg.status(view, { at: HOSTILE, dueNow: true }, HOSTILE, true, gone), followsOnlyGone: msg.followsOnlyGone(gone),
    stats: msg.stats({ subscribers: 1, activeSubscribers: 1, feeds: 1, failingFeeds: list, rarelyPolledFeeds: list, articles: 1, outbox: { pending: 1, sentToday: 1, sentTodayZone: HOSTILE, failed: 0, dead: 0, inactiveChats: 2 } }),
    pollDone: msg.pollDone(1, [{ feed: HOSTILE, problem: HOSTILE }, { feed: 'world', problem: 'HTTP 404 Not Found' }]),
    reloadDone: msg.reloadDone({ added: list, removed: list, renamedFeeds: [{ from: HOSTILE, to: HOSTILE }], changed: list, renamedTopics: list, enabled: 3 }),
    reloadUnchanged: msg.reloadDone({ added: [], removed: [], renamedFeeds: [], changed: [], renamedTopics: [], enabled: 3 }),
    reloadFailed: msg.reloadFailed(`${HOSTILE}: feeds[0].url: not an absolute http(s) URL`, 3),
  });
  for (const [name, text] of Object.entries(msg.commandHelp)) out[`commandHelp.${name}`] = text;
  delete out.languageName;
  delete out.dateTimeFormat;
  delete out.timeFormat;
  delete out.doneButton;
  delete out.subscribeDefaultButton;
  delete out.settingsDigestOffButton;
  delete out.settingsTopicsButton;
  delete out.stopDeleteButton;
  return out;
}

describe('the message catalogue', () => {
  it.each(LANGUAGES)('%s describes every command within Telegram\'s menu limits', (language) => {
    const descriptions = messagesFor(language).commandDescriptions;
    for (const name of COMMAND_NAMES) {
      expect(descriptions[name].length).toBeGreaterThan(2);
      expect(descriptions[name].length).toBeLessThanOrEqual(256);
    }
  });

  it.each(LANGUAGES)('%s produces valid Telegram HTML and escapes every argument', (language) => {
    for (const [key, html] of Object.entries(renderAll(messagesFor(language)))) {
      expect(checkTelegramHtml(html), `${language}.${key}`).toBeNull();
      expect(html, `${language}.${key}`).not.toContain('<x');
    }
  });

  it('has the same entries in every language, with different words', () => {
    const en = renderAll(messagesFor('en'));
    for (const language of LANGUAGES) expect(Object.keys(renderAll(messagesFor(language))).sort(), language).toEqual(Object.keys(en).sort());
    expect(new Set(LANGUAGES.map((language) => messagesFor(language).somethingWentWrong)).size).toBe(LANGUAGES.length);
  });

  it('speaks of one briefing in the singular, in /latest\'s header and its "most recent again" button and answer', () => {
    const one = (language: (typeof LANGUAGES)[number]) => {
      const msg = messagesFor(language);
      return [msg.latestHeader(1), msg.latestRecentButton(1), msg.latestRecentHeader(1), msg.latestRecentButton(2), msg.latestRecentHeader(2)];
    };
    expect(one('en')).toEqual(['<b>The latest briefing</b>', 'Show the most recent one again', '<b>The most recent briefing</b> (seen before)',
      'Show the 2 most recent again', '<b>The most recent briefings</b> (seen before)']);
    expect(one('nl')).toEqual(['<b>De nieuwste briefing</b>', 'Toon de meest recente opnieuw', '<b>De meest recente briefing</b> (al eerder gezien)',
      'Toon de 2 meest recente opnieuw', '<b>De meest recente briefings</b> (al eerder gezien)']);
    expect(one('de')).toEqual(['<b>Das neueste Briefing</b>', 'Das letzte noch einmal zeigen', '<b>Das letzte Briefing</b> (schon gesehen)',
      'Die 2 letzten noch einmal zeigen', '<b>Die letzten Briefings</b> (schon gesehen)']);
    expect(one('fr')).toEqual(['<b>Le dernier briefing</b>', 'Remontrer le plus récent', '<b>Le briefing le plus récent</b> (déjà vu)',
      'Remontrer les 2 plus récents', '<b>Les briefings les plus récents</b> (déjà vus)']);
  });

  it('picks the interface language from Telegram\'s language code', () => {
    expect(uiLanguageFor('nl-BE', 'en')).toBe('nl');
    expect(uiLanguageFor('en-US', 'nl')).toBe('en');
    expect(uiLanguageFor('de-AT', 'nl')).toBe('de');
    expect(uiLanguageFor('fr-BE', 'nl')).toBe('fr');
    expect(uiLanguageFor('es', 'nl')).toBe('nl');
    expect(uiLanguageFor(undefined, 'en')).toBe('en');
  });

  it('formats dates in the chat\'s zone with the language\'s locale', () => {
    const at = Date.UTC(2026, 2, 29, 1, 30);
    expect(formatDateTime(at, 'Europe/Amsterdam', 'nl')).toBe('zondag 29 maart, 03:30');
    expect(formatDateTime(at, 'America/New_York', 'en')).toBe('Saturday 28 March, 21:30');
    expect(formatDateTime(at, 'Europe/Berlin', 'de')).toBe('Sonntag, 29. März, 03:30 Uhr');
    expect(formatDateTime(at, 'Europe/Paris', 'fr')).toBe('dimanche 29 mars, 03:30');
  });

  it.each(LANGUAGES)('%s writes every time of day one way: the digest time as within a date', (language) => {
    const at = Date.UTC(2026, 0, 5, 16, 12);
    expect(formatDateTime(at, 'UTC', language).endsWith(`, ${formatTimeOfDay('16:12', language)}`), language).toBe(true);
    expect(formatTimeOfDay('07:05', language)).toMatch(/^07:05( Uhr)?$/);
  });

  it.each([['nl', 'uit'], ['de', 'aus'], ['fr', 'aucune']] as const)('%s names its own word for no digest, one /time reads as off', (language, word) => {
    const msg = messagesFor(language);
    for (const text of [msg.timeBad, msg.timeCurrent(null, 'UTC'), msg.commandHelp.time, msg.commandDescriptions.time]) {
      expect(text).not.toMatch(/\boff\b/);
      expect(text).toContain(word);
    }
    expect(parseDigestTime(word)).toEqual({ ok: true, time: null });
  });
  it.each([['nl', '5 inactieve chats'], ['en', '5 inactive chats'], ['de', '5 inaktive Chats'], ['fr', '5 conversations inactives']] as const)('%s /stats shows the inactive chats of the outbox', (language, expected) => {
    const outbox = { pending: 1, sentToday: 2, sentTodayZone: 'UTC', failed: 3, dead: 4, inactiveChats: 5 };
    const html = messagesFor(language).stats({ subscribers: 1, activeSubscribers: 1, feeds: 1, failingFeeds: [], rarelyPolledFeeds: [], articles: null, outbox });
    expect(html).toContain(expected);
  });
  it.each([['en', 'Subscribers: 12,345 (2,460 active)', 'Articles: 1,234,567', '1,500 pending'], ['nl', 'Abonnees: 12.345 (2.460 actief)', 'Artikelen: 1.234.567', '1.500 in de wachtrij']] as const)(
    '%s /stats groups the digits of large figures as the language does', (language, subscribers, articles, pending) => {
      const outbox = { pending: 1500, sentToday: 0, sentTodayZone: 'UTC', failed: 0, dead: 0, inactiveChats: 0 };
      const html = messagesFor(language).stats({ subscribers: 12345, activeSubscribers: 2460, feeds: 1, failingFeeds: [], rarelyPolledFeeds: [], articles: 1234567, outbox });
      expect(html).toContain(subscribers);
      expect(html).toContain(articles);
      expect(html).toContain(pending);
    });
  it.each([['en', 'Poll finished: 1,200 feeds ok, 1,031 failed:', 'and 1,001 more'], ['de', 'Abruf fertig: 1.200 Feeds in Ordnung, 1.031 fehlgeschlagen:', 'und 1.001 weitere']] as const)(
    '%s /poll\'s answer groups the digits of its counts, the "more" of its list too', (language, head, more) => {
      const failed = Array.from({ length: 1031 }, (_, i) => ({ feed: `feed-${i}`, problem: 'HTTP 404 Not Found' }));
      const html = messagesFor(language).pollDone(1200, failed);
      expect(html.startsWith(head)).toBe(true);
      expect(html).toContain(more);
    });
  it.each([['en', 'and 1,970 more'], ['nl', 'en nog 1.970']] as const)('%s lists count the names left out as the language writes numbers', (language, more) => {
    const feeds = Array.from({ length: 2000 }, (_, i) => `feed-${i}`);
    expect(messagesFor(language).subscribed(feeds)).toContain(`${more}.`);
  });
});

describe('date-fns imports', () => {
  // The package root and the locale barrel load every function and every locale (tens of MB of RSS).
  it('import single functions and the interface languages\' locales only, never the whole package', () => {
    const files = ['src/i18n', 'src/telegram', 'src/bot', 'commands'].flatMap((dir) =>
      readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name)));
    const offenders = files.filter((file) => /from '(date-fns|date-fns\/locale)'/.test(readFileSync(file, 'utf8')));
    expect(files).toContain(join('src/i18n', 'index.ts'));
    expect(offenders).toEqual([]);
  });
});
