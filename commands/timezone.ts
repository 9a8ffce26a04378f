import type { BotCommand, CommandContext } from '../src/bot/command.js';
import { isChannelRef } from '../src/bot/channel-ref.js';
import { formatDateTime } from '../src/i18n/index.js';
import { ambiguousAbbreviation, closestTimezoneName } from '../src/telegram/timezone-hints.js';
import { countryWithSeveralClocks, parseTimezone } from '../src/telegram/timezone-input.js';
import { isFixedOffset, timezoneLabel } from '../src/telegram/timezone-label.js';
import { runOnChannel } from './channel-target.js';
import { nextDigestNote } from './status.js';

/** /timezone Area/City | city | country | +02:00: the zone digests and dates are shown in. */
export const timezoneCommand: BotCommand = {
  name: 'timezone',
  scope: 'settings',
  viewWithoutArgs: true,
  channelArgument: true,
  async run(c) {
    if (isChannelRef(c.args[0])) return runOnChannel(c, timezoneCommand, c.args[0]);
    if (c.args.length === 0) {
      return c.reply(c.msg.timezoneCurrent(timezoneLabel(c.chat.timezone), formatDateTime(c.now, c.chat.timezone, c.language)));
    }
    const text = c.args.join(' ');
    const zone = parseTimezone(text, c.now);
    if (zone === null) return c.reply(notReadReply(c, text));
    const chat = c.deps.subscribers.update(c.chat.chatId, { timezone: zone }, c.now) ?? { ...c.chat, timezone: zone };
    // A reader who typed `+1` may have meant Amsterdam's clock, which is +2 half the year; one who
    // typed GMT, London's, which is GMT only in winter.
    const offsetHint = isFixedOffset(zone) || /^gmt$/i.test(text.trim()) ? `\n${c.msg.timezoneNoSummerTime}` : '';
    await c.reply(c.msg.timezoneSet(timezoneLabel(zone), formatDateTime(c.now, zone, c.language)) + offsetHint + nextDigestNote(c, chat));
  },
};

/** Why `text` names no zone: a country with several clocks, an abbreviation of several zones, a misspelling, or nothing known. */
function notReadReply(c: CommandContext, text: string): string {
  const country = countryWithSeveralClocks(text, c.now);
  if (country !== null) return c.msg.timezoneSeveral(country.country, country.offset);
  const cities = ambiguousAbbreviation(text);
  if (cities !== null) return c.msg.timezoneAmbiguous(text.trim().toUpperCase(), cities);
  const meant = closestTimezoneName(text);
  return meant === null ? c.msg.timezoneBad : c.msg.timezoneMeant(meant);
}
