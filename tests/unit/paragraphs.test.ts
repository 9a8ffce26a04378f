import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, ParagraphBuilder } from '../../src/core/text/paragraphs.js';

describe('collapseWhitespace', () => {
  it('equals replacing every whitespace run by one space and trimming, for any text', () => {
    const spacey = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', 'b') });
    fc.assert(fc.property(spacey, (text) => collapseWhitespace(text) === text.replace(/\s+/g, ' ').trim()));
  });

  it('returns text that is already tidy unchanged', () => {
    expect(collapseWhitespace('Tidy text, single spaces.')).toBe('Tidy text, single spaces.');
    expect(collapseWhitespace('  two\t\tspaces \n here ')).toBe('two spaces here');
  });
});

describe('ParagraphBuilder', () => {
  it('joins lines with newlines and paragraphs with a blank line, dropping empty ones', () => {
    const out = new ParagraphBuilder();
    out.text('  First   line ');
    out.lineBreak();
    out.text('second line');
    out.paragraphBreak();
    out.paragraphBreak();
    out.text('   ');
    out.lineBreak();
    out.text('Next paragraph');
    expect(out.finish()).toBe('First line\nsecond line\n\nNext paragraph');
  });

  it('reads two line breaks in a row with nothing between as a paragraph break', () => {
    const out = new ParagraphBuilder();
    out.text('a');
    out.lineBreak();
    out.lineBreak();
    out.text('b');
    out.lineBreak();
    out.text('c');
    expect(out.finish()).toBe('a\n\nb\nc');
  });
});
