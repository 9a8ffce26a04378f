import { describe, expect, it } from 'vitest';
import { condenseArticle, splitSentences } from '../../src/core/condense/index.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

describe('a quoted question or exclamation and the speaker after it', () => {
  it('stay one sentence in English, as the attribution belongs to the quote', () => {
    const text = "'Did you sign the letter?' Hart asked. 'I don't know, did I?' Mira Vos said, refusing to answer directly.";
    expect(splitSentences(text, 'en')).toEqual([
      "'Did you sign the letter?' Hart asked.",
      "'I don't know, did I?' Mira Vos said, refusing to answer directly.",
    ]);
    expect(splitSentences('“Is it over?” Mayor Ann Lee asked reporters on Monday.', 'en')).toHaveLength(1);
    expect(splitSentences('"Stop the count!" Protesters shouted outside the hall.', 'en')).toHaveLength(1);
  });

  it('still end at a quote when a new sentence follows', () => {
    expect(splitSentences("'Why now?' The question hung over the meeting for hours.", 'en')).toHaveLength(2);
    expect(splitSentences('He asked: "Why now?" Nobody answered him.', 'en')).toHaveLength(2);
  });
});

describe('a quoted question with its speaker', () => {
  it('is still a question: its answer is elsewhere', () => {
    expect(canStandAlone("'Did you sign the letter?' Hart asked.", 'en')).toBe(false);
    expect(canStandAlone('"The next morning I went to work and guess what?" Vos recalled.', 'en')).toBe(false);
    expect(canStandAlone('"Stop the count!" Protesters shouted outside the hall.', 'en')).toBe(true);
    expect(canStandAlone('"Why now?" was the question the mayor kept asking the council at every meeting that spring.', 'en')).toBe(true);
    expect(canStandAlone('„Wohin fährt der Bus jetzt?“, fragte eine Anwohnerin.', 'de')).toBe(false);
    expect(canStandAlone('Der Trainer hat die Frage "Wer spielt heute?" beantwortet wie kein Zweiter.', 'de')).toBe(true);
  });

  it('is still a question when a clause after the speaker says how it was asked', () => {
    expect(canStandAlone('“I don’t know, did I?” Mira Vos said, refusing to answer directly.', 'en')).toBe(false);
    expect(canStandAlone("'Did you sign it?' Hart asked, before the court adjourned for the day.", 'en')).toBe(false);
    expect(canStandAlone('„Wohin fährt der Bus jetzt?“, fragte eine Anwohnerin, die seit Jahren hier wohnt.', 'de')).toBe(false);
  });

  it('never leaves its speaker alone at the start of a briefing', () => {
    const text = [
      'The singer appeared on a late-night show on Tuesday and was asked about the letter her lawyer released.',
      "'Did you sign this letter?' the host asked.",
      "'I don't know, did I?' Mira Vos said, refusing to answer directly.",
    ].join('\n\n');
    const b = condenseArticle({ title: 'Singer casts doubt on letter', text, language: 'en' });
    expect(b.sentences.join(' ')).not.toMatch(/^Mira Vos said|refusing to answer/);
  });
});

