import { describe, expect, it } from 'vitest';
import { condenseArticle } from '../../src/core/condense/index.js';
import { isDangling } from '../../src/core/condense/dangling.js';
import { termModel } from '../../src/core/condense/score.js';
import { selectSentences } from '../../src/core/condense/select.js';
import { closesEarlierQuote, canStandAlone } from '../../src/core/condense/standalone.js';
import { stopwordsFor } from '../../src/core/condense/stopwords.js';

const BUDGET = { maxSentences: 3, maxWords: 60, maxChars: 400 };
const item = (text: string, dangling = false) => ({ words: text.split(' ').length, chars: text.length, dangling });

describe('termModel', () => {
  it('weighs a term by how often the article returns to it, early mentions and headline terms more', () => {
    const sentences = ['Het kabinet valt over stikstof.', 'De boeren protesteren tegen het kabinet.', 'Stikstof blijft een probleem voor boeren.'];
    const m = termModel(sentences, 'Kabinet gevallen', stopwordsFor('nl'), { position: 1, positionDecay: 5, headline: 2 });
    const [first, second, third] = m.terms.map((t) => [...t]);
    expect(first?.length).toBeGreaterThan(0);
    // "kabinet" (two sentences, the first one early, and in the headline) outweighs "valt" (once).
    const kabinet = first?.find((id) => second?.includes(id)) ?? -1;
    const valt = first?.find((id) => !second?.includes(id) && !third?.includes(id)) ?? -1;
    expect(kabinet).toBeGreaterThanOrEqual(0);
    expect(valt).toBeGreaterThanOrEqual(0);
    expect(m.weights[kabinet] ?? 0).toBeGreaterThan(m.weights[valt] ?? 0);
  });
});

describe('selectSentences', () => {
  it('never spends words on a sentence whose terms are already covered', () => {
    const sentences = [
      'Minister Jansen treedt af na kritiek op de toeslagenaffaire.',
      'Minister Jansen treedt af na kritiek op de toeslagenaffaire.',
      'De Tweede Kamer debatteert donderdag over de toeslagenaffaire.',
    ];
    const m = termModel(sentences, 'Jansen treedt af', stopwordsFor('nl'));
    const chosen = selectSentences(sentences.map((s) => item(s)), m, BUDGET);
    expect(chosen).toEqual([0, 2]);
  });

  it('counts a dangling sentence fully only together with the sentence before it', () => {
    // Hand-made model: sentence 1 covers the most weight, sentence 2 a little less.
    const model = { terms: [Int32Array.of(0), Int32Array.of(1, 2), Int32Array.of(3)], weights: Float64Array.of(2, 2, 2, 3) };
    const one = { maxSentences: 1, maxWords: 60, maxChars: 400 };
    const items = (dangling: boolean) => [item('a b c'), item('d e f', dangling), item('g h i')];
    expect(selectSentences(items(false), model, one)).toEqual([1]);
    expect(selectSentences(items(true), model, one)).toEqual([2]);
    expect(selectSentences(items(true), model, { ...one, maxSentences: 2 })).toEqual([0, 1]);
  });

  it('does not open a briefing with a sentence that leans on one before it', () => {
    // Sentence 1 ("Hij ...") covers the most; alone it would open the briefing with a pronoun.
    const model = { terms: [Int32Array.of(0), Int32Array.of(1), Int32Array.of(2)], weights: Float64Array.of(1, 9, 1) };
    const one = { maxSentences: 1, maxWords: 60, maxChars: 400 };
    const items = [item('a b c'), item('d e f', true), item('g h i')];
    expect(selectSentences(items, model, one)).toEqual([0]);
    expect(selectSentences(items, model, { ...one, maxSentences: 2 })).toEqual([0, 1]);
    // Once the predecessor is out of reach, the leaning sentence may follow another opener.
    const far = [item('a b c'), item('x y z'), item('d e f', true)];
    const farModel = { terms: [Int32Array.of(0), Int32Array.of(2), Int32Array.of(1)], weights: Float64Array.of(1, 9, 1) };
    expect(selectSentences(far, farModel, { ...one, maxSentences: 2 })).toEqual([1, 2]);
  });

  it('lets a leaning sentence open the briefing when every candidate leans', () => {
    const model = { terms: [Int32Array.of(0), Int32Array.of(1)], weights: Float64Array.of(1, 2) };
    const one = { maxSentences: 1, maxWords: 60, maxChars: 400 };
    expect(selectSentences([item('a b c', true), item('d e f', true)], model, one)).toEqual([1]);
  });

  it("lets the article's own first sentence open the briefing even when it leans (on the headline)", () => {
    const model = { terms: [Int32Array.of(0), Int32Array.of(1)], weights: Float64Array.of(9, 1) };
    const one = { maxSentences: 1, maxWords: 60, maxChars: 400 };
    expect(selectSentences([{ ...item('a b c', true), opensArticle: true }, item('d e f')], model, one)).toEqual([0]);
    expect(selectSentences([item('a b c', true), item('d e f')], model, one)).toEqual([1]);
  });
});

describe('isDangling', () => {
  it('knows pronouns and connectives that point back, per language', () => {
    expect(isDangling('Dat zei hij maandag.', 'nl')).toBe(true);
    expect(isDangling('He added that it was over.', 'en')).toBe(true);
    expect(isDangling('Dann greift Gidsel zu.', 'de')).toBe(true);
    expect(isDangling('Il a ajouté que rien ne changerait.', 'fr')).toBe(true);
    expect(isDangling('De gemeenteraad stemde in.', 'nl')).toBe(false);
  });

  it('counts a possessive opening as pointing back to its owner, as English and Dutch do', () => {
    expect(isDangling('Ihr neuer Arbeitgeber lagert hier Hilfsgüter.', 'de')).toBe(true);
    expect(isDangling('Seine Frau bestätigte den Tod am Abend.', 'de')).toBe(true);
    expect(isDangling('Son avocat a fait appel.', 'fr')).toBe(true);
    expect(isDangling('Her lawyer appealed.', 'en')).toBe(true);
    expect(isDangling('Seit Montag gilt die Regel.', 'de')).toBe(false);
    expect(isDangling('Sans accord, rien ne change.', 'fr')).toBe(false);
  });

  it('counts "others" as pointing back to the group named before', () => {
    expect(isDangling("Others take low-skilled work that citizens of wealthier nations won't do.", 'en')).toBe(true);
    expect(isDangling('Anderen weten al zeker dat hun reis niet doorgaat.', 'nl')).toBe(true);
    expect(isDangling('Andere Länder zögern noch mit einer Entscheidung.', 'de')).toBe(true);
    expect(isDangling('Othello opens at the Globe tonight.', 'en')).toBe(false);
  });

  it('tells a German demonstrative pronoun from an article by the capital of the next word', () => {
    expect(isDangling('Das sagte der Minister am Montag.', 'de')).toBe(true);
    expect(isDangling('Das Hutfestival verwandelt die Innenstadt.', 'de')).toBe(false);
    expect(isDangling('Es gibt neue Regeln für Pendler.', 'de')).toBe(false);
  });

  it('reads German der/die/das as a pronoun before a verb, as an article before an attribute', () => {
    expect(isDangling('Der hatte sich Anfang der Woche verletzt.', 'de')).toBe(true);
    expect(isDangling('Das ist aktuell Tyson Fury.', 'de')).toBe(true);
    expect(isDangling('Das ergibt sich aus den ersten Fotos.', 'de')).toBe(true);
    expect(isDangling('Das russische Außenministerium forderte eine Heimkehr.', 'de')).toBe(false);
    expect(isDangling('Der aktuell beste deutsche Schwergewichtler steigt in den Ring.', 'de')).toBe(false);
    expect(isDangling('Das in Köln beheimatete Theater spielt.', 'de')).toBe(false);
    expect(isDangling('Die Jobcenter sollen helfen.', 'de')).toBe(false);
  });

  it('counts first-person speech outside quotation marks, not inside', () => {
    expect(isDangling('Für die Grafiken nutzen wir eine Software.', 'de')).toBe(true);
    expect(isDangling('Minister Jansen: „Ik stop ermee”, zei ze.', 'nl')).toBe(false);
    expect(isDangling('The mayor said the bridge will open in 2027.', 'en')).toBe(false);
  });

  it('reads a quotation left open at the end of the sentence as quoted, not as the narrator', () => {
    expect(isDangling('Der Trainer sagte bei Sport1: „Da habe ich zwei Worte für: respektlos!', 'de')).toBe(false);
    expect(isDangling('Krickau berichtete über den Dänen: „Aus meinem Blickwinkel sah es nicht schlimm aus.', 'de')).toBe(false);
    expect(isDangling('Der Trainer sagte, »wir haben gewonnen«.', 'de')).toBe(false);
    expect(isDangling('Wir haben gewonnen, sagte er: „Es war gut.', 'de')).toBe(true);
  });

  it('does not take German words that merely begin like a possessive for the first person', () => {
    expect(isDangling('Nach Meinung von Astronomen handelt es sich um Meteoriten.', 'de')).toBe(false);
    expect(isDangling('Die Ministerin meinte, das Gesetz komme zu spät.', 'de')).toBe(false);
    expect(isDangling('Der Plan ist unseriös, sagen Kritiker.', 'de')).toBe(false);
    expect(isDangling('Meine Kollegen sehen das anders, sagt die Bürgermeisterin.', 'de')).toBe(true);
  });

  it('counts an adverb that stands for "that" in the first words of the first clause, where verb-second order puts it', () => {
    expect(isDangling('Unterstützt wird dabei der TOTP-Standard, den viele Firmen einsetzen.', 'de')).toBe(true);
    expect(isDangling('Die Regierung will damit Zeit gewinnen.', 'de')).toBe(true);
    expect(isDangling('In 2017 werd daarover nog 146 keer geklaagd.', 'nl')).toBe(true);
    expect(isDangling('The company therefore cut its forecast.', 'en')).toBe(true);
    expect(isDangling('Le gouvernement a donc renoncé.', 'fr')).toBe(true);
    // Later in the sentence, or after the first clause, it points inside its own sentence.
    expect(isDangling('Die Ministerin sprach am Montag lange mit den Gewerkschaften und erreichte damit eine Einigung.', 'de')).toBe(false);
    expect(isDangling('Als der Zug hielt, stiegen dabei zwei Männer aus.', 'de')).toBe(false);
  });

  it('does not count an adverb that announces the clause or quote after it', () => {
    expect(isDangling('Die Polizei geht davon aus, dass der Täter floh.', 'de')).toBe(false);
    expect(isDangling('Trump hat damit gedroht, die Zölle zu erhöhen.', 'de')).toBe(false);
    expect(isDangling('Lang put it thus: "Robert was very much a loner."', 'en')).toBe(false);
  });

  it('says nothing for a language it has no words for', () => {
    expect(isDangling('Он сказал это вчера.', 'ru')).toBe(false);
  });
});

describe('questions in every script', () => {
  it('cannot stand alone, whether asked with ?, ؟ or the Greek ;', () => {
    expect(canStandAlone('Is dit genoeg voor de gemeente Utrecht?', 'nl')).toBe(false);
    expect(canStandAlone('هل هذا كاف للحكومة الجديدة؟', 'ar')).toBe(false);
    // Long enough that only the question mark, not the missing full stop, can rule it out.
    expect(canStandAlone('Είναι αυτό αρκετό για την κυβέρνηση και για τους πολίτες της χώρας μετά από τόσα χρόνια κρίσης;', 'el')).toBe(false);
    expect(canStandAlone('Dit is genoeg voor de gemeente Utrecht; zo zei hij het.', 'nl')).toBe(true);
  });
});

describe('a line that ends in a colon', () => {
  it('cannot stand alone: it announces a quote or list the briefing does not show', () => {
    expect(canStandAlone('Op beelden van de aanslag is te zien dat ze neervallen, waarna Olivares opkrabbelt:', 'nl')).toBe(false);
    expect(canStandAlone('Die Ministerin nannte am Montag in Berlin drei Gründe für den Schritt:', 'de')).toBe(false);
    expect(canStandAlone('De minister zei: „Het is voorbij.”', 'nl')).toBe(true);
  });

  it('is left out of a briefing, which uses the sentences that say something', () => {
    const text = [
      'Bij een schietpartij in Buenos Aires is een parlementslid om het leven gekomen.',
      'Op beelden van de aanslag in Buenos Aires is te zien dat het parlementslid neervalt, waarna hij opkrabbelt:',
      'De politie heeft zes verdachten van de aanslag in Buenos Aires opgepakt.',
    ].join('\n\n');
    const b = condenseArticle({ title: 'Parlementslid doodgeschoten in Buenos Aires', text, language: 'nl' });
    expect(b.sentences.length).toBeGreaterThan(0);
    expect(b.sentences.some((s) => s.endsWith(':'))).toBe(false);
  });
});

describe('closesEarlierQuote', () => {
  it('marks the tail of a quotation that began in an earlier sentence', () => {
    expect(closesEarlierQuote('Das ist Box-Historie“, sagte Experte Bernd Bönte.', 'de')).toBe(true);
    expect(closesEarlierQuote('Dat is voorbij”, zei de burgemeester.', 'nl')).toBe(true);
    expect(canStandAlone('Dat is voorbij”, zei de burgemeester tegen de raad.', 'nl')).toBe(false);
  });

  it('leaves whole quotations in every quote style alone', () => {
    expect(closesEarlierQuote('„Das ist Historie“, sagte Experte Bernd Bönte.', 'de')).toBe(false);
    expect(closesEarlierQuote('Hij zei: ,,Het is voorbij” en vertrok.', 'nl')).toBe(false);
    expect(closesEarlierQuote('She said “it is over” and left.', 'en')).toBe(false);
    expect(closesEarlierQuote('Il a dit « c’est fini » puis il est parti.', 'fr')).toBe(false);
  });
});

describe('the lead of the example format', () => {
  it('is read as the opening of the article, not forced into the briefing', () => {
    const lead = 'Het college van Zwolle heeft een besluit genomen. Dat meldde de gemeente maandag.';
    const text = [
      'De nieuwe brug over het Zwarte Water kost 48 miljoen euro, zo besloot de gemeenteraad van Zwolle.',
      'De brug over het Zwarte Water moet in 2027 klaar zijn.',
      'Omwonenden vrezen dat de brug meer verkeer in hun wijk brengt.',
    ].join(' ');
    const b = condenseArticle({ title: 'Zwolle bouwt brug over Zwarte Water', lead, text, language: 'nl' });
    expect(b.sentences.join(' ')).toMatch(/48 miljoen euro/);
    expect(b.sentences).not.toContain('Dat meldde de gemeente maandag.');
  });
});
