/**
 * The plain-text article format of the project's examples: a first line
 * `date YYYY-MM <lead paragraph>`, then a blank line and the body. Anything else is body only.
 */

/** An article read from the plain-text format. */
export interface PlainArticle {
  /** `YYYY-MM` from the first line, or null when the text has no date line. */
  readonly date: string | null;
  /** The lead paragraph from the date line (null without one). */
  readonly lead: string | null;
  readonly body: string;
  /** Lead and body as one text, paragraphs separated by blank lines. */
  readonly text: string;
}

const DATE_LINE_RE = /^\s*date\s+(\d{4}-\d{2})(?:-\d{2})?\b[ \t]*(.*)$/iu;

/** Split an example-format article into date, lead and body; never throws. */
export function parsePlainArticle(raw: string): PlainArticle {
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  const m = DATE_LINE_RE.exec(first);
  if (!m) {
    const body = text.trim();
    return { date: null, lead: null, body, text: body };
  }
  const lead = (m[2] ?? '').trim() || null;
  const body = (newline < 0 ? '' : text.slice(newline + 1)).trim();
  return { date: m[1] ?? null, lead, body, text: [lead, body].filter(Boolean).join('\n\n') };
}
