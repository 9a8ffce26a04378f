import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Where strict JSON first goes wrong, and why, in a few words. Node 20's JSON.parse gives no
 * position for some mistakes (a trailing comma, a misspelt `true`: "Unexpected token ']', ..."
 * with the surrounding text, line breaks included), and an operator editing feeds.json needs a
 * line and column for every one. jsonc-parser (VS Code's) finds them; here they are worded.
 */

/** The first syntax error: `offset` is a UTF-16 index into the text, as String#slice counts. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;
const TRAILING_COMMA_RE = /,\s*$/;

/**
 * The first syntax error in `text` (a leading byte order mark is allowed), or null when
 * jsonc-parser finds none (JSON.parse's own message then stands).
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  if (text.startsWith('\uFEFF')) {
    const error = locateJsonError(text.slice(1));
    return error === null ? null : { ...error, offset: error.offset + 1 };
  }
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  const first = errors[0];
  if (first === undefined) return null;
  const before = text.slice(0, first.offset);
  const closing = text[first.offset];
  if ((closing === ']' || closing === '}') && TRAILING_COMMA_RE.test(before)) {
    return { offset: before.lastIndexOf(','), reason: `a comma with nothing after it before '${closing}' (JSON allows no trailing comma)` };
  }
  // A name in single quotes is an unknown symbol to the scanner, where a property name belongs.
  const code = printParseErrorCode(first.error);
  const inNamePlace = code === 'InvalidSymbol' && errors[1] !== undefined && printParseErrorCode(errors[1].error) === 'PropertyNameExpected';
  return { offset: first.offset, reason: explain(inNamePlace ? 'PropertyNameExpected' : code, foundAt(text, first.offset, first.length)) };
}

/** `code` is jsonc-parser's name for the error (its enum is a const enum, which this build cannot import). */
function explain(code: string, found: string): string {
  switch (code) {
    case 'ValueExpected':
      return `expected a value (a string, number, object, array, true, false or null), found ${found}`;
    case 'PropertyNameExpected':
      return `expected a property name in double quotes, found ${found}`;
    case 'ColonExpected':
      return `expected ':' after the property name, found ${found}`;
    case 'CommaExpected':
      return `expected ',' between two items, found ${found}`;
    case 'CloseBracketExpected':
      return `expected ',' or ']', found ${found}`;
    case 'CloseBraceExpected':
      return `expected ',' or '}', found ${found}`;
    case 'UnexpectedEndOfString':
      return 'a string not closed on its line (a missing ", or a line break inside it: write \\n)';
    case 'InvalidEscapeCharacter':
      return 'an unknown escape in a string (a \\ must be written \\\\)';
    case 'InvalidUnicode':
      return 'a malformed \\u escape in a string (four hex digits)';
    case 'InvalidCharacter':
      return 'a control character inside a string (write \\n or \\t)';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'a malformed number';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'a comment (JSON allows none)';
    default:
      return `unexpected ${found} (a value is a string in double quotes, a number, an object, an array, true, false or null)`;
  }
}

/** What stands at the error, quoted and short, as the reason names it. */
function foundAt(text: string, offset: number, length: number): string {
  if (offset >= text.length) return 'the end of the file';
  const token = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
  return token.includes("'") ? `"${token}"` : `'${token}'`;
}
