/**
 * What `npm start` prints when BOT_TOKEN is not set: how to get a token and how to try the bot
 * without Telegram. main.ts prints it on stderr and goes on polling and condensing the feeds.
 */
export const NO_TOKEN_HELP = `newsbrief: BOT_TOKEN is not set, so the Telegram bot cannot start.

To run it in Telegram:
  1. Open Telegram and talk to @BotFather (https://t.me/BotFather).
  2. Send /newbot, choose a name and a username ending in "bot".
  3. BotFather answers with a token like 123456789:AAE...; start with it:
       BOT_TOKEN=123456789:AAE... npm start
     (or put BOT_TOKEN=... in your environment / .env of your process manager).

To try the bot without Telegram, chat with it in this terminal, on the same database and feeds:
  npx newsbrief chat
Type /help there to see the commands.
`;
