import { escapeHtml as e } from '../telegram/html.js';
import { boldList, commandChoice, countFormat, failureLines, follows, goneIds, goneLabels, HEALTH_ICONS, offeredCommand, renameText, sentenceList, topicHeading, type Messages, type NextDigestView } from './messages.js';

/** How this language groups the digits of a count a reader sees. */
const n = countFormat('de');

const list = (items: readonly string[]) => boldList(items, (count) => `und ${n(count)} weitere`);

/** When the next digest comes (formatted), or that it is on its way (due at that time). */
const nextDigestText = (next: NextDigestView) => (next.dueNow ? `ist unterwegs (fällig seit ${e(next.at)})` : e(next.at));

/** How this language writes a time of day (date-fns), wherever a message shows one. */
const TIME_FORMAT = "HH:mm 'Uhr'";

/** Die deutsche Oberfläche. */
export const DE: Messages = {
  languageName: 'Deutsch',
  commandDescriptions: {
    start: 'Willkommen und schneller Einstieg',
    latest: 'Die neuesten Briefings, die du noch nicht kennst',
    subscribe: 'Themen oder Feeds folgen',
    unsubscribe: 'Themen oder Feeds nicht mehr folgen',
    digest: 'Deine Übersicht, sofort',
    time: 'Uhrzeit der Übersicht (HH:MM oder aus)',
    timezone: 'Deine Zeitzone',
    language: 'Sprache des Bots (nl, en, de oder fr)',
    feeds: 'Alle Feeds nach Thema',
    settings: 'Deine Einstellungen',
    status: 'Abonnements und nächste Übersicht',
    stop: 'Alles abbestellen',
    help: 'Was ich kann',
    stats: 'Verwaltung: Zahlen',
    poll: 'Verwaltung: Feeds jetzt abrufen',
    reload: 'Verwaltung: feeds.json neu einlesen',
  },
  welcome: (name) =>
    `Hallo${name ? ` ${e(name)}` : ''}! Ich lese Nachrichtenfeeds und fasse jeden Artikel in einem kurzen Briefing ` +
    'mit den eigenen Worten der Journalisten zusammen. Frag jederzeit nach den neuesten Meldungen (/latest) oder erhalte jeden Tag eine Übersicht zu deiner Uhrzeit.\n\n' +
    'Tippe unten, um einer Standardauswahl zu folgen, oder wähle selbst mit /subscribe.',
  welcomeBack: (name, zone, time) =>
    `Willkommen zurück${name ? `, ${e(name)}` : ''}! Deine Einstellungen sind geblieben: Ich spreche Deutsch, deine Zeitzone ist <b>${e(zone)}</b> und ` +
    `${time === null ? 'tägliche Übersichten sind aus' : `deine tägliche Übersicht ist auf <b>${e(time)}</b> gestellt`}; mit /settings änderst du sie.\n\n` +
    'Seit /stop folgst du nichts: Tippe unten, um der Standardauswahl zu folgen, oder wähle selbst mit /subscribe.',
  alreadySetUp: (name, v) =>
    [
      `Hallo${name ? ` ${e(name)}` : ''}! Bei dir ist schon alles eingerichtet: Du folgst ${list([...v.topics, ...v.feeds])}.`,
      v.digestTime === null ? 'Tägliche Übersichten sind aus.' : `Deine tägliche Übersicht kommt um <b>${e(v.digestTime)}</b> (Zeitzone ${e(v.timezone)}).`,
      'Mit /settings änderst du das; /help zeigt alles, was ich kann.',
    ].join('\n'),
  subscribeDefaultButton: 'Der Standardauswahl folgen',
  help: (lines, isAdmin) =>
    [
      '<b>Was ich kann</b>',
      ...lines.map((line) => `/${line.command} — ${e(line.description)}`),
      '',
      'Beispiele: <code>/subscribe world tech</code>, <code>/latest 10</code>, <code>/time 07:30</code>, <code>/timezone Europe/Berlin</code>.',
      '<code>/help time</code> erklärt einen Befehl genauer.',
      ...(isAdmin ? ['Du verwaltest diesen Bot.'] : []),
    ].join('\n'),
  commandHelp: {
    start: '<code>/start</code> — eine Begrüßung, mit einer Schaltfläche, die einer Standardauswahl von Themen folgt.',
    latest:
      '<code>/latest</code> — die 5 neuesten Briefings aus dem, was du folgst, die du noch nicht bekommen hast.\n' +
      '<code>/latest 10</code> — bis zu 20 auf einmal.\n' +
      '<code>/latest tech</code> — nur dieses Thema oder dieser Feed, ob du ihm folgst oder nicht; <code>/latest 10 tech</code> geht auch.\n' +
      'Ein Briefing, das du einmal bekommen hast, hier oder in einer Übersicht, wird nicht noch einmal angeboten; gibt es nichts Neues, zeigt eine Schaltfläche die letzten noch einmal.',
    subscribe:
      '<code>/subscribe</code> — eine Schaltfläche für jedes Thema und jeden Feed: tippen, um zu folgen oder nicht mehr zu folgen.\n' +
      '<code>/subscribe world tech</code> — Themen oder Feeds mit Namen folgen (/feeds listet sie auf); mit <code>/subscribe alle</code> folgst du jedem Thema.\n' +
      '<code>/subscribe @kanal world</code> — ein Kanal, den du verwaltest, bekommt die tägliche Übersicht; mach mich zuerst zum Admin des Kanals. Einen Kanal ohne @Namen nennst du bei seiner ID (<code>/subscribe -1001234567890 world</code>).\n' +
      '<code>/time @kanal 06:00</code>, <code>/timezone @kanal London</code>, <code>/language @kanal de</code> — Uhrzeit der Übersicht, Zeitzone und Sprache des Kanals.',
    unsubscribe:
      '<code>/unsubscribe</code> — die Schaltflächen von /subscribe: ✅ steht bei allem, dem du folgst; antippen, um nicht mehr zu folgen.\n' +
      '<code>/unsubscribe tech</code> — Themen oder Feeds mit Namen nicht mehr folgen; mit <code>/unsubscribe alle</code> folgst du nichts mehr.\n' +
      '<code>/unsubscribe @kanal</code> — ein Kanal, den du verwaltest, bekommt keine Übersichten mehr.',
    digest:
      '<code>/digest</code> — deine Übersicht sofort, genau wie die tägliche aussieht: die wichtigsten Meldungen seit deiner letzten täglichen Übersicht. ' +
      '/latest bietet sie danach nicht mehr an; ein weiteres /digest oder die tägliche Übersicht kann sie aber noch einmal zeigen, weil sie dieselben Stunden abdeckt.',
    time:
      '<code>/time 07:30</code> — wann deine tägliche Übersicht kommt, in deiner Zeitzone (<code>7.30</code>, <code>19 Uhr</code> und <code>7pm</code> gehen auch).\n' +
      '<code>/time aus</code> — keine tägliche Übersicht.\n' +
      '<code>/time</code> — die eingestellte Uhrzeit.',
    timezone:
      '<code>/timezone Europe/Berlin</code> — die Zeitzone deiner Übersicht und der Zeiten, die ich zeige. ' +
      'Eine Stadt (<code>/timezone Wien</code>), ein Land (<code>/timezone Deutschland</code>), ein Versatz (<code>/timezone +02:00</code>) oder eine Abkürzung (<code>/timezone MEZ</code>) geht auch.\n' +
      '<code>/timezone</code> — die eingestellte Zone.',
    language:
      '<code>/language de</code>, <code>/language nl</code>, <code>/language en</code> oder <code>/language fr</code> — die Sprache, die ich spreche. Briefings bleiben in der Sprache ihres Artikels.',
    feeds: '<code>/feeds</code> — alle Feeds nach Thema; 🔴 markiert einen Feed, der gerade nicht funktioniert.\n<code>/feeds tech</code> — nur die Feeds dieser Themen.',
    settings: '<code>/settings</code> — deine Sprache, Zeitzone, Uhrzeit der Übersicht und Abonnements, mit Schaltflächen zum Ändern.',
    status: '<code>/status</code> — wem du folgst, wann deine nächste Übersicht kommt und wann du zuletzt etwas bekommen hast. <code>/status @kanal</code> — dasselbe für einen Kanal, den du verwaltest.',
    stop:
      '<code>/stop</code> — alles abbestellen: Du folgst keinen Themen oder Feeds mehr und bekommst keine Übersichten mehr.\n' +
      'Erhalten bleiben deine Sprache, deine Zeitzone und die Uhrzeit deiner Übersicht, ebenso was du schon bekommen hast (/latest wiederholt es also nicht); /subscribe holt dich mit diesen Einstellungen zurück. ' +
      'Ein Kanal, den du abonniert hast, bekommt seine Übersichten weiter; <code>/unsubscribe @kanal</code> beendet sie.\n' +
      'Eine Schaltfläche unter der Antwort löscht außerdem alles, was ich über diesen Chat weiß, auch die Einstellungen.',
    help: '<code>/help</code> — alle Befehle. <code>/help time</code> — mehr über einen davon.',
    stats: '<code>/stats</code> — Abonnenten, Feeds und welche davon nicht funktionieren, Artikel, und die Nachrichten, die noch verschickt werden.',
    poll: '<code>/poll</code> — alle Feeds jetzt abrufen; ich sage Bescheid, wenn es fertig ist.',
    reload: '<code>/reload</code> — feeds.json ohne Neustart neu einlesen. Eine Datei mit Fehlern ändert nichts, und ich liste die Fehler auf.',
  },
  helpNoSuchCommand: (name) => `Den Befehl <code>/${e(name)}</code> gibt es nicht. Diese Befehle kenne ich:`,
  unknownCommand: (guess, args) => `Diesen Befehl kenne ich nicht.${guess === undefined ? '' : ` Meintest du ${offeredCommand(guess, args)}?`} /help zeigt, was ich kann.`,
  editNotRead: (command) =>
    'Bearbeitete Nachrichten lese ich nicht, deine Änderung hat also nichts bewirkt. ' +
    (command === null ? 'Schick den Befehl bitte noch einmal als neue Nachricht.' : `Schick den Befehl bitte noch einmal als neue Nachricht: <code>${e(command)}</code>`),
  notACommand: 'Ich antworte auf Befehle: /latest für die Nachrichten, /help für alles, was ich kann.',
  namesWithoutCommand: (names) => `Ich antworte auf Befehle: <code>/subscribe ${e(names)}</code> folgt dem, <code>/latest ${e(names)}</code> zeigt die neuesten Briefings dazu.`,
  notTyped: 'Ich lese nur getippte Befehle: /latest für die Nachrichten, /help für alles, was ich kann.',
  somethingWentWrong: 'Etwas ist schiefgegangen, bitte versuch es noch einmal.',
  slowDown: 'Das sind viele Befehle auf einmal. Warte bitte ein paar Sekunden; dann antworte ich wieder.',
  argumentsTooLong: (limit) => `Das ist zu lang: Ich lese höchstens ${n(limit)} Zeichen nach einem Befehl. Schick es bitte in Teilen, zum Beispiel ein paar Themen pro /subscribe.`,
  unreadableArguments: 'Darin sind Zeichen, die ich nicht lesen kann. Versuch es bitte mit einfachem Text.',
  groupAdminsOnly: 'Nur die Admins dieser Gruppe können ihre Einstellungen ändern.',
  botAdminsOnly: 'Dieser Befehl ist für die Verwalter dieses Bots.',
  subscribed: (items) => `Du folgst jetzt: ${list(items)}.`,
  unsubscribed: (items) => `Du folgst nicht mehr: ${list(items)}.`,
  unknownItems: (items, retry) =>
    `${list(items)} kenne ich nicht.${retry === undefined ? '' : ` Meintest du <code>${e(retry)}</code>?`} /feeds listet die Themen und Feeds auf.`,
  nothingChanged: 'Nichts geändert.',
  notFollowed: (items) => `Du folgst ${list(items)} nicht.`,
  subscribeKeyboardTitle: 'Tippe auf Themen und Feeds, um ihnen zu folgen oder nicht mehr zu folgen:',
  doneButton: 'Fertig',
  goneButton: (name) => `${name} (nicht mehr im Angebot)`,
  keyboardDone: (topics, feeds) =>
    topics.length + feeds.length === 0
      ? 'Du folgst noch nichts. Mit /subscribe wählst du aus.'
      : `Du folgst ${list([...topics, ...feeds])}.`,
  channelUnknown: (channel) => `Ich finde ${e(channel)} nicht. Füge mich zuerst als Admin zum Kanal hinzu.`,
  channelIsGroup: (channel) => `${e(channel)} ist eine Gruppe, kein Kanal: füg mich dort hinzu und schick den Befehl in der Gruppe.`,
  channelNotAdmin: (channel) => `Nur ein Admin von ${e(channel)} kann ihn abonnieren.`,
  channelCannotPost: (channel) => `Ich kann in ${e(channel)} nichts posten. Mach mich zum Admin mit dem Recht, Nachrichten zu senden.`,
  channelSubscribed: (channel, items) => `${e(channel)} folgt jetzt ${list(items)}.`,
  channelNotAdminToUnsubscribe: (channel) => `Nur ein Admin von ${e(channel)} kann ihn abbestellen.`,
  channelNotAdminToView: (channel) => `Nur ein Admin von ${e(channel)} kann seine Einstellungen sehen oder ändern.`,
  channelNotSubscribed: (channel) => `${e(channel)} folgt hier nichts. <code>/subscribe ${e(channel)} world</code> abonniert ihn.`,
  channelUnsubscribed: (channel, items) => `${e(channel)} folgt ${list(items)} nicht mehr.`,
  channelStopped: (channel) => `${e(channel)} ist von allem abgemeldet und bekommt keine Übersichten mehr.`,
  latestHeader: (count, cappedAt) =>
    `<b>${count === 1 ? 'Das neueste Briefing' : `Die ${n(count)} neuesten Briefings`}</b>${cappedAt === undefined ? '' : ` (höchstens ${n(cappedAt)} auf einmal)`}`,
  latestNothingNew: 'Nichts Neues seit deinem letzten Blick.',
  latestNothingAtAll: 'Es gibt noch keine Briefings. Die Feeds werden regelmäßig abgerufen; versuch es später noch einmal.',
  latestRecentButton: (count) => (count === 1 ? 'Das letzte noch einmal zeigen' : `Die ${n(count)} letzten noch einmal zeigen`),
  latestRecentHeader: (count) => `<b>${count === 1 ? 'Das letzte Briefing' : 'Die letzten Briefings'}</b> (schon gesehen)`,
  latestAllFeedsHint: 'Du folgst noch nichts, darum kommt dies aus allen Feeds. Mit /subscribe wählst du aus.',
  latestBadCount: 'Nutze /latest oder /latest N mit einer Zahl N von 1 bis 20, zum Beispiel <code>/latest 10</code>.',
  digestEmpty: 'Gerade gibt es nichts Neues für deine Übersicht.',
  digestFollowsNothing: 'Du folgst noch nichts, also gibt es keine Übersicht. Wähle Themen oder Feeds mit /subscribe; /latest zeigt solange die Nachrichten aller Feeds.',
  digestUnavailable: 'Die Übersicht ist gerade nicht verfügbar. Versuch es bitte später noch einmal.',
  timeSet: (time, zone) => `Deine tägliche Übersicht kommt um <b>${e(time)}</b> (${e(zone)}).`,
  timeOff: (command) => `Tägliche Übersichten sind aus. <code>${e(command)}</code> schaltet sie wieder ein.`,
  timeCurrent: (time, zone) =>
    (time === null ? 'Tägliche Übersichten sind aus.' : `Deine tägliche Übersicht kommt um <b>${e(time)}</b> (${e(zone)}).`) +
    '\nÄndern mit <code>/time HH:MM</code>, zum Beispiel <code>/time 07:30</code>, oder <code>/time aus</code>.',
  timeBad: 'Gib bitte eine Uhrzeit als HH:MM an, zum Beispiel <code>/time 07:30</code>, oder <code>/time aus</code>, um die Übersichten zu beenden.',
  timeFollowsNothing: 'Du folgst noch nichts, also kommt keine Übersicht, bis du mit /subscribe Themen oder Feeds abonnierst.',
  nextDigest: (next) => `Nächste Übersicht: ${nextDigestText(next)}.`,
  timezoneSet: (zone, now) => `Zeitzone ist jetzt <b>${e(zone)}</b>. Dort ist es ${e(now)}.`,
  timezoneNoSummerTime: 'Ein fester Versatz zu UTC folgt der Sommerzeit nicht: Nenne deine Stadt, wenn du ihr folgen willst (<code>/timezone Berlin</code>).',
  timezoneCurrent: (zone, now) =>
    `Deine Zeitzone ist <b>${e(zone)}</b> (jetzt ${e(now)}).\nÄndern mit <code>/timezone Europe/Berlin</code>, einer Stadt (<code>/timezone Wien</code>) oder einem Versatz (<code>/timezone +02:00</code>).`,
  timezoneBad:
    'Diese Zeitzone kenne ich nicht. Nutze einen Namen wie <code>/timezone Europe/Berlin</code>, eine Stadt wie <code>/timezone Wien</code>, ein Land wie <code>/timezone Österreich</code> oder einen Versatz wie <code>/timezone +02:00</code>.',
  timezoneMeant: (name) =>
    `Diese Zeitzone kenne ich nicht. Meinst du ${offeredCommand('timezone', name)}? Wenn nicht, nenne eine größere Stadt in deiner Nähe oder deinen Versatz zu UTC (<code>/timezone +02:00</code>).`,
  timezoneAmbiguous: (abbreviation, cities) =>
    `${e(abbreviation)} steht für mehr als eine Zeitzone. Nenne deine Stadt: ${commandChoice('timezone', cities, 'oder')}.`,
  timezoneSeveral: (country, offset) =>
    `${e(country)}: Dieses Land hat mehr als eine Zeitzone. Nenne eine Stadt dort oder deinen Versatz zu UTC (<code>/timezone ${e(offset)}</code>).`,
  languageSet: 'Ich spreche ab jetzt Deutsch. Briefings bleiben in der Sprache ihres Artikels.',
  languageBad: 'Wähle <code>/language de</code>, <code>/language nl</code>, <code>/language en</code> oder <code>/language fr</code>.',
  languageCurrent: 'Ich spreche hier Deutsch. <code>/language en</code> wechselt zu Englisch, <code>/language nl</code> zu Niederländisch, <code>/language fr</code> zu Französisch.',
  feedsHeader: '<b>Feeds nach Thema</b>',
  feedsTopic: (topic) => `\n<b>${e(topic)}</b>`,
  feedLine: (title, id, health, language) =>
    `${HEALTH_ICONS[health]} ${e(title)} (<code>${e(id)}</code>, ${e(language)})` +
    (health === 'failing' ? ' — funktioniert gerade nicht' : health === 'new' ? ' — noch nicht abgerufen' : ''),
  feedsEmpty: 'Es sind keine Feeds eingerichtet.',
  settings: (v) =>
    [
      '<b>Deine Einstellungen</b>',
      `Sprache: ${e(v.language)}`,
      `Zeitzone: ${e(v.timezone)}`,
      `Tägliche Übersicht: ${v.digestTime === null ? 'aus' : e(v.digestTime)}`,
      `Themen: ${v.topics.length > 0 ? list(v.topics) : 'keine'}`,
      `Feeds: ${v.feeds.length > 0 ? list(v.feeds) : 'keine'}`,
    ].join('\n'),
  settingsDigestOnButton: (time) => `Tägliche Übersicht einschalten (${time})`,
  settingsDigestOffButton: 'Tägliche Übersicht ausschalten',
  settingsTopicsButton: 'Themen und Feeds wählen',
  status: (v, next, last, active, gone) =>
    [
      '<b>Status</b>',
      `Du folgst: ${follows(v) ? list([...v.topics, ...v.feeds]) : 'nichts'}`,
      ...(gone.length > 0 ? [`Nicht mehr im Angebot: ${list(goneLabels(gone))} (/unsubscribe ${e(goneIds(gone))} entfernt sie)`] : []),
      `Nächste Übersicht: ${!active ? 'keine (abbestellt)' : next === null ? 'keine (Übersichten sind aus)' : !follows(v) ? 'keine, bis du einem Thema oder Feed folgst (/subscribe)' : nextDigestText(next)}`,
      `Zuletzt erhalten: ${last === null ? 'noch nichts' : e(last)}`,
    ].join('\n'),
  followsOnlyGone: (gone) =>
    `Nichts, dem du folgst, wird noch angeboten: ${list(goneLabels(gone))} ist nicht mehr in der Feed-Liste. Wähle neu mit /subscribe; /feeds zeigt, was es gibt.`,
  stopped: 'Du bist von allem abgemeldet und bekommst keine Übersichten mehr. /subscribe holt dich zurück.\nTippe unten, um auch alles zu löschen, was ich über diesen Chat weiß.',
  alreadyStopped: 'Du hast nichts abonniert, es gibt also nichts zu beenden. /subscribe holt dich zurück.\nTippe unten, um alles zu löschen, was ich über diesen Chat weiß.',
  stopDeleteButton: 'Daten dieses Chats löschen',
  deleted: 'Alle Daten zu diesem Chat sind gelöscht. /start fängt neu an.',
  deleteAfterFollowingAgain: 'Dieser Chat folgt seit diesem /stop wieder Nachrichten, daher ist nichts gelöscht. Um seine Daten zu löschen, sende zuerst /stop.',
  stats: (f) =>
    [
      '<b>Statistik</b>',
      `Abonnenten: ${n(f.subscribers)} (${n(f.activeSubscribers)} aktiv)`,
      `Feeds: ${n(f.feeds)}, gerade gestört: ${f.failingFeeds.length > 0 ? list(f.failingFeeds) : 'keine'}`,
      ...(f.rarelyPolledFeeds.length === 0 ? [] : [`Nach vielen Fehlern in Folge nur noch selten abgerufen: ${list(f.rarelyPolledFeeds)}`]),
      ...(f.articles === null ? [] : [`Artikel: ${n(f.articles)}`]),
      ...(f.outbox === null ? [] :
        [`Versand: ${n(f.outbox.pending)} in der Warteschlange, ${n(f.outbox.sentToday)} heute verschickt (${e(f.outbox.sentTodayZone)}), ${n(f.outbox.failed)} fehlgeschlagen, ${n(f.outbox.dead)} aufgegeben, ${n(f.outbox.inactiveChats)} inaktive Chats`]),
    ].join('\n'),
  pollStarted: 'Ich rufe jetzt alle Feeds ab…',
  pollDone: (done, failed) => `Abruf fertig: ${n(done)} Feeds in Ordnung, ${n(failed.length)} fehlgeschlagen${failed.length > 0 ? `:${failureLines(failed, (count) => `und ${n(count)} weitere`)}` : '.'}`,
  pollUnavailable: 'Abrufen ist in diesem Prozess nicht verfügbar.',
  reloadDone: (change) => {
    const parts = [
      change.added.length > 0 ? `hinzugefügt: ${list(change.added)}` : '',
      change.removed.length > 0 ? `entfernt: ${list(change.removed)}` : '',
      change.renamedFeeds.length > 0 ? `umbenannt: ${list(change.renamedFeeds.map(renameText))}` : '',
      change.changed.length > 0 ? `geändert: ${list(change.changed)}` : '',
      change.renamedTopics.length > 0 ? `Themen umbenannt: ${list(change.renamedTopics)}` : '',
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join('; ') : 'nichts geändert';
    return `feeds.json neu eingelesen: ${what}. Jetzt werden ${n(change.enabled)} Feeds abgerufen.`;
  },
  reloadWarnings: (warnings) => `Bitte in feeds.json prüfen:\n<pre>${e(warnings)}</pre>`,
  reloadFailed: (error, kept) =>
    `feeds.json wurde nicht neu eingelesen; ich behalte die ${n(kept)} Feeds, die ich hatte. Behebe dies und versuch es noch einmal:\n<pre>${e(error)}</pre>`,
  reloadUnavailable: 'Neu einlesen von feeds.json ist in diesem Prozess nicht verfügbar.',
  none: 'keine',
  timeFormat: TIME_FORMAT,
  dateTimeFormat: `EEEE, d. MMMM, ${TIME_FORMAT}`,
  digestHeader: (date) => `📰 <b>Deine Übersicht</b> · ${e(date)}`,
  digestTopic: topicHeading,
  digestTopicContinued: (topic) => topicHeading(`${topic} (Fortsetzung)`),
  storyAlsoIn: (sources, more) =>
    sources.length === 0
      ? `<i>(auch in ${n(more)} ${more === 1 ? 'anderen Quelle' : 'anderen Quellen'})</i>`
      : `<i>(auch bei ${sentenceList(sources, 'und', more > 0 ? `${n(more)} weiteren` : '')})</i>`,
  digestMore: (count) => `+${n(count)} weitere; /latest zeigt, was du noch nicht gesehen hast`,
  digestMoreInChannel: (count) => `+${n(count)} ${count === 1 ? 'weitere Meldung' : 'weitere Meldungen'}`,
  digestQuiet: 'Ein ruhiger Tag: nichts Neues seit deiner letzten Übersicht.',
  digestDateFormat: 'EEEE, d. MMMM',
};
