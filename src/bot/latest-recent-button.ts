import { LATEST_MAX_COUNT } from '../core/latest-request.js';
import type { Messages } from '../i18n/index.js';
import type { Keyboard } from './command.js';

/** Telegram keeps at most 64 bytes of a button's callback data. */
const CALLBACK_DATA_MAX_BYTES = 64;

/** What the "show the most recent again" button of /latest asks for. */
export interface RecentRequest {
  readonly count: number;
  /** The topics and feed ids the /latest named, or none for the chat's own feeds. */
  readonly filter: readonly string[];
}

/**
 * The button under "nothing new" that shows the `count` most recent stories again, of the same
 * feeds (`filter`): its data is `latest:recent:<count>[:<filter,...>]`. A filter too long for
 * Telegram's callback data gets no button rather than one that reads other feeds.
 */
export function recentButton(msg: Messages, { count, filter }: RecentRequest): Keyboard | undefined {
  const data = [`latest:recent:${count}`, ...(filter.length > 0 ? [filter.join(',')] : [])].join(':');
  return Buffer.byteLength(data) <= CALLBACK_DATA_MAX_BYTES ? [[{ text: msg.latestRecentButton(count), data }]] : undefined;
}

/**
 * The request of a pressed recent button, its data split on ':' without the `latest` prefix.
 * Null for anything recentButton does not draw: callback data can be forged by a client.
 */
export function readRecentButton(data: readonly string[]): RecentRequest | null {
  const count = Number(data[1]);
  if (data[0] !== 'recent' || !Number.isInteger(count) || count < 1 || count > LATEST_MAX_COUNT) return null;
  return { count, filter: data[2]?.split(',').filter(Boolean) ?? [] };
}
