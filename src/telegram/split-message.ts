import { TELEGRAM_MAX_MESSAGE_LENGTH } from './html.js';

/**
 * Packs rendered items (each a complete piece of Telegram HTML) into as few messages as possible,
 * each at most `max` UTF-16 units, breaking only between items so no tag or entity is ever cut.
 * An item longer than `max` on its own is shortened at a safe point by `truncateHtml`.
 */
export function splitMessage(
  items: readonly string[],
  max: number = TELEGRAM_MAX_MESSAGE_LENGTH,
  separator = '\n\n',
): string[] {
  const messages: string[] = [];
  let current = '';
  for (const raw of items) {
    const item = raw.length > max ? truncateHtml(raw, max) : raw;
    if (current === '') current = item;
    else if (current.length + separator.length + item.length <= max) current += separator + item;
    else {
      messages.push(current);
      current = item;
    }
  }
  if (current !== '') messages.push(current);
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
