import type { BotCommand } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import type { UiLanguage } from '../src/core/types.js';
import { messagesFor } from '../src/i18n/index.js';
import { runOnChannel } from './channel-target.js';

const NAMES: Record<string, UiLanguage> = {
  nl: 'nl', nederlands: 'nl', dutch: 'nl', niederländisch: 'nl', néerlandais: 'nl',
  en: 'en', english: 'en', engels: 'en', englisch: 'en', anglais: 'en',
  de: 'de', deutsch: 'de', german: 'de', duits: 'de', allemand: 'de',
  fr: 'fr', français: 'fr', francais: 'fr', french: 'fr', frans: 'fr', französisch: 'fr',
};

/** /language nl|en|de|fr: the interface language; briefings keep their article's language. */
export const languageCommand: BotCommand = {
  name: 'language',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  async run(c) {
    if (isChannelRef(c.args[0])) return runOnChannel(c, languageCommand, c.args[0]);
    if (c.args.length === 0) return c.reply(messagesFor(c.chat.language).languageCurrent);
    const language = NAMES[(c.args[0] ?? '').toLowerCase()];
    if (language === undefined) return c.reply(c.msg.languageBad);
    c.deps.subscribers.update(c.chat.chatId, { language }, c.now);
    await c.reply(messagesFor(language).languageSet);
  },
};
