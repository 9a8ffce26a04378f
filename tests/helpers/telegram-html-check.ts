/** The tags Telegram accepts with parse_mode HTML. */
const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'span', 'tg-spoiler', 'tg-emoji', 'blockquote',
]);

/**
 * Checks text the way Telegram's HTML parser rejects it: unknown or unbalanced tags, a bare `<`,
 * unknown named entities or `&` without `;`. Returns the Bot API error description or null.
 */
export function checkTelegramHtml(text: string): string | null {
  const stack: string[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '<') {
      const end = text.indexOf('>', index);
      if (end === -1) return `Bad Request: can't parse entities: unsupported start tag at byte offset ${index}`;
      const tag = text.slice(index + 1, end);
      const closing = tag.startsWith('/');
      const name = (closing ? tag.slice(1) : tag).split(/\s/)[0]?.toLowerCase() ?? '';
      if (!ALLOWED_TAGS.has(name)) return `Bad Request: can't parse entities: unsupported start tag "${name}" at byte offset ${index}`;
      if (closing) {
        if (stack.pop() !== name) return `Bad Request: can't parse entities: unexpected end tag at byte offset ${index}`;
      } else {
        if (name === 'a' && !/^a\s+href="[^"<>]*"$/.test(tag)) return `Bad Request: can't parse entities: bad a tag at byte offset ${index}`;
        stack.push(name);
      }
      index = end + 1;
    } else if (char === '&') {
      const match = /^&(amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(text.slice(index, index + 12));
      if (!match) return `Bad Request: can't parse entities: unsupported entity at byte offset ${index}`;
      index += match[0].length;
    } else if (char === '>') {
      index += 1;
    } else {
      index += 1;
    }
  }
  return stack.length > 0 ? `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"` : null;
}

/** Plain text as Telegram would display it: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot);/g, (_all, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');
}
