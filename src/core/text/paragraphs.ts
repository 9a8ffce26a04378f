/**
 * Whitespace tidying and paragraph assembly for text taken out of markup. htmlToText runs on
 * every summary and content of every polled item, so text is assembled as it is read rather
 * than marked up, joined and split again.
 */

/** Whitespace other than single spaces: only text holding some needs the replace. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
/** The runs that differ from a single space (a lone space is left where it is). */
const UNTIDY_WHITESPACE = /\s{2,}|[^\S ]/g;

/**
 * Whitespace runs as one space, trimmed. The same result as `text.replace(/\s+/g, ' ').trim()`,
 * without copying text whose only whitespace is already single spaces, and without replacing
 * every single space of text that has a few longer runs.
 */
export function collapseWhitespace(text: string): string {
  return (NEEDS_COLLAPSE.test(text) ? text.replace(UNTIDY_WHITESPACE, ' ') : text).trim();
}

/**
 * Collects text, line breaks and paragraph breaks, and returns the paragraphs separated by a
 * blank line, the lines of a paragraph by a newline, each line whitespace-collapsed. Empty
 * lines vanish, except that two line breaks in a row with nothing between read as a paragraph
 * break (`a<br><br>b`); a paragraph break never leaves an empty paragraph.
 */
export class ParagraphBuilder {
  private readonly paragraphs: string[] = [];
  /** Collapsed non-empty lines of the paragraph being built. */
  private lines: string[] = [];
  /** Line ends since the last non-empty line (0 at the start of a block). */
  private blank = 0;
  /** Raw text of the line being built. */
  private line = '';

  text(text: string): void {
    this.line += text;
  }

  lineBreak(): void {
    const line = collapseWhitespace(this.line);
    this.line = '';
    if (line === '') {
      this.blank += 1;
      return;
    }
    if (this.blank >= 2) this.flushParagraph();
    this.blank = 1;
    this.lines.push(line);
  }

  paragraphBreak(): void {
    this.lineBreak();
    this.flushParagraph();
    this.blank = 0;
  }

  /** A mark to go back to with `rollback`; taken at a paragraph break. */
  mark(): number {
    return this.paragraphs.length;
  }

  /** Forgets everything added since `mark` was taken: a block that turned out not to be the article's. */
  rollback(mark: number): void {
    this.paragraphs.length = Math.min(mark, this.paragraphs.length);
    this.lines = [];
    this.line = '';
    this.blank = 0;
  }

  /** The assembled text; the builder is not used afterwards. */
  finish(): string {
    this.paragraphBreak();
    return this.paragraphs.join('\n\n');
  }

  private flushParagraph(): void {
    if (this.lines.length === 0) return;
    this.paragraphs.push(this.lines.join('\n'));
    this.lines = [];
  }
}
