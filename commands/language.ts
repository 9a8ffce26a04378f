import type { BotCommand } from '../src/bot/command.js';
import type { UiLanguage } from '../src/core/types.js';
import { messagesFor } from '../src/i18n/index.js';

const NAMES: Record<string, UiLanguage> = {
  nl: 'nl', nederlands: 'nl', dutch: 'nl', niederländisch: 'nl',
  en: 'en', english: 'en', engels: 'en', englisch: 'en',
  de: 'de', deutsch: 'de', german: 'de', duits: 'de',
};

/** /language nl|en|de: the interface language; briefings keep their article's language. */
export const languageCommand: BotCommand = {
  name: 'language',
  scope: 'settings',
  viewWithoutArgs: true,
  async run(c) {
    if (c.args.length === 0) return c.reply(c.msg.languageCurrent);
    const language = NAMES[(c.args[0] ?? '').toLowerCase()];
    if (language === undefined) return c.reply(c.msg.languageBad);
    c.deps.subscribers.update(c.chat.chatId, { language }, c.now);
    await c.reply(messagesFor(language).languageSet);
  },
};
