/**
 * Whether a command's first word names a channel rather than a topic or feed: `@name`, or the
 * numeric id of a channel (`-1001234567890`), the only way to name one without a public @name (a
 * private channel, or one made private after it was subscribed). Topic and feed ids never start
 * with either.
 */
export function isChannelRef(word: string | undefined): word is string {
  return word !== undefined && (word.startsWith('@') || /^-100\d{6,}$/.test(word));
}
