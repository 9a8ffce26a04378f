import type { BotCommand } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { formatDateTime } from '../src/i18n/index.js';
import { countryWithSeveralClocks, parseTimezone } from '../src/telegram/timezone-input.js';
import { timezoneLabel } from '../src/telegram/timezone-label.js';
import { runOnChannel } from './channel-target.js';

/** /timezone Area/City | city | country | +02:00: the zone digests and dates are shown in. */
export const timezoneCommand: BotCommand = {
  name: 'timezone',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  async run(c) {
    if (isChannelRef(c.args[0])) return runOnChannel(c, timezoneCommand, c.args[0]);
    if (c.args.length === 0) {
      return c.reply(c.msg.timezoneCurrent(timezoneLabel(c.chat.timezone), formatDateTime(c.now, c.chat.timezone, c.chat.language)));
    }
    const text = c.args.join(' ');
    const zone = parseTimezone(text);
    if (zone === null) {
      const country = countryWithSeveralClocks(text, c.now);
      return c.reply(country === null ? c.msg.timezoneBad : c.msg.timezoneSeveral(country.country, country.offset));
    }
    c.deps.subscribers.update(c.chat.chatId, { timezone: zone }, c.now);
    await c.reply(c.msg.timezoneSet(timezoneLabel(zone), formatDateTime(c.now, zone, c.chat.language)));
  },
};
