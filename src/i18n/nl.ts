import { escapeHtml as e } from '../telegram/html.js';
import { boldList, commandChoice, countFormat, failureLines, follows, goneIds, goneLabels, HEALTH_ICONS, offeredCommand, renameText, sentenceList, topicHeading, type Messages, type NextDigestView } from './messages.js';

/** How this language groups the digits of a count a reader sees. */
const n = countFormat('nl');

const list = (items: readonly string[]) => boldList(items, (count) => `en nog ${n(count)}`);

/** When the next digest comes (formatted), or that it is on its way (due at that time). */
const nextDigestText = (next: NextDigestView) => (next.dueNow ? `is onderweg (gepland voor ${e(next.at)})` : e(next.at));

/** How this language writes a time of day (date-fns), wherever a message shows one. */
const TIME_FORMAT = 'HH:mm';

/** De Nederlandse interface. */
export const NL: Messages = {
  languageName: 'Nederlands',
  commandDescriptions: {
    start: 'Welkom en snel beginnen',
    latest: 'De nieuwste briefings die je nog niet zag',
    subscribe: 'Onderwerpen of feeds volgen',
    unsubscribe: 'Onderwerpen of feeds niet meer volgen',
    digest: 'Je overzicht, nu meteen',
    time: 'Tijd van het overzicht (UU:MM of uit)',
    timezone: 'Je tijdzone',
    language: 'Taal van de bot (nl, en, de of fr)',
    feeds: 'Alle feeds per onderwerp',
    settings: 'Je instellingen',
    status: 'Abonnementen en volgend overzicht',
    stop: 'Overal voor afmelden',
    help: 'Wat ik kan',
    stats: 'Beheer: cijfers',
    poll: 'Beheer: feeds nu ophalen',
    reload: 'Beheer: feeds.json opnieuw inlezen',
  },
  welcome: (name) =>
    `Hallo${name ? ` ${e(name)}` : ''}! Ik lees nieuwsfeeds en vat elk artikel samen in een korte briefing ` +
    'met de eigen woorden van de journalist. Vraag altijd het /latest nieuws op, of krijg elke dag een overzicht op je eigen tijd.\n\n' +
    'Tik hieronder om een standaardselectie te volgen, of kies zelf met /subscribe.',
  welcomeBack: (name, zone, time) =>
    `Welkom terug${name ? `, ${e(name)}` : ''}! Je instellingen zijn bewaard: ik spreek Nederlands, je tijdzone is <b>${e(zone)}</b> en ` +
    `${time === null ? 'dagelijkse overzichten staan uit' : `je dagelijkse overzicht staat op <b>${e(time)}</b>`}; met /settings wijzig je ze.\n\n` +
    'Sinds /stop volg je niets: tik hieronder om de standaardselectie te volgen, of kies zelf met /subscribe.',
  alreadySetUp: (name, v) =>
    [
      `Hallo${name ? ` ${e(name)}` : ''}! Alles staat al klaar: je volgt ${list([...v.topics, ...v.feeds])}.`,
      v.digestTime === null ? 'Dagelijkse overzichten staan uit.' : `Je dagelijkse overzicht komt om <b>${e(v.digestTime)}</b> (tijdzone ${e(v.timezone)}).`,
      'Met /settings wijzig je dat; /help laat alles zien wat ik kan.',
    ].join('\n'),
  subscribeDefaultButton: 'Volg de standaardselectie',
  help: (lines, isAdmin) =>
    [
      '<b>Wat ik kan</b>',
      ...lines.map((line) => `/${line.command} — ${e(line.description)}`),
      '',
      'Voorbeelden: <code>/subscribe world tech</code>, <code>/latest 10</code>, <code>/time 07:30</code>, <code>/timezone Europe/Amsterdam</code>.',
      '<code>/help time</code> vertelt meer over één commando.',
      ...(isAdmin ? ['Je bent beheerder van deze bot.'] : []),
    ].join('\n'),
  commandHelp: {
    start: '<code>/start</code> — een welkom, met een knop die een standaardselectie van onderwerpen volgt.',
    latest:
      '<code>/latest</code> — de 5 nieuwste briefings van wat je volgt die je nog niet kreeg.\n' +
      '<code>/latest 10</code> — tot 20 tegelijk.\n' +
      '<code>/latest tech</code> — alleen dat onderwerp of die feed, gevolgd of niet; <code>/latest 10 tech</code> kan ook.\n' +
      'Een briefing die je al kreeg, hier of in een overzicht, krijg je niet nog eens; is er niets nieuws, dan toont een knop de meest recente opnieuw.',
    subscribe:
      '<code>/subscribe</code> — een knop voor elk onderwerp en elke feed: tik om te volgen of niet meer te volgen.\n' +
      '<code>/subscribe world tech</code> — onderwerpen of feeds volgen op naam (/feeds toont ze); <code>/subscribe alles</code> om elk onderwerp te volgen.\n' +
      '<code>/subscribe @kanaal world</code> — een kanaal dat jij beheert krijgt het dagelijkse overzicht; maak mij eerst beheerder van het kanaal. Een kanaal zonder @naam noem je bij zijn id (<code>/subscribe -1001234567890 world</code>).\n' +
      '<code>/time @kanaal 06:00</code>, <code>/timezone @kanaal Londen</code>, <code>/language @kanaal nl</code> — tijd van het overzicht, tijdzone en taal van het kanaal.',
    unsubscribe:
      '<code>/unsubscribe</code> — de knoppen van /subscribe: ✅ staat bij wat je volgt; tik erop om het niet meer te volgen.\n' +
      '<code>/unsubscribe tech</code> — onderwerpen of feeds niet meer volgen, op naam; <code>/unsubscribe alles</code> om niets meer te volgen.\n' +
      '<code>/unsubscribe @kanaal</code> — een kanaal dat jij beheert krijgt geen overzichten meer.',
    digest:
      '<code>/digest</code> — je overzicht nu meteen, precies zoals het dagelijkse eruitziet: de beste berichten sinds je laatste dagelijkse overzicht. ' +
      '/latest biedt ze daarna niet meer aan; een volgende /digest of het dagelijkse overzicht kan ze wel opnieuw tonen, want dat gaat over dezelfde uren.',
    time:
      '<code>/time 07:30</code> — wanneer je dagelijkse overzicht komt, in jouw tijdzone (<code>7u30</code>, <code>7h30</code>, <code>19 uur</code> en <code>7pm</code> kan ook).\n' +
      '<code>/time uit</code> — geen dagelijks overzicht.\n' +
      '<code>/time</code> — de tijd die nu is ingesteld.',
    timezone:
      '<code>/timezone Europe/Amsterdam</code> — de tijdzone van je overzicht en van de tijden die ik toon. ' +
      'Een stad (<code>/timezone Brussel</code>), een land (<code>/timezone Duitsland</code>), een verschil met UTC (<code>/timezone +02:00</code>) of een afkorting (<code>/timezone CET</code>) kan ook.\n' +
      '<code>/timezone</code> — de zone die nu is ingesteld.',
    language: '<code>/language nl</code>, <code>/language en</code>, <code>/language de</code> of <code>/language fr</code> — de taal die ik spreek. Briefings blijven in de taal van hun artikel.',
    feeds: '<code>/feeds</code> — alle feeds per onderwerp; 🔴 staat bij een feed die nu niet werkt.\n<code>/feeds tech</code> — alleen de feeds van die onderwerpen.',
    settings: '<code>/settings</code> — je taal, tijdzone, tijd van het overzicht en abonnementen, met knoppen om ze te wijzigen.',
    status: '<code>/status</code> — wat je volgt, wanneer je volgende overzicht komt en wanneer je voor het laatst iets kreeg. <code>/status @kanaal</code> — hetzelfde voor een kanaal dat je beheert.',
    stop:
      '<code>/stop</code> — overal voor afmelden: je volgt geen onderwerpen of feeds meer en krijgt geen overzichten meer.\n' +
      'Bewaard blijven je taal, tijdzone en tijd van het overzicht, en wat je al hebt ontvangen (dus /latest herhaalt dat niet); /subscribe brengt je terug met die instellingen. ' +
      'Een kanaal dat je hebt aangemeld, krijgt zijn overzichten gewoon nog; <code>/unsubscribe @kanaal</code> stopt die.\n' +
      'Een knop onder het antwoord wist ook alles wat ik over deze chat weet, instellingen inbegrepen.',
    help: '<code>/help</code> — alle commando\'s. <code>/help time</code> — meer over één ervan.',
    stats: '<code>/stats</code> — abonnees, feeds en welke niet werken, artikelen, en de berichten die nog verstuurd moeten worden.',
    poll: '<code>/poll</code> — alle feeds nu ophalen; ik zeg het als het klaar is.',
    reload: '<code>/reload</code> — feeds.json opnieuw inlezen zonder herstart. Een bestand met fouten verandert niets, en ik noem de fouten.',
  },
  helpNoSuchCommand: (name) => `Het commando <code>/${e(name)}</code> bestaat niet. Dit zijn de commando’s die ik ken:`,
  unknownCommand: (guess, args) => `Dat commando ken ik niet.${guess === undefined ? '' : ` Bedoel je ${offeredCommand(guess, args)}?`} /help laat zien wat ik kan.`,
  editNotRead: (command) =>
    'Aangepaste berichten lees ik niet, dus je aanpassing heeft niets veranderd. ' +
    (command === null ? 'Stuur het commando opnieuw als nieuw bericht.' : `Stuur het opnieuw als nieuw bericht: <code>${e(command)}</code>`),
  notACommand: 'Ik reageer op commando\'s: /latest voor het nieuws, /help voor alles wat ik kan.',
  namesWithoutCommand: (names) => `Ik reageer op commando’s: <code>/subscribe ${e(names)}</code> volgt dat, <code>/latest ${e(names)}</code> toont de nieuwste briefings ervan.`,
  notTyped: 'Ik lees alleen getypte commando’s: /latest voor het nieuws, /help voor alles wat ik kan.',
  somethingWentWrong: 'Er ging iets mis, probeer het nog eens.',
  slowDown: 'Dat zijn veel commando\'s tegelijk. Wacht een paar seconden, dan antwoord ik weer.',
  argumentsTooLong: (limit) => `Dat is te lang: ik lees hoogstens ${n(limit)} tekens na een commando. Stuur het in delen, bijvoorbeeld een paar onderwerpen per /subscribe.`,
  unreadableArguments: 'Daar staan tekens in die ik niet kan lezen. Probeer het opnieuw met gewone tekst.',
  groupAdminsOnly: 'Alleen de beheerders van deze groep kunnen de instellingen wijzigen.',
  botAdminsOnly: 'Dit commando is voor de beheerders van deze bot.',
  subscribed: (items) => `Je volgt nu: ${list(items)}.`,
  unsubscribed: (items) => `Je volgt niet meer: ${list(items)}.`,
  unknownItems: (items, retry) =>
    `Ik ken ${list(items)} niet.${retry === undefined ? '' : ` Bedoel je <code>${e(retry)}</code>?`} /feeds toont de onderwerpen en feeds.`,
  nothingChanged: 'Er is niets veranderd.',
  notFollowed: (items) => `Je volgt ${list(items)} niet.`,
  subscribeKeyboardTitle: 'Tik op onderwerpen en feeds om ze te volgen of niet meer te volgen:',
  doneButton: 'Klaar',
  goneButton: (name) => `${name} (niet meer aangeboden)`,
  keyboardDone: (topics, feeds) =>
    topics.length + feeds.length === 0
      ? 'Je volgt nog niets. Kies met /subscribe.'
      : `Je volgt ${list([...topics, ...feeds])}.`,
  channelUnknown: (channel) => `Ik kan ${e(channel)} niet vinden. Voeg me eerst als beheerder aan het kanaal toe.`,
  channelIsGroup: (channel) => `${e(channel)} is een groep, geen kanaal: voeg mij daar toe en stuur het commando in de groep.`,
  channelNotAdmin: (channel) => `Alleen een beheerder van ${e(channel)} kan het kanaal aanmelden.`,
  channelCannotPost: (channel) => `Ik kan niet posten in ${e(channel)}. Maak me beheerder met het recht om berichten te plaatsen.`,
  channelSubscribed: (channel, items) => `${e(channel)} volgt nu ${list(items)}.`,
  channelNotAdminToUnsubscribe: (channel) => `Alleen een beheerder van ${e(channel)} kan het kanaal afmelden.`,
  channelNotAdminToView: (channel) => `Alleen een beheerder van ${e(channel)} kan de instellingen van het kanaal zien of wijzigen.`,
  channelNotSubscribed: (channel) => `${e(channel)} volgt hier niets. <code>/subscribe ${e(channel)} world</code> meldt het aan.`,
  channelUnsubscribed: (channel, items) => `${e(channel)} volgt niet meer: ${list(items)}.`,
  channelStopped: (channel) => `${e(channel)} is overal voor afgemeld en krijgt geen overzichten meer.`,
  latestHeader: (count, cappedAt) =>
    `<b>${count === 1 ? 'De nieuwste briefing' : `De nieuwste ${n(count)} briefings`}</b>${cappedAt === undefined ? '' : ` (hoogstens ${n(cappedAt)} per keer)`}`,
  latestNothingNew: 'Niets nieuws sinds je laatst keek.',
  latestNothingAtAll: 'Er zijn nog geen briefings. De feeds worden regelmatig opgehaald; probeer het later nog eens.',
  latestRecentButton: (count) => (count === 1 ? 'Toon de meest recente opnieuw' : `Toon de ${n(count)} meest recente opnieuw`),
  latestRecentHeader: (count) => `<b>${count === 1 ? 'De meest recente briefing' : 'De meest recente briefings'}</b> (al eerder gezien)`,
  latestAllFeedsHint: 'Je volgt nog niets, dus dit komt uit alle feeds. Kies met /subscribe.',
  latestBadCount: 'Gebruik /latest of /latest N met een getal N van 1 tot 20, bijvoorbeeld <code>/latest 10</code>.',
  digestEmpty: 'Er is nu niets nieuws voor je overzicht.',
  digestFollowsNothing: 'Je volgt nog niets, dus er is geen overzicht te maken. Kies onderwerpen of feeds met /subscribe; /latest toont intussen het nieuws uit alle feeds.',
  digestUnavailable: 'Het overzicht is nu niet beschikbaar. Probeer het later nog eens.',
  timeSet: (time, zone) => `Je dagelijkse overzicht komt om <b>${e(time)}</b> (${e(zone)}).`,
  timeOff: (command) => `Dagelijkse overzichten staan uit. <code>${e(command)}</code> zet ze weer aan.`,
  timeCurrent: (time, zone) =>
    (time === null ? 'Dagelijkse overzichten staan uit.' : `Je dagelijkse overzicht komt om <b>${e(time)}</b> (${e(zone)}).`) +
    '\nWijzig het met <code>/time UU:MM</code>, bijvoorbeeld <code>/time 07:30</code>, of <code>/time uit</code>.',
  timeBad: 'Geef een tijd als UU:MM, bijvoorbeeld <code>/time 07:30</code>, of <code>/time uit</code> om de overzichten te stoppen.',
  timeFollowsNothing: 'Je volgt nog niets, dus er komt geen overzicht tot je je met /subscribe abonneert op onderwerpen of feeds.',
  nextDigest: (next) => `Volgend overzicht: ${nextDigestText(next)}.`,
  timezoneSet: (zone, now) => `Tijdzone ingesteld op <b>${e(zone)}</b>. Het is daar nu ${e(now)}.`,
  timezoneNoSummerTime: 'Een vast verschil met UTC volgt de zomertijd niet: noem je stad als je die wel wilt volgen (<code>/timezone Amsterdam</code>).',
  timezoneCurrent: (zone, now) =>
    `Je tijdzone is <b>${e(zone)}</b> (nu ${e(now)}).\nWijzig hem met <code>/timezone Europe/Amsterdam</code>, een stad (<code>/timezone Londen</code>) of een verschil met UTC (<code>/timezone +02:00</code>).`,
  timezoneBad:
    'Die tijdzone ken ik niet. Gebruik een naam als <code>/timezone Europe/Amsterdam</code>, een stad als <code>/timezone Brussel</code>, een land als <code>/timezone Duitsland</code>, of een verschil met UTC als <code>/timezone +02:00</code>.',
  timezoneMeant: (name) =>
    `Die tijdzone ken ik niet. Bedoel je ${offeredCommand('timezone', name)}? Zo niet, noem dan een grotere stad in de buurt, of je verschil met UTC (<code>/timezone +02:00</code>).`,
  timezoneAmbiguous: (abbreviation, cities) =>
    `${e(abbreviation)} staat voor meer dan één tijdzone. Noem je stad: ${commandChoice('timezone', cities, 'of')}.`,
  timezoneSeveral: (country, offset) =>
    `${e(country)}: dat land heeft meer dan één tijdzone. Noem een stad daar, of je verschil met UTC (<code>/timezone ${e(offset)}</code>).`,
  languageSet: 'Ik spreek vanaf nu Nederlands. Briefings blijven in de taal van hun artikel.',
  languageBad: 'Kies <code>/language nl</code>, <code>/language en</code>, <code>/language de</code> of <code>/language fr</code>.',
  languageCurrent: 'Ik spreek hier Nederlands. <code>/language en</code> schakelt naar Engels, <code>/language de</code> naar Duits, <code>/language fr</code> naar Frans.',
  feedsHeader: '<b>Feeds per onderwerp</b>',
  feedsTopic: (topic) => `\n<b>${e(topic)}</b>`,
  feedLine: (title, id, health, language) =>
    `${HEALTH_ICONS[health]} ${e(title)} (<code>${e(id)}</code>, ${e(language)})` +
    (health === 'failing' ? ' — werkt nu niet' : health === 'new' ? ' — nog niet opgehaald' : ''),
  feedsEmpty: 'Er zijn geen feeds ingesteld.',
  settings: (v) =>
    [
      '<b>Je instellingen</b>',
      `Taal: ${e(v.language)}`,
      `Tijdzone: ${e(v.timezone)}`,
      `Dagelijks overzicht: ${v.digestTime === null ? 'uit' : e(v.digestTime)}`,
      `Onderwerpen: ${v.topics.length > 0 ? list(v.topics) : 'geen'}`,
      `Feeds: ${v.feeds.length > 0 ? list(v.feeds) : 'geen'}`,
    ].join('\n'),
  settingsDigestOnButton: (time) => `Dagelijks overzicht aanzetten (${time})`,
  settingsDigestOffButton: 'Dagelijks overzicht uitzetten',
  settingsTopicsButton: 'Onderwerpen en feeds kiezen',
  status: (v, next, last, active, gone) =>
    [
      '<b>Status</b>',
      `Je volgt: ${follows(v) ? list([...v.topics, ...v.feeds]) : 'niets'}`,
      ...(gone.length > 0 ? [`Niet meer aangeboden: ${list(goneLabels(gone))} (/unsubscribe ${e(goneIds(gone))} schrapt ze)`] : []),
      `Volgend overzicht: ${!active ? 'geen (gestopt)' : next === null ? 'geen (overzichten staan uit)' : !follows(v) ? 'geen tot je een onderwerp of feed volgt (/subscribe)' : nextDigestText(next)}`,
      `Laatste bezorging: ${last === null ? 'nog geen' : e(last)}`,
    ].join('\n'),
  followsOnlyGone: (gone) =>
    `Niets wat je volgt wordt nog aangeboden: ${list(goneLabels(gone))} staan niet meer in de feedlijst. Kies opnieuw met /subscribe; /feeds toont wat er is.`,
  stopped: 'Je bent overal voor afgemeld en krijgt geen overzichten meer. /subscribe brengt je terug.\nTik hieronder om ook alles wat ik over deze chat weet te wissen.',
  alreadyStopped: 'Je bent nergens op geabonneerd, dus er valt niets te stoppen. /subscribe brengt je terug.\nTik hieronder om alles wat ik over deze chat weet te wissen.',
  stopDeleteButton: 'Wis de gegevens van deze chat',
  deleted: 'Alle gegevens over deze chat zijn gewist. /start begint opnieuw.',
  deleteAfterFollowingAgain: 'Deze chat volgt sinds die /stop weer nieuws, dus er is niets gewist. Stuur eerst /stop om de gegevens te wissen.',
  stats: (f) =>
    [
      '<b>Cijfers</b>',
      `Abonnees: ${n(f.subscribers)} (${n(f.activeSubscribers)} actief)`,
      `Feeds: ${n(f.feeds)}, werken nu niet: ${f.failingFeeds.length > 0 ? list(f.failingFeeds) : 'geen'}`,
      ...(f.rarelyPolledFeeds.length === 0 ? [] : [`Zelden opgehaald na veel mislukte pogingen op rij: ${list(f.rarelyPolledFeeds)}`]),
      ...(f.articles === null ? [] : [`Artikelen: ${n(f.articles)}`]),
      ...(f.outbox === null ? [] :
        [`Verzending: ${n(f.outbox.pending)} in de wachtrij, ${n(f.outbox.sentToday)} vandaag verstuurd (${e(f.outbox.sentTodayZone)}), ${n(f.outbox.failed)} mislukt, ${n(f.outbox.dead)} opgegeven, ${n(f.outbox.inactiveChats)} inactieve chats`]),
    ].join('\n'),
  pollStarted: 'Alle feeds worden nu opgehaald…',
  pollDone: (done, failed) => `Ophalen klaar: ${n(done)} feeds goed, ${n(failed.length)} mislukt${failed.length > 0 ? `:${failureLines(failed, (count) => `en nog ${n(count)}`)}` : '.'}`,
  pollUnavailable: 'Ophalen kan niet vanuit dit proces.',
  reloadDone: (change) => {
    const parts = [
      change.added.length > 0 ? `nieuw: ${list(change.added)}` : '',
      change.removed.length > 0 ? `weg: ${list(change.removed)}` : '',
      change.renamedFeeds.length > 0 ? `hernoemd: ${list(change.renamedFeeds.map(renameText))}` : '',
      change.changed.length > 0 ? `gewijzigd: ${list(change.changed)}` : '',
      change.renamedTopics.length > 0 ? `nieuwe onderwerpnamen: ${list(change.renamedTopics)}` : '',
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join('; ') : 'niets veranderd';
    return `feeds.json opnieuw ingelezen: ${what}. Er worden nu ${n(change.enabled)} feeds opgehaald.`;
  },
  reloadWarnings: (warnings) => `Kijk dit na in feeds.json:\n<pre>${e(warnings)}</pre>`,
  reloadFailed: (error, kept) => `feeds.json is niet opnieuw ingelezen; ik houd de ${n(kept)} feeds die ik had. Los dit op en probeer het opnieuw:\n<pre>${e(error)}</pre>`,
  reloadUnavailable: 'feeds.json opnieuw inlezen kan niet vanuit dit proces.',
  none: 'geen',
  timeFormat: TIME_FORMAT,
  dateTimeFormat: `EEEE d MMMM, ${TIME_FORMAT}`,
  digestHeader: (date) => `📰 <b>Je overzicht</b> · ${e(date)}`,
  digestTopic: topicHeading,
  digestTopicContinued: (topic) => topicHeading(`${topic} (vervolg)`),
  storyAlsoIn: (sources, more) =>
    sources.length === 0
      ? `<i>(ook bij ${n(more)} ${more === 1 ? 'andere bron' : 'andere bronnen'})</i>`
      : `<i>(ook bij ${sentenceList(sources, 'en', more > 0 ? `${n(more)} andere` : '')})</i>`,
  digestMore: (count) => `+${n(count)} meer; /latest toont wat je nog niet zag`,
  digestMoreInChannel: (count) => `+${n(count)} ${count === 1 ? 'ander bericht' : 'andere berichten'}`,
  digestQuiet: 'Een rustige dag: niets nieuws sinds je vorige overzicht.',
  digestDateFormat: 'EEEE d MMMM',
};
