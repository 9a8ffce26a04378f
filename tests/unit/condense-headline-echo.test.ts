import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';

describe('a sentence that says the headline again in other words', () => {
  it('is left out: every word it means is in the headline already', () => {
    const text = 'A brush fire breaks out near Lake Town. Firefighters evacuated 200 homes on the east side overnight.';
    const b = condenseArticle({ title: 'Brush fire breaks out near Lake Town', text, language: 'en' });
    expect(b.sentences).toEqual(['Firefighters evacuated 200 homes on the east side overnight.']);
  });

  it('gives the headline alone when the teaser is nothing but a rewording of it', () => {
    const text = 'Oosterhout will allow outdoor dining and sports without spectators in the coming weeks.';
    const b = condenseArticle({ title: 'Oosterhout to allow outdoor dining, sports without spectators in coming weeks', text, language: 'en' });
    expect(b).toMatchObject({ sentences: [], method: 'title-only' });
  });

  it('works in other languages with their function words', () => {
    const text = 'Kassel schließt das Hallenbad wegen Rissen. Die Sanierung dauert mindestens ein Jahr.';
    const b = condenseArticle({ title: 'Kassel schließt Hallenbad wegen Rissen', text, language: 'de' });
    expect(b.sentences).toEqual(['Die Sanierung dauert mindestens ein Jahr.']);
  });

  it('stays when it adds something the headline does not say', () => {
    const text = 'A brush fire fanned by strong winds breaks out near Lake Town.';
    const b = condenseArticle({ title: 'Brush fire breaks out near Lake Town', text, language: 'en' });
    expect(b.sentences).toEqual([text]);
  });
});
