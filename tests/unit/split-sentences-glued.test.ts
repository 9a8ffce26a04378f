import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/condense/index.js';

describe('sentences a feed glued together without a space', () => {
  it('are split where a word ends a sentence and a capitalised word follows', () => {
    expect(splitSentences('Wir machen zwei Wochen Urlaub.Danach geht es weiter mit neuen Folgen.', 'de')).toEqual([
      'Wir machen zwei Wochen Urlaub.',
      'Danach geht es weiter mit neuen Folgen.',
    ]);
    expect(splitSentences('Wie geht es weiter?Das weiß noch niemand.', 'de')).toEqual(['Wie geht es weiter?', 'Das weiß noch niemand.']);
    expect(splitSentences('The band played for two hours.Then the lights went out.', 'en')).toEqual([
      'The band played for two hours.',
      'Then the lights went out.',
    ]);
  });

  it('are not split at an abbreviation, an initial, an acronym or a name with a dot', () => {
    expect(splitSentences('Gestern sprach Dr.Meier mit der Presse.', 'de')).toHaveLength(1);
    expect(splitSentences('Er arbeitet bei ASP.NET und Node.JS im Team.', 'de')).toHaveLength(1);
    expect(splitSentences('De gemeente sprak met J.Smit over de brug.', 'nl')).toHaveLength(1);
    expect(splitSentences('Die Gewerkschaft ver.di ruft zum Streik auf.', 'de')).toHaveLength(1);
  });
});
