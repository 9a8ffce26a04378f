/**
 * Lower-casing of names (element names, tag names) that are nearly always lower case already.
 */

/**
 * `text.toLowerCase()`, without the call when `text` has no upper-case ASCII letter and no
 * non-ASCII character: element and tag names are read by the hundred thousand per poll, nearly
 * all of them lower case, and looking at a short name costs less than the call.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return text.toLowerCase();
  }
  return text;
}
