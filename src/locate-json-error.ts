/**
 * Where strict JSON (RFC 8259) first goes wrong, and why, in a few words. Node 20's JSON.parse
 * gives no position for some mistakes (a trailing comma, a misspelt `true`: "Unexpected token
 * ']', ..." with the surrounding text, line breaks included), and an operator editing feeds.json
 * needs a line and column for every one.
 */

/** The first syntax error: `offset` is a UTF-16 index into the text, as String#slice counts. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

/** Thrown inside the scanner only, to unwind to locateJsonError with the first error. */
class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The first syntax error in `text` (a leading byte order mark is allowed), or null when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | null {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  // Annotated, so that TypeScript knows code after a call to it does not run.
  const fail: (reason: string, offset?: number) => never = (reason, offset = at) => {
    throw new Stop({ offset, reason });
  };
  const found = (): string => (at < text.length ? `'${text[at]}'` : 'the end of the file');
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at += 1;
  };

  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return members('}', member);
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    LITERAL.lastIndex = at;
    if (LITERAL.test(text)) {
      at = LITERAL.lastIndex;
      return;
    }
    fail(`expected a value (a string, number, object, array, true, false or null), found ${found()}`);
  };

  /** The items of an object or array, separated by commas; a comma before the closing bracket is refused. */
  const members = (close: string, item: () => void): void => {
    at += 1;
    skipSpace();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      skipSpace();
      if (text[at] === close) {
        at += 1;
        return;
      }
      if (text[at] !== ',') fail(`expected ',' or '${close}', found ${found()}`);
      const comma = at;
      at += 1;
      skipSpace();
      if (text[at] === close) fail(`a comma with nothing after it before '${close}' (JSON allows no trailing comma)`, comma);
    }
  };

  const member = (): void => {
    skipSpace();
    if (text[at] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
    string();
    skipSpace();
    if (text[at] !== ':') fail(`expected ':' after the property name, found ${found()}`);
    at += 1;
    value();
  };

  const string = (): void => {
    const start = at;
    at += 1;
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a string that is never closed (a missing ")', start);
      if (char === '"') break;
      if (char < ' ') fail('a line break or control character inside a string (write \\n or \\t)');
      if (char === '\\') {
        const escaped = text[at + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 4;
        else if (escaped === undefined || !ESCAPES.has(escaped)) fail('an unknown escape in a string (a \\ must be written \\\\)');
        at += 1;
      }
      at += 1;
    }
    at += 1;
  };

  const number = (): void => {
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) fail('a malformed number');
    at = NUMBER.lastIndex;
    // JSON.parse refuses `01` or `1.` too: a number must not run on into more of itself.
    if (/[\d.eE+-]/.test(text[at] ?? '')) fail('a malformed number');
  };

  try {
    value();
    skipSpace();
    if (at < text.length) fail(`unexpected ${found()} after the end of the JSON document`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}
