import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

describe('sign-up prompts', () => {
  it('are not news, in any of the languages', () => {
    expect(canStandAlone('Sign up here to get an email whenever new cartoons are published', 'en')).toBe(false);
    expect(canStandAlone('Sign up now to receive the morning briefing in your inbox.', 'en')).toBe(false);
    expect(canStandAlone('Meld je hier aan en ontvang elke ochtend het laatste nieuws.', 'nl')).toBe(false);
    expect(canStandAlone('Melden Sie sich jetzt an und verpassen Sie keine Folge mehr.', 'de')).toBe(false);
    expect(canStandAlone('Inscrivez-vous pour recevoir chaque matin les dernières nouvelles.', 'fr')).toBe(false);
  });

  it('leave news about signing up alone', () => {
    expect(canStandAlone('More than 2,000 volunteers signed up for the vaccine trial in a week.', 'en')).toBe(true);
    expect(canStandAlone('Residents can sign up for the new bus pass at the town hall from Monday.', 'en')).toBe(true);
  });

  it('do not end up in a cartoon teaser’s briefing', () => {
    const text = [
      'The cartoonist takes on the council’s plan to pave the last park in town.',
      'Sign up here to get an email whenever new cartoons are published',
    ].join('\n\n');
    const b = condenseArticle({ title: 'The last park in town', text, language: 'en' });
    expect(b.sentences).toEqual(['The cartoonist takes on the council’s plan to pave the last park in town.']);
  });
});
