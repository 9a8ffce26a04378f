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

describe('pointers to the live blog or to what the page shows', () => {
  it('are not news: a reader of the briefing cannot follow them', () => {
    expect(canStandAlone('Verfolgen Sie die Entwicklungen im Liveblog des Senders.', 'de')).toBe(false);
    expect(canStandAlone('Sehen Sie hier, was die Feuerwehr in Kassel dazu sagt.', 'de')).toBe(false);
    expect(canStandAlone('Alle Entwicklungen zum Streik bei der Bahn im Liveblog.', 'de')).toBe(false);
    expect(canStandAlone('Der Liveblog vom Montag zum Nachlesen.', 'de')).toBe(false);
    expect(canStandAlone('Follow our rolling coverage.', 'en')).toBe(false);
    expect(canStandAlone('Volg de ontwikkelingen in ons liveblog.', 'nl')).toBe(false);
    expect(canStandAlone('Suivez les dernières informations en direct.', 'fr')).toBe(false);
  });

  it('leave a sentence of news that mentions a live blog alone when it is long', () => {
    expect(
      canStandAlone('In ihrem Liveblog meldete die Polizei am Abend, dass drei Verdächtige festgenommen worden seien und weitere gesucht würden.', 'de'),
    ).toBe(true);
  });

  it('give way to the headline alone when the teaser holds nothing else', () => {
    const b = condenseArticle({ title: 'Storm closes schools across the north', text: 'Follow our rolling coverage.', language: 'en' });
    expect(b.sentences).toEqual([]);
  });
});
