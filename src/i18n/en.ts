import { escapeHtml as e } from '../telegram/html.js';
import { boldList, commandChoice, countFormat, failureLines, follows, goneIds, goneLabels, HEALTH_ICONS, offeredCommand, renameText, sentenceList, topicHeading, type Messages, type NextDigestView } from './messages.js';

/** How this language groups the digits of a count a reader sees. */
const n = countFormat('en');

const list = (items: readonly string[]) => boldList(items, (count) => `and ${n(count)} more`);

/** When the next digest comes (formatted), or that it is on its way (due at that time). */
const nextDigestText = (next: NextDigestView) => (next.dueNow ? `on its way (due ${e(next.at)})` : e(next.at));

/** How this language writes a time of day (date-fns), wherever a message shows one. */
const TIME_FORMAT = 'HH:mm';

/** The English interface. */
export const EN: Messages = {
  languageName: 'English',
  commandDescriptions: {
    start: 'Welcome and quick start',
    latest: 'The newest briefings you have not seen',
    subscribe: 'Follow topics or feeds',
    unsubscribe: 'Stop following topics or feeds',
    digest: 'Your digest, right now',
    time: 'Digest time (HH:MM or off)',
    timezone: 'Your time zone',
    language: 'Interface language (nl, en, de or fr)',
    feeds: 'All feeds by topic',
    settings: 'Your settings',
    status: 'Subscriptions and next digest',
    stop: 'Unsubscribe from everything',
    help: 'What I can do',
    stats: 'Admin: figures',
    poll: 'Admin: poll the feeds now',
    reload: 'Admin: read feeds.json again',
  },
  welcome: (name) =>
    `Hello${name ? ` ${e(name)}` : ''}! I read news feeds and condense every article into a short briefing ` +
    'in its own words. Ask for the /latest news any time, or get a daily digest at your own hour.\n\n' +
    'Tap below to follow a default selection, or choose yourself with /subscribe.',
  welcomeBack: (name, zone, time) =>
    `Welcome back${name ? `, ${e(name)}` : ''}! Your settings are kept: I speak English, your time zone is <b>${e(zone)}</b> and ` +
    `${time === null ? 'daily digests are off' : `your daily digest is set for <b>${e(time)}</b>`}; /settings changes them.\n\n` +
    'Since /stop you follow nothing: tap below to follow the default selection, or choose yourself with /subscribe.',
  alreadySetUp: (name, v) =>
    [
      `Hello${name ? ` ${e(name)}` : ''}! You are already set up: you follow ${list([...v.topics, ...v.feeds])}.`,
      v.digestTime === null ? 'Daily digests are off.' : `Your daily digest arrives at <b>${e(v.digestTime)}</b> (time zone ${e(v.timezone)}).`,
      '/settings changes this; /help lists everything I can do.',
    ].join('\n'),
  subscribeDefaultButton: 'Follow the default selection',
  help: (lines, isAdmin) =>
    [
      '<b>What I can do</b>',
      ...lines.map((line) => `/${line.command} — ${e(line.description)}`),
      '',
      'Examples: <code>/subscribe world tech</code>, <code>/latest 10</code>, <code>/time 07:30</code>, <code>/timezone Europe/Amsterdam</code>.',
      '<code>/help time</code> tells more about one command.',
      ...(isAdmin ? ['You are an admin of this bot.'] : []),
    ].join('\n'),
  commandHelp: {
    start: '<code>/start</code> — a welcome, with a button that follows a default selection of topics.',
    latest:
      '<code>/latest</code> — the 5 newest briefings of what you follow that you have not received yet.\n' +
      '<code>/latest 10</code> — up to 20 at once.\n' +
      '<code>/latest tech</code> — only that topic or feed, followed or not; <code>/latest 10 tech</code> works too.\n' +
      'A briefing you received once, here or in a digest, is not offered again; when nothing is new, a button shows the most recent ones again.',
    subscribe:
      '<code>/subscribe</code> — a button for every topic and feed: tap to follow or stop following.\n' +
      '<code>/subscribe world tech</code> — follow topics or feeds by name (/feeds lists them); <code>/subscribe all</code> to follow every topic.\n' +
      '<code>/subscribe @channel world</code> — a channel you administer gets the daily digest; make me an admin of the channel first. A channel without an @name is named by its id (<code>/subscribe -1001234567890 world</code>).\n' +
      '<code>/time @channel 06:00</code>, <code>/timezone @channel London</code>, <code>/language @channel en</code> — the channel\'s digest time, time zone and language.',
    unsubscribe:
      '<code>/unsubscribe</code> — the buttons of /subscribe: ✅ marks what you follow; tap it to stop following.\n' +
      '<code>/unsubscribe tech</code> — stop following topics or feeds by name; <code>/unsubscribe all</code> to follow nothing any more.\n' +
      '<code>/unsubscribe @channel</code> — a channel you administer gets no more digests.',
    digest:
      '<code>/digest</code> — your digest right now, exactly as the daily one looks: the best stories since your last daily digest. ' +
      '/latest will not offer them again; another /digest, or the daily digest, may show them again, since it covers the same hours.',
    time:
      '<code>/time 07:30</code> — when your daily digest arrives, in your time zone (<code>7u30</code>, <code>7h30</code>, <code>19 uur</code> and <code>7pm</code> work too).\n' +
      '<code>/time off</code> — no daily digest.\n' +
      '<code>/time</code> — the time set now.',
    timezone:
      '<code>/timezone Europe/Amsterdam</code> — the time zone of your digest and of the times I show. ' +
      'A city (<code>/timezone London</code>), a country (<code>/timezone Germany</code>), an offset (<code>/timezone +02:00</code>) or an abbreviation (<code>/timezone CET</code>) works too.\n' +
      '<code>/timezone</code> — the zone set now.',
    language: '<code>/language nl</code>, <code>/language en</code>, <code>/language de</code> or <code>/language fr</code> — the language I speak. Briefings stay in the language of their article.',
    feeds: '<code>/feeds</code> — every feed by topic; 🔴 marks a feed that fails at the moment.\n<code>/feeds tech</code> — only the feeds of those topics.',
    settings: '<code>/settings</code> — your language, time zone, digest time and subscriptions, with buttons to change them.',
    status: '<code>/status</code> — what you follow, when your next digest comes and when you last received something. <code>/status @channel</code> — the same for a channel you administer.',
    stop:
      '<code>/stop</code> — unsubscribe from everything: you no longer follow any topic or feed, and get no more digests.\n' +
      'Kept: your language, time zone and digest time, and what you received (so /latest does not repeat it); /subscribe brings you back with those settings. ' +
      'A channel you subscribed keeps getting its digests; <code>/unsubscribe @channel</code> stops them.\n' +
      'A button under the answer also deletes all I know about this chat, settings included.',
    help: '<code>/help</code> — every command. <code>/help time</code> — more about one of them.',
    stats: '<code>/stats</code> — subscribers, feeds and which of them fail, articles, and the messages waiting to be sent.',
    poll: '<code>/poll</code> — poll every feed now; I say when it is done.',
    reload: '<code>/reload</code> — read feeds.json again without a restart. A file with mistakes changes nothing, and I list the mistakes.',
  },
  helpNoSuchCommand: (name) => `There is no command <code>/${e(name)}</code>. These are the commands I know:`,
  unknownCommand: (guess, args) => `I do not know that command.${guess === undefined ? '' : ` Did you mean ${offeredCommand(guess, args)}?`} /help lists what I can do.`,
  editNotRead: (command) =>
    'I do not read edited messages, so your edit changed nothing. ' +
    (command === null ? 'Please send the command again as a new message.' : `Please send it again as a new message: <code>${e(command)}</code>`),
  notACommand: 'I answer commands: /latest for the news, /help for everything I can do.',
  namesWithoutCommand: (names) => `I answer commands: <code>/subscribe ${e(names)}</code> follows that, <code>/latest ${e(names)}</code> shows its newest briefings.`,
  notTyped: 'I only read typed commands: /latest for the news, /help for everything I can do.',
  somethingWentWrong: 'Something went wrong, please try again.',
  slowDown: 'That is a lot of commands at once. Please wait a few seconds; I will answer again then.',
  argumentsTooLong: (limit) => `That is too long for me: I read at most ${n(limit)} characters after a command. Please send it in parts, for example a few topics per /subscribe.`,
  unreadableArguments: 'That contains characters I cannot read. Please try again with plain text.',
  groupAdminsOnly: 'Only the admins of this group can change its settings.',
  botAdminsOnly: 'This command is for the administrators of this bot.',
  subscribed: (items) => `Now following: ${list(items)}.`,
  unsubscribed: (items) => `No longer following: ${list(items)}.`,
  unknownItems: (items, retry) =>
    `I do not know ${list(items)}.${retry === undefined ? '' : ` Did you mean <code>${e(retry)}</code>?`} /feeds lists the topics and feeds.`,
  nothingChanged: 'Nothing changed.',
  notFollowed: (items) => `You do not follow ${list(items)}.`,
  subscribeKeyboardTitle: 'Tap topics and feeds to follow or unfollow them:',
  doneButton: 'Done',
  goneButton: (name) => `${name} (no longer offered)`,
  keyboardDone: (topics, feeds) =>
    topics.length + feeds.length === 0
      ? 'You follow nothing yet. /subscribe to choose.'
      : `You follow ${list([...topics, ...feeds])}.`,
  channelUnknown: (channel) => `I cannot find ${e(channel)}. Add me to the channel as an admin first.`,
  channelIsGroup: (channel) => `${e(channel)} is a group, not a channel: add me to it and send the command there.`,
  channelNotAdmin: (channel) => `Only an admin of ${e(channel)} can subscribe it.`,
  channelCannotPost: (channel) => `I cannot post in ${e(channel)}. Make me an admin with the right to post messages.`,
  channelSubscribed: (channel, items) => `${e(channel)} now follows ${list(items)}.`,
  channelNotAdminToUnsubscribe: (channel) => `Only an admin of ${e(channel)} can unsubscribe it.`,
  channelNotAdminToView: (channel) => `Only an admin of ${e(channel)} can see or change its settings.`,
  channelNotSubscribed: (channel) => `${e(channel)} follows nothing here. <code>/subscribe ${e(channel)} world</code> subscribes it.`,
  channelUnsubscribed: (channel, items) => `${e(channel)} no longer follows ${list(items)}.`,
  channelStopped: (channel) => `${e(channel)} is unsubscribed from everything and gets no more digests.`,
  latestHeader: (count, cappedAt) =>
    `<b>${count === 1 ? 'The latest briefing' : `The latest ${n(count)} briefings`}</b>${cappedAt === undefined ? '' : ` (${n(cappedAt)} at a time at most)`}`,
  latestNothingNew: 'Nothing new since you last looked.',
  latestNothingAtAll: 'There are no briefings yet. The feeds are polled regularly; try again later.',
  latestRecentButton: (count) => (count === 1 ? 'Show the most recent one again' : `Show the ${n(count)} most recent again`),
  latestRecentHeader: (count) => `<b>${count === 1 ? 'The most recent briefing' : 'The most recent briefings'}</b> (seen before)`,
  latestAllFeedsHint: 'You follow nothing yet, so this is from all feeds. /subscribe to choose.',
  latestBadCount: 'Use /latest or /latest N with a number N from 1 to 20, for example <code>/latest 10</code>.',
  digestEmpty: 'Nothing new for your digest right now.',
  digestFollowsNothing: 'You follow nothing yet, so there is no digest to make. /subscribe to choose topics or feeds; /latest shows the news of all feeds meanwhile.',
  digestUnavailable: 'The digest is not available at the moment. Please try again later.',
  timeSet: (time, zone) => `Your daily digest arrives at <b>${e(time)}</b> (${e(zone)}).`,
  timeOff: (command) => `Daily digests are off. <code>${e(command)}</code> turns them on again.`,
  timeCurrent: (time, zone) =>
    (time === null ? 'Daily digests are off.' : `Your daily digest arrives at <b>${e(time)}</b> (${e(zone)}).`) +
    '\nChange it with <code>/time HH:MM</code>, for example <code>/time 07:30</code>, or <code>/time off</code>.',
  timeBad: 'Please give a time as HH:MM, for example <code>/time 07:30</code>, or <code>/time off</code> to stop digests.',
  timeFollowsNothing: 'You follow nothing yet, so no digest comes until you /subscribe to topics or feeds.',
  nextDigest: (next) => `Next digest: ${nextDigestText(next)}.`,
  timezoneSet: (zone, now) => `Time zone set to <b>${e(zone)}</b>. It is now ${e(now)} there.`,
  timezoneNoSummerTime: 'A fixed offset from UTC does not follow summer time: name your city to follow it (<code>/timezone London</code>).',
  timezoneCurrent: (zone, now) =>
    `Your time zone is <b>${e(zone)}</b> (now ${e(now)}).\nChange it with <code>/timezone Europe/Amsterdam</code>, a city (<code>/timezone London</code>) or an offset (<code>/timezone +02:00</code>).`,
  timezoneBad:
    'I do not know that time zone. Use a name like <code>/timezone Europe/Amsterdam</code>, a city like <code>/timezone London</code>, a country like <code>/timezone Germany</code>, or an offset like <code>/timezone +02:00</code>.',
  timezoneMeant: (name) =>
    `I do not know that time zone. Did you mean ${offeredCommand('timezone', name)}? If not, name a larger city near you, or your offset from UTC (<code>/timezone +02:00</code>).`,
  timezoneAmbiguous: (abbreviation, cities) =>
    `${e(abbreviation)} stands for more than one time zone. Name your city: ${commandChoice('timezone', cities, 'or')}.`,
  timezoneSeveral: (country, offset) =>
    `${e(country)}: this country has more than one time zone. Name a city there, or your offset from UTC (<code>/timezone ${e(offset)}</code>).`,
  languageSet: 'I will speak English from now on. Briefings stay in the language of their article.',
  languageBad: 'Choose <code>/language nl</code>, <code>/language en</code>, <code>/language de</code> or <code>/language fr</code>.',
  languageCurrent: 'I speak English here. <code>/language nl</code> switches to Dutch, <code>/language de</code> to German, <code>/language fr</code> to French.',
  feedsHeader: '<b>Feeds by topic</b>',
  feedsTopic: (topic) => `\n<b>${e(topic)}</b>`,
  feedLine: (title, id, health, language) =>
    `${HEALTH_ICONS[health]} ${e(title)} (<code>${e(id)}</code>, ${e(language)})` +
    (health === 'failing' ? ' — currently failing' : health === 'new' ? ' — not polled yet' : ''),
  feedsEmpty: 'No feeds are configured.',
  settings: (v) =>
    [
      '<b>Your settings</b>',
      `Language: ${e(v.language)}`,
      `Time zone: ${e(v.timezone)}`,
      `Daily digest: ${v.digestTime === null ? 'off' : e(v.digestTime)}`,
      `Topics: ${v.topics.length > 0 ? list(v.topics) : 'none'}`,
      `Feeds: ${v.feeds.length > 0 ? list(v.feeds) : 'none'}`,
    ].join('\n'),
  settingsDigestOnButton: (time) => `Turn on daily digest (${time})`,
  settingsDigestOffButton: 'Turn off daily digest',
  settingsTopicsButton: 'Choose topics and feeds',
  status: (v, next, last, active, gone) =>
    [
      '<b>Status</b>',
      `Following: ${follows(v) ? list([...v.topics, ...v.feeds]) : 'nothing'}`,
      ...(gone.length > 0 ? [`No longer offered: ${list(goneLabels(gone))} (/unsubscribe ${e(goneIds(gone))} drops them)`] : []),
      `Next digest: ${!active ? 'none (stopped)' : next === null ? 'none (digests are off)' : !follows(v) ? 'none until you follow a topic or feed (/subscribe)' : nextDigestText(next)}`,
      `Last delivery: ${last === null ? 'none yet' : e(last)}`,
    ].join('\n'),
  followsOnlyGone: (gone) =>
    `Nothing you follow is offered any more: ${list(goneLabels(gone))} left the feed list. /subscribe to choose again; /feeds shows what there is.`,
  stopped: 'You are unsubscribed from everything and will get no more digests. /subscribe brings you back.\nTap below to also delete all I know about this chat.',
  alreadyStopped: 'You are not subscribed to anything, so there is nothing to stop. /subscribe brings you back.\nTap below to delete all I know about this chat.',
  stopDeleteButton: 'Delete this chat\'s data',
  deleted: 'All data about this chat is deleted. /start begins afresh.',
  deleteAfterFollowingAgain: 'This chat follows news again since that /stop, so nothing is deleted. To delete its data, send /stop first.',
  stats: (f) =>
    [
      '<b>Stats</b>',
      `Subscribers: ${n(f.subscribers)} (${n(f.activeSubscribers)} active)`,
      `Feeds: ${n(f.feeds)}, failing now: ${f.failingFeeds.length > 0 ? list(f.failingFeeds) : 'none'}`,
      ...(f.rarelyPolledFeeds.length === 0 ? [] : [`Polled rarely after failing many times in a row: ${list(f.rarelyPolledFeeds)}`]),
      ...(f.articles === null ? [] : [`Articles: ${n(f.articles)}`]),
      ...(f.outbox === null ? [] :
        [`Outbox: ${n(f.outbox.pending)} pending, ${n(f.outbox.sentToday)} sent today (${e(f.outbox.sentTodayZone)}), ${n(f.outbox.failed)} failed, ${n(f.outbox.dead)} dead, ${n(f.outbox.inactiveChats)} inactive chats`]),
    ].join('\n'),
  pollStarted: 'Polling all feeds now…',
  pollDone: (done, failed) => `Poll finished: ${n(done)} feeds ok, ${n(failed.length)} failed${failed.length > 0 ? `:${failureLines(failed, (count) => `and ${n(count)} more`)}` : '.'}`,
  pollUnavailable: 'Polling is not available in this process.',
  reloadDone: (change) => {
    const parts = [
      change.added.length > 0 ? `added ${list(change.added)}` : '',
      change.removed.length > 0 ? `removed ${list(change.removed)}` : '',
      change.renamedFeeds.length > 0 ? `renamed ${list(change.renamedFeeds.map(renameText))}` : '',
      change.changed.length > 0 ? `changed ${list(change.changed)}` : '',
      change.renamedTopics.length > 0 ? `renamed topics ${list(change.renamedTopics)}` : '',
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join('; ') : 'nothing changed';
    return `feeds.json reloaded: ${what}. ${n(change.enabled)} feeds are polled now.`;
  },
  reloadWarnings: (warnings) => `Check this in feeds.json:\n<pre>${e(warnings)}</pre>`,
  reloadFailed: (error, kept) => `feeds.json was not reloaded; I keep the ${n(kept)} feeds I had. Fix this and try again:\n<pre>${e(error)}</pre>`,
  reloadUnavailable: 'Reloading feeds.json is not available in this process.',
  none: 'none',
  timeFormat: TIME_FORMAT,
  dateTimeFormat: `EEEE d MMMM, ${TIME_FORMAT}`,
  digestHeader: (date) => `📰 <b>Your digest</b> · ${e(date)}`,
  digestTopic: topicHeading,
  digestTopicContinued: (topic) => topicHeading(`${topic} (continued)`),
  storyAlsoIn: (sources, more) =>
    sources.length === 0
      ? `<i>(also in ${n(more)} other ${more === 1 ? 'source' : 'sources'})</i>`
      : `<i>(also in ${sentenceList(sources, 'and', more > 0 ? `${n(more)} more` : '')})</i>`,
  digestMore: (count) => `+${n(count)} more; /latest shows those you have not seen yet`,
  digestMoreInChannel: (count) => `+${n(count)} more ${count === 1 ? 'story' : 'stories'}`,
  digestQuiet: 'A quiet day: nothing new since your last digest.',
  digestDateFormat: 'EEEE d MMMM',
};
