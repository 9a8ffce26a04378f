import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/locate-json-error.js';

/** The error with its offset shown as the text from there on, which reads better in a failure. */
const at = (text: string) => {
  const error = locateJsonError(text);
  return error === null ? null : { from: text.slice(error.offset, error.offset + 6), reason: error.reason };
};

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON, a byte order mark included', () => {
    for (const text of ['{}', '[]', ' {"feeds": [{"id": "a", "n": -1.5e3, "ok": true, "x": null, "s": "\\u00e9\\n"}]} ', '\uFEFF[1]', '"x"', '0']) {
      expect(locateJsonError(text)).toBeNull();
    }
  });

  it('points at the comma of a trailing comma, which JSON.parse leaves without a position', () => {
    expect(at('{"feeds": [{"id": "a"},\n]}')).toEqual({ from: ',\n]}', reason: "a comma with nothing after it before ']' (JSON allows no trailing comma)" });
    expect(at('{"id": "a",}')).toEqual({ from: ',}', reason: "a comma with nothing after it before '}' (JSON allows no trailing comma)" });
  });

  it('says what it expected and what it found', () => {
    expect(at('{"id": "a" "url": "x"}')).toEqual({ from: '"url":', reason: 'expected \',\' between two items, found \'"url"\'' });
    expect(at('{"enabled": tru}')).toEqual({ from: 'tru}', reason: "unexpected 'tru' (a value is a string in double quotes, a number, an object, an array, true, false or null)" });
    expect(at("{'id': 'a'}")).toEqual({ from: "'id': ", reason: 'expected a property name in double quotes, found "\'id\'"' });
    expect(at('{"id" "a"}')).toEqual({ from: '"a"}', reason: "expected ':' after the property name, found '\"a\"'" });
    expect(at('[1, 2')).toEqual({ from: '', reason: "expected ',' or ']', found the end of the file" });
    expect(at('')).toEqual({ from: '', reason: 'expected a value (a string, number, object, array, true, false or null), found the end of the file' });
    expect(at('{} x')).toEqual({ from: 'x', reason: "unexpected 'x' (a value is a string in double quotes, a number, an object, an array, true, false or null)" });
  });

  it('explains strings and numbers JSON does not allow', () => {
    expect(at('["a\nb"]')).toEqual({ from: '"a\nb"]', reason: 'a string not closed on its line (a missing ", or a line break inside it: write \\n)' });
    expect(at('["a\\qb"]')).toEqual({ from: '"a\\qb"', reason: 'an unknown escape in a string (a \\ must be written \\\\)' });
    expect(at('["abc')).toEqual({ from: '"abc', reason: 'a string not closed on its line (a missing ", or a line break inside it: write \\n)' });
    expect(at('[01]')).toEqual({ from: '1]', reason: "expected ',' between two items, found '1'" });
    expect(at('[-]')).toEqual({ from: '-]', reason: "unexpected '-' (a value is a string in double quotes, a number, an object, an array, true, false or null)" });
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"', '\\', '1', '-', '0', '.5', 'e3', 'true', 'tru', 'null', 'x');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        const text = tokens.join('');
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
