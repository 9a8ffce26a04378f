import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/condense/index.js';

describe('an exclamation or question mark inside a quoted title or quotation', () => {
  it('does not end the sentence while the quotation is still open', () => {
    expect(splitSentences('Her film "Stop! In the Name of Love" won the main prize in Cannes. It was a surprise.', 'en')).toEqual([
      'Her film "Stop! In the Name of Love" won the main prize in Cannes.',
      'It was a surprise.',
    ]);
    expect(splitSentences('The show “Wow! The Musical” opens on Broadway in May.', 'en')).toHaveLength(1);
    expect(splitSentences("De musical 'Ja! Natuurlijk' wint de prijs voor beste voorstelling. Dat is opvallend.", 'nl')).toHaveLength(2);
    expect(splitSentences('De show „Ja! Zeg het maar” wint de prijs.', 'nl')).toHaveLength(1);
    expect(splitSentences('De show ,,Ja! Zeg het maar\'\' wint de prijs.', 'nl')).toHaveLength(1);
    expect(splitSentences('Der Film „Halt! Wer da?“ gewinnt den Hauptpreis. Das war überraschend.', 'de')).toHaveLength(2);
    expect(splitSentences('„Halt! Polizei!“, rief der Beamte am Montagabend.', 'de')).toEqual(['„Halt! Polizei!“, rief der Beamte am Montagabend.']);
    expect(splitSentences('Le film « Stop ! Encore » a gagné le prix.', 'fr')).toHaveLength(1);
  });

  it('nor does a question mark inside a quoted title', () => {
    const text = "The paper praised both countries in an article entitled 'Vanquish the virus? Australia and New Zealand aim to show the way'. Both are islands.";
    expect(splitSentences(text, 'en')).toEqual([
      "The paper praised both countries in an article entitled 'Vanquish the virus? Australia and New Zealand aim to show the way'.",
      'Both are islands.',
    ]);
    expect(splitSentences('Het programma „Wie is de Mol? De finale” trekt veel kijkers.', 'nl')).toHaveLength(1);
  });

  it('keeps a title that ends in ! inside the sentence when a lower-case word follows', () => {
    expect(splitSentences('Wetten, dass..?! kehrt im Herbst zurück ins Fernsehen. Die Show läuft im ZDF.', 'de')).toHaveLength(2);
    expect(splitSentences('Her film "Stop!" won the main prize in Cannes on Sunday.', 'en')).toHaveLength(1);
    expect(splitSentences("De musical 'Ja!' wint de prijs voor beste voorstelling.", 'nl')).toHaveLength(1);
  });

  it('still ends the sentence when the quotation closes with it, or never closes on the line', () => {
    expect(splitSentences('He shouted "Stop!" The crowd went quiet at once.', 'en')).toHaveLength(2);
    expect(splitSentences('Sie rief: „Halt! Die Brücke ist eingestürzt.', 'de')).toHaveLength(2);
    expect(splitSentences("Rock 'n' roll lives! The band played on until midnight.", 'en')).toHaveLength(2);
    expect(splitSentences("Het gebeurde 's avonds! Daarna bleef het stil.", 'nl')).toHaveLength(2);
  });
});
