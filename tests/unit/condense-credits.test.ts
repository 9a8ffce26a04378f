import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

describe('credits are not news', () => {
  it('rejects a reporter credit whose place has a preposition or a description in it', () => {
    expect(canStandAlone("Channel Nine's Mira Holt reports from Tilburg in the Netherlands.")).toBe(false);
    expect(canStandAlone("Channel Nine's Mira Holt reports from the Dutch capital, Amsterdam.")).toBe(false);
    expect(canStandAlone("Channel Nine’s Mira Holt reports from Belgium's capital.")).toBe(false);
    expect(canStandAlone('Korrespondent Jan Brink berichtet aus der Hauptstadt Warschau.')).toBe(false);
  });

  it('rejects a reporter credit that says the reporter "has more" or "has the story"', () => {
    expect(canStandAlone("Channel Nine's Mira Holt has more from Tilburg.")).toBe(false);
    expect(canStandAlone("Channel Nine's Mira Holt has the story from the Dutch capital.")).toBe(false);
    expect(canStandAlone("Channel Nine's Mira Holt has the story.")).toBe(false);
  });

  it('keeps news told with the same verbs', () => {
    expect(canStandAlone('Reuters reports from London that the talks failed.')).toBe(true);
    expect(canStandAlone('The agency reports from Tilburg in the Netherlands that six people were hurt.')).toBe(true);
    expect(canStandAlone('The Dutch capital has more bicycles than people.')).toBe(true);
    expect(canStandAlone('Mira Holt has the story of her grandfather printed in a book.')).toBe(true);
  });

  it('briefs a video teaser by its news, not by who reports it', () => {
    const text = [
      'Flood water has cut off three villages in the south of the province.',
      'Rescue teams are using boats to bring food and medicine to the stranded families.',
      "Channel Nine's Mira Holt reports from Tilburg in the Netherlands.",
    ].join(' ');
    const b = condenseArticle({ title: 'Floods cut off villages in the south', text, language: 'en' });
    expect(b.sentences.join(' ')).not.toMatch(/Mira Holt/);
  });

  it('rejects a programme line that says who talks with whom', () => {
    expect(canStandAlone('Lena Vogt, Paul und Maria Berger-Lindner im Gespräch mit Jonas Keller', 'de')).toBe(false);
    expect(canStandAlone('Sanne de Wit en Karel Mulder in gesprek met Eva Bos', 'nl')).toBe(false);
    expect(canStandAlone('Amy Lane and Tom Reed in conversation with Rob Hart.', 'en')).toBe(false);
    expect(canStandAlone('Im Gespräch mit Jonas Keller erklärt die Ministerin ihre Pläne für den Winter.', 'de')).toBe(true);
  });

  it('rejects a line of production credits, and keeps a sentence with a label in it', () => {
    expect(canStandAlone('Reporter: Ana Ruiz-Koster Producer: Ben Malo Cameras: Will Grey, Ravi Hoek Editor: Gus Penn', 'en')).toBe(false);
    expect(canStandAlone('Moderation: Jonas Keller Redaktion: Lena Vogt Technik: Paul Berger und Maria Lindner', 'de')).toBe(false);
    expect(canStandAlone('Update: The council has voted to close the bridge until the end of the month.', 'en')).toBe(true);
  });

  it('briefs a programme teaser by what the guests talk about, not who they are', () => {
    const text = [
      'Die Stadt Kassel hat ihr Busnetz neu geplant.',
      'Ab März fahren die Linien alle zehn Minuten, auch am Wochenende.',
      'Lena Vogt, Paul und Maria Berger-Lindner im Gespräch mit Jonas Keller',
    ].join('\n\n');
    const b = condenseArticle({ title: 'Kassel plant neues Busnetz', text, language: 'de' });
    expect(b.sentences.join(' ')).not.toMatch(/im Gespräch mit/);
  });
});
