import { describe, expect, it } from 'vitest';
import { condenseArticle, removeBoilerplate } from '../../src/core/condense/index.js';

describe('bulleted lines', () => {
  it('without a final stop are link labels and go, however long', () => {
    const text = [
      'The council voted on Monday to close the old bridge for repairs.',
      '• Ferry company cuts half of its routes after a year of heavy losses, union says',
    ].join('\n\n');
    expect(removeBoilerplate(text)).toBe('The council voted on Monday to close the old bridge for repairs.');
  });

  it('give the headline alone when a teaser is nothing but another story’s headline', () => {
    const b = condenseArticle({ title: 'How the bridge plan fell apart', text: '• Ferry company cuts half of its routes after a year of heavy losses, union says', language: 'en' });
    expect(b).toMatchObject({ sentences: [], method: 'title-only' });
  });

  it('that are sentences keep their words but not the bullet', () => {
    const text = '• The council approved 12 new cycle lanes on Monday.\n• Work starts in spring and will cost four million euros.';
    const b = condenseArticle({ title: 'Cycle lanes approved', text, language: 'en' });
    expect(b.sentences.length).toBeGreaterThan(0);
    for (const s of b.sentences) expect(s).not.toMatch(/^•/);
  });
});
