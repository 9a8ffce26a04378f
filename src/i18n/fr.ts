import { escapeHtml as e } from '../telegram/html.js';
import { boldList, commandChoice, countFormat, failureLines, follows, goneIds, goneLabels, HEALTH_ICONS, offeredCommand, renameText, sentenceList, topicHeading, type Messages, type NextDigestView } from './messages.js';

/** How this language groups the digits of a count a reader sees. */
const n = countFormat('fr');

const list = (items: readonly string[]) => boldList(items, (count) => `et ${n(count)} autres`);

/** When the next digest comes (formatted), or that it is on its way (due at that time). */
const nextDigestText = (next: NextDigestView) => (next.dueNow ? `en cours d’envoi (prévue ${e(next.at)})` : e(next.at));

/**
 * How French writes a time of day (date-fns), wherever a message shows one: "07:30", as /time
 * takes it and its examples show it, rather than "7 h 30" in some messages and "07:30" in others.
 */
const TIME_FORMAT = 'HH:mm';

/** L'interface française. */
export const FR: Messages = {
  languageName: 'Français',
  commandDescriptions: {
    start: 'Bienvenue et premiers pas',
    latest: 'Les derniers briefings que vous n’avez pas vus',
    subscribe: 'Suivre des thèmes ou des flux',
    unsubscribe: 'Ne plus suivre des thèmes ou des flux',
    digest: 'Votre sélection, tout de suite',
    time: 'Heure de la sélection (HH:MM ou aucune)',
    timezone: 'Votre fuseau horaire',
    language: 'Langue du bot (nl, en, de ou fr)',
    feeds: 'Tous les flux par thème',
    settings: 'Vos réglages',
    status: 'Abonnements et prochaine sélection',
    stop: 'Se désabonner de tout',
    help: 'Ce que je sais faire',
    stats: 'Admin : chiffres',
    poll: 'Admin : lire les flux maintenant',
    reload: 'Admin : relire feeds.json',
  },
  welcome: (name) =>
    `Bonjour${name ? ` ${e(name)}` : ''} ! Je lis des flux d’actualité et je résume chaque article en un court briefing, ` +
    'avec les mots mêmes du journaliste. Demandez les dernières nouvelles (/latest) quand vous voulez, ou recevez chaque jour une sélection à l’heure de votre choix.\n\n' +
    'Touchez le bouton ci-dessous pour suivre une sélection par défaut, ou choisissez vous-même avec /subscribe.',
  welcomeBack: (name, zone, time) =>
    `Bon retour${name ? `, ${e(name)}` : ''} ! Vos réglages sont conservés : je vous parle toujours en français, votre fuseau horaire est <b>${e(zone)}</b> et ` +
    `${time === null ? 'les sélections quotidiennes sont désactivées' : `votre sélection quotidienne est réglée sur <b>${e(time)}</b>`} ; /settings permet de les modifier.\n\n` +
    'Depuis /stop, vous ne suivez plus rien : touchez le bouton ci-dessous pour suivre la sélection par défaut, ou choisissez vous-même avec /subscribe.',
  alreadySetUp: (name, v) =>
    [
      `Bonjour${name ? ` ${e(name)}` : ''} ! Tout est déjà en place : vous suivez ${list([...v.topics, ...v.feeds])}.`,
      v.digestTime === null ? 'Les sélections quotidiennes sont désactivées.' : `Votre sélection quotidienne arrive à <b>${e(v.digestTime)}</b> (fuseau horaire ${e(v.timezone)}).`,
      '/settings permet de changer cela ; /help liste tout ce que je sais faire.',
    ].join('\n'),
  subscribeDefaultButton: 'Suivre la sélection par défaut',
  help: (lines, isAdmin) =>
    [
      '<b>Ce que je sais faire</b>',
      ...lines.map((line) => `/${line.command} — ${e(line.description)}`),
      '',
      'Exemples : <code>/subscribe world tech</code>, <code>/latest 10</code>, <code>/time 07:30</code>, <code>/timezone Europe/Paris</code>.',
      '<code>/help time</code> en dit plus sur une commande.',
      ...(isAdmin ? ['Vous administrez ce bot.'] : []),
    ].join('\n'),
  commandHelp: {
    start: '<code>/start</code> — un mot de bienvenue, avec un bouton qui suit une sélection de thèmes par défaut.',
    latest:
      '<code>/latest</code> — les 5 derniers briefings de ce que vous suivez, que vous n’avez pas encore reçus.\n' +
      '<code>/latest 10</code> — jusqu’à 20 à la fois.\n' +
      '<code>/latest tech</code> — seulement ce thème ou ce flux, suivi ou non ; <code>/latest 10 tech</code> marche aussi.\n' +
      'Un briefing reçu une fois, ici ou dans une sélection, n’est plus proposé ; quand il n’y a rien de neuf, un bouton remontre les plus récents.',
    subscribe:
      '<code>/subscribe</code> — un bouton par thème et par flux : touchez pour suivre ou ne plus suivre.\n' +
      '<code>/subscribe world tech</code> — suivre des thèmes ou des flux par leur nom (/feeds les liste) ; <code>/subscribe tout</code> pour suivre tous les thèmes.\n' +
      '<code>/subscribe @canal world</code> — un canal que vous administrez reçoit la sélection du jour ; faites-moi d’abord administrateur du canal. Un canal sans @nom se désigne par son identifiant (<code>/subscribe -1001234567890 world</code>).\n' +
      '<code>/time @canal 06:00</code>, <code>/timezone @canal Londres</code>, <code>/language @canal fr</code> — l’heure de la sélection, le fuseau horaire et la langue du canal.',
    unsubscribe:
      '<code>/unsubscribe</code> — les boutons de /subscribe : ✅ marque ce que vous suivez ; touchez-le pour ne plus le suivre.\n' +
      '<code>/unsubscribe tech</code> — ne plus suivre des thèmes ou des flux par leur nom ; <code>/unsubscribe tout</code> pour ne plus rien suivre.\n' +
      '<code>/unsubscribe @canal</code> — un canal que vous administrez ne reçoit plus de sélections.',
    digest:
      '<code>/digest</code> — votre sélection tout de suite, telle que celle de chaque jour : les meilleurs articles depuis votre dernière sélection quotidienne. ' +
      '/latest ne vous les proposera plus ; un nouveau /digest ou la sélection quotidienne peut toutefois les montrer de nouveau, puisqu’elle porte sur les mêmes heures.',
    time:
      '<code>/time 07:30</code> — l’heure de votre sélection quotidienne, dans votre fuseau horaire (<code>7h30</code>, <code>19 h 30</code>, <code>19h</code> et <code>7pm</code> marchent aussi).\n' +
      '<code>/time aucune</code> — pas de sélection quotidienne.\n' +
      '<code>/time</code> — l’heure réglée.',
    timezone:
      '<code>/timezone Europe/Paris</code> — le fuseau de votre sélection et des heures que j’affiche. ' +
      'Une ville (<code>/timezone Bruxelles</code>), un pays (<code>/timezone France</code>), un décalage (<code>/timezone +02:00</code>) ou une abréviation (<code>/timezone CET</code>) marche aussi.\n' +
      '<code>/timezone</code> — le fuseau réglé.',
    language:
      '<code>/language fr</code>, <code>/language nl</code>, <code>/language en</code> ou <code>/language de</code> — la langue que je parle. Les briefings restent dans la langue de leur article.',
    feeds: '<code>/feeds</code> — tous les flux par thème ; 🔴 signale un flux en panne en ce moment.\n<code>/feeds tech</code> — seulement les flux de ces thèmes.',
    settings: '<code>/settings</code> — votre langue, votre fuseau, l’heure de la sélection et vos abonnements, avec des boutons pour les changer.',
    status: '<code>/status</code> — ce que vous suivez, quand arrive votre prochaine sélection et quand vous avez reçu quelque chose pour la dernière fois. <code>/status @canal</code> — la même chose pour un canal que vous administrez.',
    stop:
      '<code>/stop</code> — se désabonner de tout : vous ne suivez plus aucun thème ni flux et ne recevez plus de sélections.\n' +
      'Sont conservés : votre langue, votre fuseau horaire et l’heure de votre sélection, ainsi que ce que vous avez déjà reçu (/latest ne le répète donc pas) ; /subscribe vous fait revenir avec ces réglages. ' +
      'Un canal que vous avez abonné continue de recevoir ses sélections ; <code>/unsubscribe @canal</code> les arrête.\n' +
      'Un bouton sous la réponse efface aussi tout ce que je sais de cette conversation, réglages compris.',
    help: '<code>/help</code> — toutes les commandes. <code>/help time</code> — plus sur l’une d’elles.',
    stats: '<code>/stats</code> — abonnés, flux et ceux en panne, articles, et les messages qui attendent d’être envoyés.',
    poll: '<code>/poll</code> — lire tous les flux maintenant ; je préviens quand c’est fini.',
    reload: '<code>/reload</code> — relire feeds.json sans redémarrer. Un fichier avec des erreurs ne change rien, et je liste les erreurs.',
  },
  helpNoSuchCommand: (name) => `La commande <code>/${e(name)}</code> n’existe pas. Voici les commandes que je connais :`,
  unknownCommand: (guess, args) => `Je ne connais pas cette commande.${guess === undefined ? '' : ` Vouliez-vous dire ${offeredCommand(guess, args)} ?`} /help liste ce que je sais faire.`,
  editNotRead: (command) =>
    'Je ne lis pas les messages modifiés : votre modification n’a donc rien changé. ' +
    (command === null ? 'Renvoyez la commande dans un nouveau message.' : `Renvoyez la commande dans un nouveau message : <code>${e(command)}</code>`),
  notACommand: 'Je réponds aux commandes : /latest pour les nouvelles, /help pour tout ce que je sais faire.',
  namesWithoutCommand: (names) => `Je réponds aux commandes : <code>/subscribe ${e(names)}</code> le suit, <code>/latest ${e(names)}</code> en montre les derniers briefings.`,
  notTyped: 'Je ne lis que les commandes tapées : /latest pour les nouvelles, /help pour tout ce que je sais faire.',
  somethingWentWrong: 'Un problème est survenu, veuillez réessayer.',
  slowDown: 'Cela fait beaucoup de commandes à la fois. Attendez quelques secondes ; je répondrai à nouveau ensuite.',
  argumentsTooLong: (limit) => `C’est trop long : je lis au plus ${n(limit)} caractères après une commande. Envoyez-le en plusieurs fois, par exemple quelques thèmes par /subscribe.`,
  unreadableArguments: 'Ce texte contient des caractères que je ne sais pas lire. Réessayez avec du texte simple.',
  groupAdminsOnly: 'Seuls les administrateurs de ce groupe peuvent changer ses réglages.',
  botAdminsOnly: 'Cette commande est réservée aux administrateurs de ce bot.',
  subscribed: (items) => `Vous suivez maintenant : ${list(items)}.`,
  unsubscribed: (items) => `Vous ne suivez plus : ${list(items)}.`,
  unknownItems: (items, retry) =>
    `Je ne connais pas ${list(items)}.${retry === undefined ? '' : ` Vouliez-vous dire <code>${e(retry)}</code> ?`} /feeds liste les thèmes et les flux.`,
  nothingChanged: 'Rien n’a changé.',
  notFollowed: (items) => `Vous ne suivez pas ${list(items)}.`,
  subscribeKeyboardTitle: 'Touchez les thèmes et les flux pour les suivre ou ne plus les suivre :',
  doneButton: 'Terminé',
  goneButton: (name) => `${name} (plus proposé)`,
  keyboardDone: (topics, feeds) =>
    topics.length + feeds.length === 0
      ? 'Vous ne suivez rien pour l’instant. /subscribe pour choisir.'
      : `Vous suivez ${list([...topics, ...feeds])}.`,
  channelUnknown: (channel) => `Je ne trouve pas ${e(channel)}. Ajoutez-moi d’abord au canal comme administrateur.`,
  channelIsGroup: (channel) => `${e(channel)} est un groupe, pas un canal : ajoutez-moi au groupe et envoyez-y la commande.`,
  channelNotAdmin: (channel) => `Seul un administrateur de ${e(channel)} peut l’abonner.`,
  channelCannotPost: (channel) => `Je ne peux pas publier dans ${e(channel)}. Faites-moi administrateur avec le droit de publier des messages.`,
  channelSubscribed: (channel, items) => `${e(channel)} suit maintenant ${list(items)}.`,
  channelNotAdminToUnsubscribe: (channel) => `Seul un administrateur de ${e(channel)} peut le désabonner.`,
  channelNotAdminToView: (channel) => `Seul un administrateur de ${e(channel)} peut voir ou modifier ses réglages.`,
  channelNotSubscribed: (channel) => `${e(channel)} ne suit rien ici. <code>/subscribe ${e(channel)} world</code> l’abonne.`,
  channelUnsubscribed: (channel, items) => `${e(channel)} ne suit plus ${list(items)}.`,
  channelStopped: (channel) => `${e(channel)} est désabonné de tout et ne reçoit plus de sélections.`,
  latestHeader: (count, cappedAt) =>
    `<b>${count === 1 ? 'Le dernier briefing' : `Les ${n(count)} derniers briefings`}</b>${cappedAt === undefined ? '' : ` (${n(cappedAt)} à la fois au plus)`}`,
  latestNothingNew: 'Rien de neuf depuis votre dernière visite.',
  latestNothingAtAll: 'Il n’y a pas encore de briefings. Les flux sont lus régulièrement ; réessayez plus tard.',
  latestRecentButton: (count) => (count === 1 ? 'Remontrer le plus récent' : `Remontrer les ${n(count)} plus récents`),
  latestRecentHeader: (count) => (count === 1 ? '<b>Le briefing le plus récent</b> (déjà vu)' : '<b>Les briefings les plus récents</b> (déjà vus)'),
  latestAllFeedsHint: 'Vous ne suivez rien pour l’instant, ceci vient donc de tous les flux. /subscribe pour choisir.',
  latestBadCount: 'Utilisez /latest ou /latest N avec un nombre N de 1 à 20, par exemple <code>/latest 10</code>.',
  digestEmpty: 'Rien de neuf pour votre sélection en ce moment.',
  digestFollowsNothing: 'Vous ne suivez rien pour l’instant, il n’y a donc pas de sélection à faire. /subscribe pour choisir des thèmes ou des flux ; /latest montre en attendant les nouvelles de tous les flux.',
  digestUnavailable: 'La sélection n’est pas disponible en ce moment. Réessayez plus tard.',
  timeSet: (time, zone) => `Votre sélection quotidienne arrive à <b>${e(time)}</b> (${e(zone)}).`,
  timeOff: (command) => `Les sélections quotidiennes sont désactivées. <code>${e(command)}</code> les réactive.`,
  timeCurrent: (time, zone) =>
    (time === null ? 'Les sélections quotidiennes sont désactivées.' : `Votre sélection quotidienne arrive à <b>${e(time)}</b> (${e(zone)}).`) +
    '\nChangez-la avec <code>/time HH:MM</code>, par exemple <code>/time 07:30</code>, ou <code>/time aucune</code>.',
  timeBad: 'Indiquez une heure au format HH:MM, par exemple <code>/time 07:30</code>, ou <code>/time aucune</code> pour arrêter les sélections.',
  timeFollowsNothing: 'Vous ne suivez rien pour l’instant : aucune sélection ne viendra avant que vous choisissiez des thèmes ou des flux avec /subscribe.',
  nextDigest: (next) => `Prochaine sélection : ${nextDigestText(next)}.`,
  timezoneSet: (zone, now) => `Fuseau horaire réglé sur <b>${e(zone)}</b>. Il y est ${e(now)}.`,
  timezoneNoSummerTime: 'Un décalage fixe par rapport à UTC ne suit pas l’heure d’été : indiquez votre ville pour la suivre (<code>/timezone Paris</code>).',
  timezoneCurrent: (zone, now) =>
    `Votre fuseau horaire est <b>${e(zone)}</b> (maintenant ${e(now)}).\nChangez-le avec <code>/timezone Europe/Paris</code>, une ville (<code>/timezone Bruxelles</code>) ou un décalage (<code>/timezone +02:00</code>).`,
  timezoneBad:
    'Je ne connais pas ce fuseau horaire. Utilisez un nom comme <code>/timezone Europe/Paris</code>, une ville comme <code>/timezone Bruxelles</code>, un pays comme <code>/timezone Belgique</code> ou un décalage comme <code>/timezone +02:00</code>.',
  timezoneMeant: (name) =>
    `Je ne connais pas ce fuseau horaire. Vouliez-vous dire ${offeredCommand('timezone', name)} ? Sinon, indiquez une grande ville proche, ou votre décalage par rapport à UTC (<code>/timezone +02:00</code>).`,
  timezoneAmbiguous: (abbreviation, cities) =>
    `${e(abbreviation)} désigne plusieurs fuseaux horaires. Indiquez votre ville : ${commandChoice('timezone', cities, 'ou')}.`,
  timezoneSeveral: (country, offset) =>
    `${e(country)} : ce pays a plusieurs fuseaux horaires. Nommez-y une ville, ou votre décalage par rapport à UTC (<code>/timezone ${e(offset)}</code>).`,
  languageSet: 'Je parle français à partir de maintenant. Les briefings restent dans la langue de leur article.',
  languageBad: 'Choisissez <code>/language fr</code>, <code>/language nl</code>, <code>/language en</code> ou <code>/language de</code>.',
  languageCurrent: 'Je parle français ici. <code>/language en</code> passe à l’anglais, <code>/language nl</code> au néerlandais, <code>/language de</code> à l’allemand.',
  feedsHeader: '<b>Flux par thème</b>',
  feedsTopic: (topic) => `\n<b>${e(topic)}</b>`,
  feedLine: (title, id, health, language) =>
    `${HEALTH_ICONS[health]} ${e(title)} (<code>${e(id)}</code>, ${e(language)})` +
    (health === 'failing' ? ' — en panne en ce moment' : health === 'new' ? ' — pas encore lu' : ''),
  feedsEmpty: 'Aucun flux n’est configuré.',
  settings: (v) =>
    [
      '<b>Vos réglages</b>',
      `Langue : ${e(v.language)}`,
      `Fuseau horaire : ${e(v.timezone)}`,
      `Sélection quotidienne : ${v.digestTime === null ? 'désactivée' : e(v.digestTime)}`,
      `Thèmes : ${v.topics.length > 0 ? list(v.topics) : 'aucun'}`,
      `Flux : ${v.feeds.length > 0 ? list(v.feeds) : 'aucun'}`,
    ].join('\n'),
  settingsDigestOnButton: (time) => `Activer la sélection quotidienne (${time})`,
  settingsDigestOffButton: 'Désactiver la sélection quotidienne',
  settingsTopicsButton: 'Choisir thèmes et flux',
  status: (v, next, last, active, gone) =>
    [
      '<b>État</b>',
      `Vous suivez : ${follows(v) ? list([...v.topics, ...v.feeds]) : 'rien'}`,
      ...(gone.length > 0 ? [`Plus proposé : ${list(goneLabels(gone))} (/unsubscribe ${e(goneIds(gone))} les retire)`] : []),
      `Prochaine sélection : ${!active ? 'aucune (désabonné)' : next === null ? 'aucune (sélections désactivées)' : !follows(v) ? 'aucune tant que vous ne suivez ni thème ni flux (/subscribe)' : nextDigestText(next)}`,
      `Dernier envoi : ${last === null ? 'aucun pour l’instant' : e(last)}`,
    ].join('\n'),
  followsOnlyGone: (gone) =>
    `Plus rien de ce que vous suivez n’est proposé : ${list(goneLabels(gone))} a quitté la liste des flux. /subscribe pour choisir à nouveau ; /feeds montre ce qu’il y a.`,
  stopped: 'Vous êtes désabonné de tout et ne recevrez plus de sélections. /subscribe vous fait revenir.\nTouchez ci-dessous pour effacer aussi tout ce que je sais de cette conversation.',
  alreadyStopped: 'Vous n’êtes abonné à rien : il n’y a rien à arrêter. /subscribe vous fait revenir.\nTouchez ci-dessous pour effacer tout ce que je sais de cette conversation.',
  stopDeleteButton: 'Effacer les données de cette conversation',
  deleted: 'Toutes les données de cette conversation sont effacées. /start pour recommencer.',
  deleteAfterFollowingAgain: 'Cette conversation suit de nouveau l’actualité depuis ce /stop : rien n’est effacé. Pour effacer ses données, envoyez d’abord /stop.',
  stats: (f) =>
    [
      '<b>Statistiques</b>',
      `Abonnés : ${n(f.subscribers)} (${n(f.activeSubscribers)} actifs)`,
      `Flux : ${n(f.feeds)}, en panne : ${f.failingFeeds.length > 0 ? list(f.failingFeeds) : 'aucun'}`,
      ...(f.rarelyPolledFeeds.length === 0 ? [] : [`Lus rarement après de nombreux échecs de suite : ${list(f.rarelyPolledFeeds)}`]),
      ...(f.articles === null ? [] : [`Articles : ${n(f.articles)}`]),
      ...(f.outbox === null ? [] :
        [`Envois : ${n(f.outbox.pending)} en attente, ${n(f.outbox.sentToday)} envoyés aujourd’hui (${e(f.outbox.sentTodayZone)}), ${n(f.outbox.failed)} en échec, ${n(f.outbox.dead)} abandonnés, ${n(f.outbox.inactiveChats)} conversations inactives`]),
    ].join('\n'),
  pollStarted: 'Je lis tous les flux maintenant…',
  pollDone: (done, failed) => `Lecture terminée : ${n(done)} flux en ordre, ${n(failed.length)} en échec${failed.length > 0 ? ` :${failureLines(failed, (count) => `et ${n(count)} autres`)}` : '.'}`,
  pollUnavailable: 'La lecture des flux n’est pas disponible dans ce processus.',
  reloadDone: (change) => {
    const parts = [
      change.added.length > 0 ? `ajouté ${list(change.added)}` : '',
      change.removed.length > 0 ? `retiré ${list(change.removed)}` : '',
      change.renamedFeeds.length > 0 ? `renommé ${list(change.renamedFeeds.map(renameText))}` : '',
      change.changed.length > 0 ? `modifié ${list(change.changed)}` : '',
      change.renamedTopics.length > 0 ? `thèmes renommés ${list(change.renamedTopics)}` : '',
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join(' ; ') : 'rien n’a changé';
    return `feeds.json relu : ${what}. ${n(change.enabled)} flux sont lus maintenant.`;
  },
  reloadWarnings: (warnings) => `À vérifier dans feeds.json :\n<pre>${e(warnings)}</pre>`,
  reloadFailed: (error, kept) =>
    `feeds.json n’a pas été relu ; je garde les ${n(kept)} flux que j’avais. Corrigez ceci et réessayez :\n<pre>${e(error)}</pre>`,
  reloadUnavailable: 'Relire feeds.json n’est pas disponible dans ce processus.',
  none: 'aucun',
  timeFormat: TIME_FORMAT,
  dateTimeFormat: `EEEE d MMMM, ${TIME_FORMAT}`,
  digestHeader: (date) => `📰 <b>Votre sélection</b> · ${e(date)}`,
  digestTopic: topicHeading,
  digestTopicContinued: (topic) => topicHeading(`${topic} (suite)`),
  storyAlsoIn: (sources, more) =>
    sources.length === 0
      ? `<i>(aussi dans ${n(more)} ${more === 1 ? 'autre source' : 'autres sources'})</i>`
      : `<i>(aussi dans ${sentenceList(sources, 'et', more > 0 ? `${n(more)} autres` : '')})</i>`,
  digestMore: (count) => `+${n(count)} de plus ; /latest montre ce que vous n’avez pas encore vu`,
  digestMoreInChannel: (count) => `+${n(count)} ${count === 1 ? 'autre article' : 'autres articles'}`,
  digestQuiet: 'Une journée calme : rien de neuf depuis votre dernière sélection.',
  digestDateFormat: 'EEEE d MMMM',
};
