/**
 * Lines of program code in an article's text: tech blogs show code, and a plain-text feed or a
 * <pre> without a code class leaves it as lines among the prose. A reader cannot use them in a
 * briefing, and a comment line ("// Build the list and return it.") even reads like a sentence.
 * A line is code when it is only closing brackets, is a comment, opens a block (`{` at its
 * end), ends a statement (`);`, `];`, `x = 1;`) with a mark prose does not write (`{`, `==`,
 * `=>`, `&&`, `::`, `->`, a call `f(`, ` = `), or is dense with such marks: three, at least one
 * every 40 characters (a paragraph of prose may glue a few "Intro(02:32)" in its length). An
 * indented line, as plain text sets code apart, needs only one. Prose with brackets, an
 * equation or a semicolon keeps, and so does a list item ending "(artikel 3);".
 */

const CLOSING_ONLY_RE = /^[}\])]+[;,)]*$/u;
const BLOCK_OPEN_RE = /\{\s*$/u;
const STATEMENT_END_RE = /(?:[)\]"'`]|=[^;]*);\s*$/u;
// `//`, `/*`, `*/`, `<!--`, a shell or Python comment (`# ` with a space: `#MeToo` is a word).
const COMMENT_RE = /^(?:\/\/|\/\*|\*\/|<!--|#!?\s)/u;
const CODE_MARK_RE = /[{}]|[=!<>]=|=>|&&|\|\||::|->|[\w\]]\(|\s=\s|(?<=[\s(])![\w(]/gu;
const INDENT_RE = /^(?: {4}|\t)/u;
/** Marks that make a line code: fewer when plain text indents it. */
const MARKS = 3;
const MARKS_INDENTED = 1;
/** Characters of a line per mark, at most, for the marks to make it code. */
const CHARS_PER_MARK = 40;

/** `text` without its lines of code (lines read before whitespace is tidied, so indentation shows). */
export function withoutCode(text: string): string {
  const lines = text.split('\n');
  const kept = lines.filter((line) => !isCodeLine(line));
  return kept.length === lines.length ? text : kept.join('\n');
}

function isCodeLine(raw: string): boolean {
  const line = raw.trim();
  if (line === '') return false;
  if (CLOSING_ONLY_RE.test(line) || COMMENT_RE.test(line)) return true;
  const ends = BLOCK_OPEN_RE.test(line) || STATEMENT_END_RE.test(line);
  const needed = ends || INDENT_RE.test(raw) ? MARKS_INDENTED : Math.max(MARKS, Math.ceil(line.length / CHARS_PER_MARK));
  let marks = 0;
  CODE_MARK_RE.lastIndex = 0;
  while (CODE_MARK_RE.exec(line) !== null) if (++marks >= needed) return true;
  return false;
}
