import type { StoryKeys } from '../core/story-keys.js';
import type { TopicNames } from '../core/topic-names.js';
import type { FeedSpec, StoredBriefing, Subscriber, UiLanguage } from '../core/types.js';
import type { DeliveryVia } from '../store/subscriber-repository.js';
import type { CommandName, Messages } from '../i18n/index.js';
import type { ChatTurn } from './chat-queue.js';
import type { BotDeps } from './deps.js';

/** Rows of inline buttons; `data` is callback data (at most 64 bytes), `url` opens a link. */
export type Keyboard = readonly (readonly { readonly text: string; readonly data: string }[])[];

/** The few Telegram look-ups a command may need beyond replying. */
export interface ChatApi {
  /** The chat behind `@name` or an id, or null when the bot cannot see it. */
  getChat(chat: string | number): Promise<{ id: number; type: string; title: string | null } | null>;
  /** The member's status (`creator`, `administrator`, `member`...) and whether they may post. */
  getChatMember(chatId: string | number, userId: number): Promise<{ status: string; canPost: boolean } | null>;
  readonly botId: number;
}

/** What a command sees: its chat (already stored), its arguments and the means to answer. */
export interface CommandContext {
  readonly deps: BotDeps;
  readonly chat: Subscriber;
  /** The configured feeds when this update arrived: one list for the whole command. */
  readonly feeds: readonly FeedSpec[];
  /** What readers call the topics of `feeds`, read with them: topics are shown by topicLabel, typed by id or any name. */
  readonly topicNames: TopicNames;
  readonly msg: Messages;
  /**
   * The language of `msg`: the sender's chat's, also when `chat` is a channel the sender
   * administers (runOnChannel), so times and dates are written in the reply's language.
   */
  readonly language: UiLanguage;
  /**
   * The chat's messages as stored now, for a reply sent long after the command (a background
   * poll's report): the chat may have switched language meanwhile.
   */
  messagesNow(): Messages;
  readonly args: readonly string[];
  readonly userId: number | null;
  readonly firstName: string | null;
  readonly isBotAdmin: boolean;
  readonly now: number;
  readonly api: ChatApi;
  /** Sends Telegram HTML to this chat, link previews off; resolves once Telegram accepted it. */
  reply(html: string, keyboard?: Keyboard): Promise<void>;
  /**
   * Runs `work` after every earlier `exclusive` work of this chat has finished, or has overrun
   * the chat queue's hold time: what reads the briefings a chat has not received and records them
   * only after sending goes through here, holding what it sends and skipping what overrun work
   * still holds (ChatTurn).
   */
  exclusive<T>(work: (turn: ChatTurn) => Promise<T>): Promise<T>;
  /** Records articles as received by this chat; call it once Telegram accepted the message carrying them. */
  recordDelivered(seqs: readonly number[], via: DeliveryVia): Promise<void>;
  /** What tells one story from another (clusterStories), remembered by the bot across replies (createStoryKeysMemo). */
  storyKeys(briefing: StoredBriefing): StoryKeys;
}

/** What a button press sees: the command context plus the pressed data and the message to edit. */
export interface CallbackContext extends CommandContext {
  /** Callback data split on ':' without the command's prefix. */
  readonly data: readonly string[];
  /** Replaces the text and buttons of the message the button belongs to. */
  edit(html: string, keyboard?: Keyboard): Promise<void>;
}

/**
 * One bot command. `scope` decides who may run it: `everyone`; `settings` (in groups only the
 * group's admins, since it changes the group's settings); `bot-admin` (ADMIN_IDS only).
 */
export interface BotCommand {
  readonly name: CommandName;
  readonly scope: 'everyone' | 'settings' | 'bot-admin';
  /** With no arguments the command only shows the current setting, so anyone may run it. */
  readonly viewWithoutArgs?: boolean;
  /**
   * With a channel first (`@channel` or its id, isChannelRef) the command acts on that channel, not
   * on this chat, and checks the channel's admins itself: in a group it is not held to the group's admins.
   */
  readonly channelArgument?: boolean;
  run(context: CommandContext): Promise<void>;
  /** Button presses whose data starts with `${callbackPrefix}:`. */
  readonly callbackPrefix?: string;
  /** Whether pressing this command's buttons changes settings (group admins only). */
  readonly callbackScope?: 'everyone' | 'settings';
  /**
   * The presses among `callbackScope: 'settings'` ones that change no setting (another page of a
   * keyboard, closing it): any member may make them, as anyone may send the command that drew it.
   */
  isViewPress?(data: readonly string[]): boolean;
  onCallback?(context: CallbackContext): Promise<void>;
}
