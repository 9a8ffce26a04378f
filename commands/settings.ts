import type { BotCommand, CommandContext, Keyboard } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { UI_LANGUAGES, type Subscriber, type UiLanguage } from '../src/core/types.js';
import { formatTimeOfDay, messagesFor, uiLanguageFor } from '../src/i18n/index.js';
import { settingsView, toggleKeyboard } from '../src/bot/views.js';
import { settingsOfChannel } from './status-channel.js';

/** /settings: the chat's settings with buttons that change them and redraw the message in place. */
export const settingsCommand: BotCommand = {
  name: 'settings',
  scope: 'everyone',
  callbackPrefix: 'set',
  callbackScope: 'settings',
  // "Topics" only draws the /subscribe keyboard, which any member may ask for.
  isViewPress: (data) => data[0] === 'topics',
  async run(c) {
    if (isChannelRef(c.args[0])) return settingsOfChannel(c, c.args[0]);
    await c.reply(c.msg.settings(settingsView(c.chat, c.feeds, c.topicNames)), settingsKeyboard(c.chat, c.deps.defaults.digestTime));
  },
  async onCallback(c) {
    const subscribers = c.deps.subscribers;
    let chat: Subscriber | null = c.chat;
    if (c.data[0] === 'lang') chat = subscribers.update(c.chat.chatId, { language: chosenLanguage(c.data[1], c.chat.language) }, c.now);
    else if (c.data[0] === 'digest') {
      chat = subscribers.update(c.chat.chatId, { digestTime: c.chat.digestTime === null ? c.deps.defaults.digestTime : null }, c.now);
    } else if (c.data[0] === 'topics') return c.edit(c.msg.subscribeKeyboardTitle, toggleKeyboard(c.chat, c.feeds, c.topicNames));
    if (chat) await redraw(c, chat);
  },
};

async function redraw(c: CommandContext & { edit(html: string, keyboard?: Keyboard): Promise<void> }, chat: Subscriber) {
  await c.edit(messagesFor(chat.language).settings(settingsView(chat, c.feeds, c.topicNames)), settingsKeyboard(chat, c.deps.defaults.digestTime));
}

/**
 * The language a `set:lang:<code>` button chose. A keyboard drawn before there were more than two
 * languages sends a bare `set:lang`, which switched between Dutch and English.
 */
function chosenLanguage(code: string | undefined, current: UiLanguage): UiLanguage {
  return uiLanguageFor(code, current === 'nl' ? 'en' : 'nl');
}

function settingsKeyboard(chat: Subscriber, defaultTime: string): Keyboard {
  const msg = messagesFor(chat.language);
  // One button per other language, each named in its own language ("Deutsch", "English").
  const others = UI_LANGUAGES.filter((language) => language !== chat.language);
  return [
    others.map((language) => ({ text: messagesFor(language).languageName, data: `set:lang:${language}` })),
    [{ text: chat.digestTime === null ? msg.settingsDigestOnButton(formatTimeOfDay(defaultTime, chat.language)) : msg.settingsDigestOffButton, data: 'set:digest' }],
    [{ text: msg.settingsTopicsButton, data: 'set:topics' }],
  ];
}
