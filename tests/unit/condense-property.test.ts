import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condenseArticle, normalizeText, type CondenseBudget } from '../../src/core/condense/index.js';

const WORDS = ['de', 'het', 'kabinet', 'Rutte', 'o.a.', 'dhr.', 'U.S.', 'z.B.', '3.5', '14.30', 'J.', 'zei', 'the', 'Regierung', '„Ja', 'nee”', '«', '»', '...', '…', 'verkiezingen', 'macht', 'Mr.', 'ça', '—', '(CNN)', 'Lees', 'ook:'];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 12 }));
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.constantFrom('.', '!', '?', '', '.”', "''", ' …'))
  .map(([ws, end]) => ws.join(' ') + end);
const text = fc
  .array(fc.tuple(sentence, fc.constantFrom(' ', '\n', '\n\n', '  ', '\u00a0')), { maxLength: 25 })
  .map((parts) => parts.map(([s, sep]) => s + sep).join(''));
const budget = fc.record({
  maxSentences: fc.integer({ min: 1, max: 5 }),
  maxWords: fc.integer({ min: 5, max: 120 }),
  maxChars: fc.integer({ min: 30, max: 800 }),
});

describe('condenseArticle on any text', () => {
  it('stays within budget and uses only verbatim sentences of the normalised source', () => {
    fc.assert(
      fc.property(text, budget, fc.constantFrom('nl', 'en', 'de', 'fr', null), (t, b: CondenseBudget, language) => {
        const briefing = condenseArticle({ title: 'Titel', text: t, language }, b);
        const source = normalizeText(t);
        expect(briefing.sentences.length).toBeLessThanOrEqual(b.maxSentences);
        expect(briefing.words).toBeLessThanOrEqual(b.maxWords);
        expect(briefing.chars).toBeLessThanOrEqual(b.maxChars);
        for (const s of briefing.sentences) {
          const verbatim = s.endsWith('…') && !source.includes(s) ? s.slice(0, -1) : s;
          expect(source).toContain(verbatim);
        }
      }),
      { numRuns: 300 },
    );
  });
});
