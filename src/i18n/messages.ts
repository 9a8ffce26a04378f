import type { CatalogChange } from '../core/catalog-change.js';
import type { GoneItem } from '../core/following.js';
import { escapeHtml } from '../telegram/html.js';

/** Every bot command, in menu order; the single list the command menu and /help are built from. */
export const COMMAND_NAMES = [
  'start', 'latest', 'subscribe', 'unsubscribe', 'digest', 'time', 'timezone', 'language',
  'feeds', 'settings', 'status', 'stop', 'help', 'stats', 'poll', 'reload',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Health of one feed as shown by /feeds. */
export type FeedHealthLabel = 'ok' | 'failing' | 'new' | 'unknown';

/** Figures for the admin's /stats; outbox figures appear when the delivery engine provides them. */
export interface StatsFigures {
  readonly subscribers: number;
  readonly activeSubscribers: number;
  readonly feeds: number;
  /** Feeds whose last poll failed. */
  readonly failingFeeds: readonly string[];
  /** Of those, the ones past the failure threshold, now polled rarely. */
  readonly rarelyPolledFeeds: readonly string[];
  readonly articles: number | null;
  /** `sentTodayZone`: the zone whose day `sentToday` counts (the asking chat's), as shown (timezoneLabel). */
  readonly outbox: { pending: number; sentToday: number; sentTodayZone: string; failed: number; dead: number; inactiveChats: number } | null;
}

/**
 * The next digest as /status shows it: `at`, formatted, is when it comes or, when `dueNow`, when
 * it was due; a due digest the scheduler still catches up on goes out at the next minute tick.
 */
export interface NextDigestView {
  readonly at: string;
  readonly dueNow: boolean;
}

/** The settings shown by /settings and /status, already formatted for display. */
export interface SettingsView {
  readonly language: string;
  readonly timezone: string;
  readonly digestTime: string | null;
  readonly topics: readonly string[];
  /** By title; by id only a feed that feeds.json dropped (see settingsView). */
  readonly feeds: readonly string[];
}

/** What a chat follows that is gone, as listed to it: topics by their names. */
export function goneLabels(gone: readonly GoneItem[]): string[] {
  return gone.map((item) => item.label);
}

/** The ids of what is gone, space separated: the words of the /unsubscribe that drops them all. */
export function goneIds(gone: readonly GoneItem[]): string {
  return gone.map((item) => item.id).join(' ');
}

/**
 * Items already rendered as HTML, joined as a sentence lists them: "A, B and C" with `and` in the
 * message's language, and `more` (such as "2 more") as the last item when given.
 */
export function sentenceList(items: readonly string[], and: string, more = ''): string {
  const all = more === '' ? items : [...items, more];
  return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} ${and} ${all.at(-1)}`;
}

/** Items a list in a message names before it says how many more there are. */
const LIST_MAX_ITEMS = 30;

/**
 * Items as bold, escaped names joined by commas; past LIST_MAX_ITEMS the rest is counted by
 * `more` ("and 12 more"), so a chat that follows a hundred feeds still gets an answer Telegram
 * accepts (4,096 characters at most).
 */
export function boldList(items: readonly string[], more: (count: number) => string): string {
  const named = items.slice(0, LIST_MAX_ITEMS).map((item) => `<b>${escapeHtml(item)}</b>`).join(', ');
  return items.length > LIST_MAX_ITEMS ? `${named} ${more(items.length - LIST_MAX_ITEMS)}` : named;
}

/** One feed a poll could not read, and what went wrong, in plain words (no module prefixes, no URL). */
export interface FeedFailure {
  readonly feed: string;
  readonly problem: string;
}

/**
 * One line per failed feed, `<b>id</b>: problem`, each escaped and after a line break; past
 * LIST_MAX_ITEMS the rest is counted by `more` on a line of its own, so a poll where everything
 * failed still gets an answer.
 */
export function failureLines(failures: readonly FeedFailure[], more: (count: number) => string): string {
  const lines = failures.slice(0, LIST_MAX_ITEMS).map((failure) => `<b>${escapeHtml(failure.feed)}</b>: ${escapeHtml(failure.problem)}`);
  if (failures.length > LIST_MAX_ITEMS) lines.push(more(failures.length - LIST_MAX_ITEMS));
  return lines.map((line) => `\n${line}`).join('');
}

/** A feed renamed in feeds.json, as /reload lists it: `nos → nos-algemeen`. */
export function renameText(rename: { readonly from: string; readonly to: string }): string {
  return `${rename.from} → ${rename.to}`;
}

/** A feed's health as its icon, the same in every language. */
export const HEALTH_ICONS = { ok: '🟢', failing: '🔴', new: '⚪', unknown: '•' } as const;

/**
 * Counts as readers of `locale` write them ("2,460", "2.460", "2 460"): a bare 2460 among the
 * words of a message is harder to read at a glance.
 */
export function countFormat(locale: string): (count: number) => string {
  // Made at the first count: Intl's locale data costs megabytes of memory, and a process that
  // never shows a count (a delivery worker sending what was rendered) need not load it.
  let format: Intl.NumberFormat | undefined;
  return (count) => (format ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(count);
}

/** A topic's name (see core/topic-names.ts topicLabel: "Wereld", or "World" for an unnamed `world`) as a digest's section heading: bold. */
export function topicHeading(name: string): string {
  return `<b>${escapeHtml(name)}</b>`;
}

/**
 * A command offered as the one the reader meant: `/time` alone, which Telegram shows as a link
 * that sends it, or with the reader's arguments the whole command in <code>, to copy
 * (`/time 07:30`): a link would send the command without them.
 */
export function offeredCommand(command: string, args?: string): string {
  return args === undefined ? `/${escapeHtml(command)}` : `<code>/${escapeHtml(command)} ${escapeHtml(args)}</code>`;
}

/** Commands to copy, one of which the reader should send: `<code>/timezone A</code>, <code>/timezone B</code> or ...`. */
export function commandChoice(command: string, args: readonly string[], or: string): string {
  const offered = args.map((arg) => offeredCommand(command, arg));
  return offered.length < 2 ? offered.join('') : `${offered.slice(0, -1).join(', ')} ${or} ${offered.at(-1)}`;
}

/** Whether the chat follows any topic or feed: without one, no digest is ever made for it. */
export function follows(view: SettingsView): boolean {
  return view.topics.length + view.feeds.length > 0;
}

/**
 * The bot's whole interface text in one language. Strings are Telegram HTML; functions escape
 * whatever they interpolate, so callers pass raw values. Every catalogue implements this type,
 * which is how the compiler keeps every language complete and in step.
 */
export interface Messages {
  readonly languageName: string;
  readonly commandDescriptions: Readonly<Record<CommandName, string>>;
  readonly welcome: (firstName: string | null) => string;
  /**
   * /start from a chat that chose /stop: what /stop kept (this language, the time zone, the digest
   * time, null when off) and how to change it, and that it follows nothing since; the button of
   * the first welcome follows.
   */
  readonly welcomeBack: (firstName: string | null, timezone: string, digestTime: string | null) => string;
  /**
   * /start from a chat that is active and follows something: not the first welcome again, but
   * what it follows, when its digest comes (`view.digestTime` null when off) and where to change
   * that. No button: it has chosen already.
   */
  readonly alreadySetUp: (firstName: string | null, view: SettingsView) => string;
  readonly subscribeDefaultButton: string;
  readonly help: (lines: readonly { command: string; description: string }[], isAdmin: boolean) => string;
  /** What `/help <command>` says: how to use the command, with examples (Telegram HTML). */
  readonly commandHelp: Readonly<Record<CommandName, string>>;
  /** `/help <name>` for a command that does not exist, nor one close to it; the command list follows. */
  readonly helpNoSuchCommand: (name: string) => string;
  /**
   * `guess`: the command most likely meant ("latest" for /lates), if any; `args`: the reader's
   * arguments, when there are any short and clean enough to offer the whole command to copy
   * (see offeredCommand).
   */
  readonly unknownCommand: (guess?: string, args?: string) => string;
  /**
   * The answer to a command the reader edited: edits are not read, so the edit changed nothing;
   * `command` is the edited text to send again (null when it is too long or garbled to show).
   */
  readonly editNotRead: (command: string | null) => string;
  /** The answer to plain text in a private chat. */
  readonly notACommand: string;
  /** The answer to plain text that names only topics or feeds: the commands that take `names` (ids, space separated). */
  readonly namesWithoutCommand: (names: string) => string;
  /** The answer to a sticker, photo, voice message or file without a caption in a private chat. */
  readonly notTyped: string;
  readonly somethingWentWrong: string;
  readonly slowDown: string;
  /** Arguments longer than `limit` characters (more than one Telegram message holds): what to do instead. */
  readonly argumentsTooLong: (limit: number) => string;
  /** Arguments with control characters or garbled text. */
  readonly unreadableArguments: string;
  readonly groupAdminsOnly: string;
  readonly botAdminsOnly: string;
  readonly subscribed: (items: readonly string[]) => string;
  readonly unsubscribed: (items: readonly string[]) => string;
  /** `retry`: the command with the names the words most likely meant ("/subscribe world"), if any. */
  readonly unknownItems: (items: readonly string[], retry?: string) => string;
  readonly nothingChanged: string;
  /** /unsubscribe of topics or feeds the chat does not follow: named, so a typo for another is seen. */
  readonly notFollowed: (items: readonly string[]) => string;
  /** Above the toggle keyboard of /subscribe, /unsubscribe and /settings: it must say a tap follows or unfollows. */
  readonly subscribeKeyboardTitle: string;
  readonly doneButton: string;
  /** A keyboard button for something followed that feeds.json no longer offers (plain text). */
  readonly goneButton: (name: string) => string;
  readonly keyboardDone: (topics: readonly string[], feeds: readonly string[]) => string;
  readonly channelUnknown: (channel: string) => string;
  readonly channelNotAdmin: (channel: string) => string;
  /** `/subscribe @name` where @name is a group: its settings are changed in the group. */
  readonly channelIsGroup: (channel: string) => string;
  readonly channelCannotPost: (channel: string) => string;
  readonly channelSubscribed: (channel: string, items: readonly string[]) => string;
  readonly channelNotAdminToUnsubscribe: (channel: string) => string;
  /** `/status @channel`, `/time @channel ...` and the like from someone who does not administer the channel. */
  readonly channelNotAdminToView: (channel: string) => string;
  readonly channelNotSubscribed: (channel: string) => string;
  readonly channelUnsubscribed: (channel: string, items: readonly string[]) => string;
  readonly channelStopped: (channel: string) => string;
  /** `cappedAt` when the reader asked for more than one /latest shows. */
  readonly latestHeader: (count: number, cappedAt?: number) => string;
  readonly latestNothingNew: string;
  readonly latestNothingAtAll: string;
  readonly latestRecentButton: (count: number) => string;
  /** Above the `count` most recent briefings shown again. */
  readonly latestRecentHeader: (count: number) => string;
  readonly latestAllFeedsHint: string;
  readonly latestBadCount: string;
  readonly digestEmpty: string;
  /** /digest from a chat that follows no topic or feed: a digest has nothing to draw from. */
  readonly digestFollowsNothing: string;
  readonly digestUnavailable: string;
  readonly timeSet: (time: string, timezone: string) => string;
  /** Digests turned off; `command` (`/time 08:15`, the time they had) turns them on again. */
  readonly timeOff: (command: string) => string;
  readonly timeCurrent: (time: string | null, timezone: string) => string;
  readonly timeBad: string;
  /** After timeSet or timeCurrent, to a chat that follows nothing: the time alone brings no digest. */
  readonly timeFollowsNothing: string;
  /**
   * After timeSet or timezoneSet: when the next digest comes (as /status says it). A new time or
   * zone does not bring a second digest on a date that had one, so "arrives at 11:00" alone
   * promised one that never came, and a time just past sends one at once.
   */
  readonly nextDigest: (next: NextDigestView) => string;
  readonly timezoneSet: (timezone: string, localNow: string) => string;
  /** After timezoneSet for a UTC offset (`+1`): an offset keeps no summer time, a city does. */
  readonly timezoneNoSummerTime: string;
  readonly timezoneCurrent: (timezone: string, localNow: string) => string;
  readonly timezoneBad: string;
  /** A time zone it does not know, and the name (`Amsterdam` for `Amsterdm`) it most likely meant. */
  readonly timezoneMeant: (name: string) => string;
  /** An abbreviation several zones share (`IST`), with a city of each (`Kolkata`, `Dublin`, `Jerusalem`). */
  readonly timezoneAmbiguous: (abbreviation: string, cities: readonly string[]) => string;
  /** A country whose regions keep different clocks (Spain, the United States); `offset` (`+01:00`) is one it keeps, for the example. */
  readonly timezoneSeveral: (country: string, offset: string) => string;
  readonly languageSet: string;
  readonly languageBad: string;
  readonly languageCurrent: string;
  readonly feedsHeader: string;
  readonly feedsTopic: (topic: string) => string;
  readonly feedLine: (title: string, id: string, health: FeedHealthLabel, language: string) => string;
  readonly feedsEmpty: string;
  readonly settings: (view: SettingsView) => string;
  /**
   * Button labels are plain text, not HTML, and say what pressing them does ("Turn on daily
   * digest"), never the state the settings text above them already shows: "Digest off" under
   * "Daily digest: 07:30" read as a state. Toggles that do show a state mark it (✅ / ▫️).
   * `time`: the digest time pressing it sets.
   */
  readonly settingsDigestOnButton: (time: string) => string;
  readonly settingsDigestOffButton: string;
  readonly settingsTopicsButton: string;
  /** `gone`: what the chat follows that feeds.json no longer offers. */
  /** `gone` is listed by label (a topic by its name) and dropped by id (/unsubscribe takes ids). */
  readonly status: (view: SettingsView, nextDigest: NextDigestView | null, lastDelivery: string | null, active: boolean, gone: readonly GoneItem[]) => string;
  /** /latest, /digest and the digest's notice when everything the chat follows was dropped from feeds.json; listed by label. */
  readonly followsOnlyGone: (gone: readonly GoneItem[]) => string;
  readonly stopped: string;
  /** /stop from a chat that already stopped: nothing to stop; its data can still be deleted. */
  readonly alreadyStopped: string;
  readonly stopDeleteButton: string;
  readonly deleted: string;
  /** An old /stop's delete button pressed after the chat followed news again: nothing deleted. */
  readonly deleteAfterFollowingAgain: string;
  readonly stats: (figures: StatsFigures) => string;
  readonly pollStarted: string;
  /** The end of /poll: `failed` lists each feed that failed with its problem, one a line. */
  readonly pollDone: (done: number, failed: readonly FeedFailure[]) => string;
  readonly pollUnavailable: string;
  /** /reload took the new feeds.json; `change` says what differs from the list before. */
  readonly reloadDone: (change: CatalogChange) => string;
  /** Follows reloadDone when the new list has what the start warns of (`warnings`, one a line, in English as in the log). */
  readonly reloadWarnings: (warnings: string) => string;
  /** /reload found problems in feeds.json (`error` names each) and kept the `kept` feeds it had. */
  readonly reloadFailed: (error: string, kept: number) => string;
  readonly reloadUnavailable: string;
  readonly none: string;
  /**
   * date-fns format for a time of day, e.g. "07:30" or "07:30 Uhr": every time a message shows
   * (the digest time, and within dateTimeFormat), so a language writes its times one way.
   */
  readonly timeFormat: string;
  /** date-fns format for a date with time, e.g. "Monday 5 January, 07:30"; its time is timeFormat. */
  readonly dateTimeFormat: string;
  /** Daily digest (delivery engine): header with the formatted local date. */
  readonly digestHeader: (date: string) => string;
  /** Heading of one topic's section in a digest. */
  readonly digestTopic: (topic: string) => string;
  /** The same heading atop a later message of a split digest that goes on with that topic's stories. */
  readonly digestTopicContinued: (topic: string) => string;
  /**
   * After a story that several feeds carry (in a digest or /latest): the other sources, as rendered HTML (linked titles),
   * and how many more there are; with no sources named, the count alone.
   */
  readonly storyAlsoIn: (sources: readonly string[], more: number) => string;
  /** Closing line when stories were left out. */
  readonly digestMore: (count: number) => string;
  /** The same in a channel, whose readers cannot send it /latest: the count alone. */
  readonly digestMoreInChannel: (count: number) => string;
  /** The whole digest on a day with nothing new (when the quiet line is on). */
  readonly digestQuiet: string;
  /** date-fns format for the digest header's date, e.g. "Monday 5 January". */
  readonly digestDateFormat: string;
}
