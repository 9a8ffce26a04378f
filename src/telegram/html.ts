/**
 * The few building blocks of Telegram HTML (parse_mode "HTML"). Everything that comes from a feed
 * or a user passes through `escapeHtml` before it is placed in a message, so a hostile feed can
 * neither inject markup nor break the message with an unbalanced tag.
 */

/** Telegram's limit for one message's text, in UTF-16 code units (what String#length counts). */
export const TELEGRAM_MAX_MESSAGE_LENGTH = 4096;

/** Escapes the characters Telegram HTML gives a meaning to: &, <, > and the attribute quote ". */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `<b>` around escaped text. */
export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/**
 * A link to an http(s) URL with escaped label; any other scheme (javascript:, data:) or a malformed
 * URL yields the bare escaped label, since Telegram would reject the whole message for it.
 */
export function link(url: string | null, label: string): string {
  const safe = url === null ? null : safeHttpUrl(url);
  return safe === null ? escapeHtml(label) : `<a href="${escapeHtml(safe)}">${escapeHtml(label)}</a>`;
}

/** The URL normalised when it is absolute http(s), else null. */
function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Plain text from Telegram HTML, for the terminal chat: tags dropped, entities decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, (_all, href: string, label: string) => `${label} (${href})`)
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot);/g, (_all, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');
}
