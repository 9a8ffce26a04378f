import { TELEGRAM_MAX_MESSAGE_LENGTH } from './html.js';

/**
 * Packs rendered items (each a complete piece of Telegram HTML) into as few messages as possible,
 * each at most `max` UTF-16 units, breaking only between items so no tag or entity is ever cut.
 * An item longer than `max` on its own is shortened at a safe point by `truncateHtml`.
 * `continued(index)` is HTML to put before item `index` when a later message starts with it (a
 * digest's "World (continued)"), so that message says what it continues; '' for nothing.
 */
export function splitMessage(
  items: readonly string[],
  max: number = TELEGRAM_MAX_MESSAGE_LENGTH,
  separator = '\n\n',
  continued: (index: number) => string = () => '',
): string[] {
  return packMessages(items, max, separator, continued).map((message) => message.text);
}

/** One message packed by `packMessages`: its HTML and the indexes of the items it carries. */
export interface PackedMessage {
  readonly text: string;
  readonly items: readonly number[];
}

/**
 * `splitMessage` that also says which items went into which message, so a caller can record an
 * item as delivered once the message that carried it was accepted. Empty items are skipped.
 */
export function packMessages(
  items: readonly string[],
  max: number = TELEGRAM_MAX_MESSAGE_LENGTH,
  separator = '\n\n',
  continued: (index: number) => string = () => '',
): PackedMessage[] {
  const messages: PackedMessage[] = [];
  let current = '';
  let carried: number[] = [];
  items.forEach((raw, index) => {
    const item = raw.length > max ? truncateHtml(raw, max) : raw;
    if (item === '') return;
    if (current === '') current = item;
    else if (current.length + separator.length + item.length <= max) current += separator + item;
    else {
      messages.push({ text: current, items: carried });
      const lead = continued(index);
      // The lead takes room from the item, so the message still fits.
      current = lead === '' ? item : `${lead}${separator}${truncateHtml(raw, max - lead.length - separator.length)}`;
      carried = [];
    }
    carried.push(index);
  });
  if (current !== '') messages.push({ text: current, items: carried });
  return messages;
}

/**
 * Cuts HTML to at most `max` units outside any tag or entity, closes the tags left open and
 * marks the cut with an ellipsis. Only the simple, well-formed markup our renderers emit is expected.
 */
export function truncateHtml(html: string, max: number): string {
  if (html.length <= max) return html;
  const open: string[] = [];
  let out = '';
  let index = 0;
  const closing = () => open.map((name) => `</${name}>`).reverse().join('');
  while (index < html.length) {
    const char = html[index] as string;
    // Keep surrogate pairs whole: an emoji is two UTF-16 units and must not be split.
    let token = /[\uD800-\uDBFF]/.test(char) ? html.slice(index, index + 2) : char;
    if (char === '<' || char === '&') {
      const end = html.indexOf(char === '<' ? '>' : ';', index);
      token = end === -1 ? char : html.slice(index, end + 1);
    }
    if (out.length + token.length + closing().length + 1 > max) break;
    if (token.startsWith('</')) open.pop();
    else if (token.startsWith('<') && token.length > 1) open.push(token.slice(1).split(/[\s>]/)[0] as string);
    out += token;
    index += token.length;
  }
  return `${out}…${closing()}`;
}
