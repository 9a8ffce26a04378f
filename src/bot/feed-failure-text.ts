import { STATUS_CODES } from 'node:http';
import { withoutFeedPrefix } from '../jobs/poll-feed.js';

/**
 * A failed poll's recorded error as a chat shows it. Logs and the feed's stored last error keep
 * the whole line, `jobs/poll-feeds: feed tweakers: feeds/fetch: HTTP 404 for https://…`, module
 * prefixes and URL included, because an operator greps for them (`newsbrief feeds` shows all of it
 * after the poller's lead); a Telegram user sees what went wrong, `HTTP 404 Not Found`, beside the
 * feed's name. Plain text: the message that shows it escapes it.
 */
export function plainFeedError(error: string): string {
  const text = withoutFeedPrefix(error)
    .replace(MODULE_PREFIXES, '$1')
    .replace(PARSE_FRAME, '')
    .replace(FOR_URL, '')
    .trim();
  return text.replace(HTTP_STATUS, (status: string, code: string) => (STATUS_CODES[code] === undefined ? status : `${status} ${STATUS_CODES[code]}`));
}

/** `feeds/fetch: `, `feeds/read-body: ` ...: where an error came from, at its start or after a `: `. */
const MODULE_PREFIXES = /(^|: )[a-z][a-z-]*(?:\/[a-z][a-z-]*)+: /g;
/** feeds/parse names the feed again: `feed "<id>": `. */
const PARSE_FRAME = /^feed "[^"]*": /;
/** feeds/fetch names the URL: ` for <url>`, before the detail's `: ` or at the end. */
const FOR_URL = / for https?:\/\/\S+?(?=: |$)/;
/** A bare status, `HTTP 404`, not yet followed by its reason phrase. */
const HTTP_STATUS = /^HTTP (\d{3})(?=$|:)/;
