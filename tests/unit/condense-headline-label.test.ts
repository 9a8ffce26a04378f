import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';

describe("the headline's label before a colon", () => {
  it('is not repeated at the start of the briefing', () => {
    const text = 'MARIA VOS: Nobody in this town asked for a second bridge. The council spent six years and ten million euros planning it.';
    const b = condenseArticle({ title: 'MARIA VOS: Why the new bridge is a waste of money', text, language: 'en' });
    expect(b.sentences[0]).toBe('Nobody in this town asked for a second bridge.');
  });

  it('is recognised whatever its case and spacing after the colon', () => {
    const text = 'DR ANNA KOK:Most patients with back pain get better within six weeks without any scan.';
    const b = condenseArticle({ title: 'Dr ANNA KOK: Why you do not need that scan', text, language: 'en' });
    expect(b.sentences).toEqual(['Most patients with back pain get better within six weeks without any scan.']);
  });

  it('stays when the headline does not carry it', () => {
    const text = 'WARNING GRAPHIC CONTENT: Villagers found dozens of stranded dolphins on the beach on Sunday morning.';
    const b = condenseArticle({ title: 'Villagers find stranded dolphins on beach', text, language: 'en' });
    expect(b.sentences).toEqual([text]);
  });

  it('stays when it is a title with a colon that headline and sentence both go on with', () => {
    const text = 'Star Quest: Origins is set to resume filming in July, the first production to return after the shutdown.';
    const b = condenseArticle({ title: 'Star Quest: Origins will be the first film to resume shooting', text, language: 'en' });
    expect(b.sentences).toEqual([text]);
  });
});
