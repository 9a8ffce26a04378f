import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

const EBAY_LEAD = 'eBay agreed on Monday to sell its classifieds business to Adevinta for 9.2 billion dollars, the company said in a statement.';
const HEISE_LEAD = 'heise online hat am Montag eine neue Übersicht der Werkzeuge für Entwickler veröffentlicht.';

describe('a sentence that starts with a name written in lower case', () => {
  it('keeps the lead sentence that opens on eBay beside a headline', () => {
    const text = `${EBAY_LEAD} The deal is expected to close next year.`;
    const b = condenseArticle({ title: 'eBay sells classifieds unit', text, language: 'en' });
    expect(b.sentences).toEqual([EBAY_LEAD, 'The deal is expected to close next year.']);
  });

  it('briefs an article of that one sentence with it rather than the headline alone', () => {
    const b = condenseArticle({ title: 'eBay sells classifieds unit', text: EBAY_LEAD, language: 'en' });
    expect(b).toMatchObject({ sentences: [EBAY_LEAD], method: 'extractive' });
  });

  it('takes a word with a capital inside for a name wherever the sentence stands', () => {
    expect(canStandAlone('iCloud is een dankbaar doelwit van inbrekers, omdat er steeds meer foto’s op staan.', 'nl')).toBe(true);
    expect(canStandAlone('iPhone-Verkäufe sind im letzten Quartal um zwölf Prozent gefallen.', 'de')).toBe(true);
    expect(canStandAlone('iOS 18 brings a new design to the home screen of every phone.', 'en')).toBe(true);
  });

  it('keeps a lower-case brand that opens the text, but not the same line further on', () => {
    expect(canStandAlone(HEISE_LEAD, 'de', true)).toBe(true);
    expect(canStandAlone(HEISE_LEAD, 'de')).toBe(false);
    const b = condenseArticle({ title: 'Developer Snapshots: die Woche in Kürze', text: HEISE_LEAD, language: 'de' });
    expect(b.sentences).toEqual([HEISE_LEAD]);
  });
});

describe('a fragment that starts in lower case', () => {
  it('is left out when a teaser was cut at its start, on a function word', () => {
    expect(canStandAlone('once again seized power of the country.', 'en', true)).toBe(false);
    expect(canStandAlone('de Volkskrant meldt dat het kabinet vandaag nog een besluit neemt.', 'nl', true)).toBe(false);
    const b = condenseArticle({ title: 'Portraits of Afghanistan before the fall', text: 'once again seized power of the country.', language: 'en' });
    expect(b).toMatchObject({ sentences: [], method: 'title-only' });
  });

  it('is left out when it is a list item after a line that announces it', () => {
    const text = 'Die Ministerin nannte am Montag in Berlin drei Gründe für den Schritt:\ndie hohen Kosten für Energie und Personal in der Stadt.';
    expect(condenseArticle({ title: 'Ministerin schließt Amt', text, language: 'de' }).sentences).not.toContain(
      'die hohen Kosten für Energie und Personal in der Stadt.',
    );
  });

  it('is left out when a line of code in the text opens on a camel-case name', () => {
    expect(canStandAlone('cakePath.addCurveToPoint(CGPointMake(6.5, 66.1), controlPoint1: CGPointMake(31.5, 32.5)).', 'en')).toBe(false);
  });

  it('is left out in a language without a stopword list, where a name cannot be told from it', () => {
    expect(canStandAlone('heise online hat am Montag eine neue Ausgabe veröffentlicht.', undefined, true)).toBe(false);
  });
});

describe('a sentence that starts with no letter of either case', () => {
  it.each([
    ['’t Is de derde keer dit jaar dat de dijk bij het dorp doorbreekt.', 'nl'],
    ["'s Ochtends stond de straat in het dorp nog altijd blank.", 'nl'],
    ['9,2 Milliarden Euro zahlt der Konzern für das Geschäft mit Kleinanzeigen.', 'de'],
  ])('stands alone: %j', (sentence, language) => {
    expect(canStandAlone(sentence, language)).toBe(true);
  });
});
