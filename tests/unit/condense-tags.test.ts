import { describe, expect, it } from 'vitest';
import { condenseArticle, removeBoilerplate, splitSentenceSpans } from '../../src/core/condense/index.js';
import { stripDateline, stripTrailingTag } from '../../src/core/condense/agency-tags.js';
import { isDangling } from '../../src/core/condense/dangling.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';
import { startsInsideQuote } from '../../src/core/condense/quote-state.js';

describe('agency and author tags', () => {
  it('strips a dateline with an agency tag in any language, capitals or not', () => {
    expect(stripDateline('Berlin (dpa) - Die Regierung hat am Montag ein Gesetz beschlossen.')).toBe(
      'Die Regierung hat am Montag ein Gesetz beschlossen.',
    );
    expect(stripDateline('Den Haag (ANP) - Het kabinet presenteert dinsdag de plannen.')).toBe(
      'Het kabinet presenteert dinsdag de plannen.',
    );
    expect(stripDateline('PARIS, 3 mai (Reuters) - Le gouvernement a annoncé un plan.')).toBe('Le gouvernement a annoncé un plan.');
  });

  it('strips a Spanish or Portuguese wire dateline, whose dash follows a full stop', () => {
    expect(stripDateline('Lisboa, 7 dez (EFE).- O governo aprovou nesta segunda-feira um novo orçamento.')).toBe(
      'O governo aprovou nesta segunda-feira um novo orçamento.',
    );
    expect(stripDateline('MADRID, 7 dic (EFE).- El Gobierno aprobó este lunes un nuevo presupuesto.')).toBe(
      'El Gobierno aprobó este lunes un nuevo presupuesto.',
    );
  });

  it('leaves a name followed by a dash alone when no agency is named', () => {
    const s = 'Obama -- who spoke on Monday -- signed the bill into law.';
    expect(stripDateline(s)).toBe(s);
  });

  it('strips author initials and agency tags after the final punctuation', () => {
    expect(stripTrailingTag('Der Manager kostet knapp 50 Euro im Mac App Store. (bsc)')).toBe('Der Manager kostet knapp 50 Euro im Mac App Store.');
    expect(stripTrailingTag('Der Eintritt ist frei. (kas/dpa)')).toBe('Der Eintritt ist frei.');
    expect(stripTrailingTag('Hij wordt vrijdag begraven. (ANP)')).toBe('Hij wordt vrijdag begraven.');
    expect(stripTrailingTag('Die Polizei ermittelt. (mit Material von dpa und AFP)')).toBe('Die Polizei ermittelt.');
  });

  it('keeps an acronym in brackets that belongs to the sentence', () => {
    const s = 'It was developed at the University of California (UC)';
    expect(stripTrailingTag(s)).toBe(s);
  });

  it('never shows the tag in a briefing', () => {
    const text = [
      'Der Hersteller hat Version 5.3 seines Passwortmanagers für Mac freigegeben.',
      'Die neue Version erzeugt Einmal-Passwörter nach dem TOTP-Standard direkt in der App.',
      'Der Passwortmanager kostet knapp 50 Euro und setzt macOS 10.10 voraus. (bsc)',
    ].join(' ');
    const b = condenseArticle({ title: 'Passwortmanager erzeugt Einmal-Passwörter', text, language: 'de' });
    expect(b.sentences.join(' ')).not.toMatch(/\(bsc\)/);
  });
});

describe('placeholders of embedded players', () => {
  it('cuts the notice glued to the start of a line and keeps the sentence after it', () => {
    const text = 'The manager has won the cup.\nMedia playback is not supported on this device"Even if Rangers win, they will not finish second," he said.';
    expect(removeBoilerplate(text)).toBe('The manager has won the cup.\n"Even if Rangers win, they will not finish second," he said.');
  });

  it('drops a line that is nothing but the notice', () => {
    expect(removeBoilerplate('One.\nMedia playback is unsupported on your device\nTwo.')).toBe('One.\nTwo.');
  });
});

describe('consent notices of embedded content', () => {
  it('removes the notice paragraph whatever its length, and keeps the news around it', () => {
    const notice =
      'Für die Darstellung der Grafiken nutzen wir eine Software. Erst wenn Sie hier klicken, werden die Grafiken nachgeladen. ' +
      'Ihre IP-Adresse wird dabei an externe Server übertragen. Über den Datenschutz können Sie sich auf der Seite des Anbieters informieren.';
    const news = 'Der Export in den Iran ist im vergangenen Jahr auf 1,2 Milliarden Euro gesunken.';
    const out = removeBoilerplate(`${news}\n\n${notice}\n\n${news}`);
    expect(out).not.toMatch(/IP-Adresse/);
    expect(out.split('\n\n')).toEqual([news, news]);
  });

  it('keeps a news paragraph that mentions data protection once', () => {
    const p = 'Der Datenschutzbeauftragte kritisierte am Montag die neue Regelung für Krankenkassen scharf.';
    expect(removeBoilerplate(p)).toBe(p);
  });
});

describe('quotations over several sentences', () => {
  it('marks the sentences that begin inside a quotation opened earlier in the paragraph', () => {
    const text = '"I had a 30-foot fall. And there were cars in the water. The whole bridge is down," he said. The police arrived.\nNext paragraph starts here.';
    const spans = splitSentenceSpans(text, 'en');
    expect(startsInsideQuote(spans, 'en')).toEqual([false, true, true, false, false]);
  });

  it('follows each language style: German „…“, Swiss «…», Dutch ,,…\'\'', () => {
    expect(startsInsideQuote(splitSentenceSpans('„Regel ist Regel. Da kann man nichts machen“, sagte er. Dann ging er.', 'de'), 'de')).toEqual([false, true, false]);
    expect(startsInsideQuote(splitSentenceSpans('Er sagte: «Wir bleiben. Das ist klar.» Dann ging er.', 'de'), 'de')).toEqual([false, true, false]);
    expect(startsInsideQuote(splitSentenceSpans("Hij zei: ,,We blijven. Dat is duidelijk.'' Toen ging hij.", 'nl'), 'nl')).toEqual([false, true, false]);
  });

  it('keeps such a sentence out of the briefing', () => {
    const text = [
      'The bridge over the Mississippi collapsed during rush hour on Wednesday evening.',
      '"I thought I was going to die. The whole bridge from one side of the Mississippi to the other is down," driver Gary Babineau said.',
      'Rescue teams searched the river for survivors until late in the night.',
    ].join(' ');
    const b = condenseArticle({ title: 'Mississippi bridge collapses', text, language: 'en' });
    expect(b.sentences.some((s) => s.startsWith('The whole bridge'))).toBe(false);
  });
});

describe('existential openings', () => {
  it('are not read as pointing back', () => {
    expect(isDangling('There is "no remaining hope" of finding the six miners alive.', 'en')).toBe(false);
    expect(isDangling("There's no way back for the club.", 'en')).toBe(false);
    expect(isDangling('Il y a eu trois morts dans la nuit.', 'fr')).toBe(false);
    expect(isDangling('There the police found the stolen car.', 'en')).toBe(true);
    expect(isDangling('Il a ajouté que rien ne changerait.', 'fr')).toBe(true);
  });
});

describe('Chinese press conventions', () => {
  it('strips a city dateline before a double dash and a source tag in full-width brackets', () => {
    expect(stripDateline('北京——中国政府周日宣布了新的空气污染治理计划。')).toBe('中国政府周日宣布了新的空气污染治理计划。');
    expect(stripDateline('（新华特约） 政府周日宣布了新的空气污染治理计划，将加重处罚。')).toBe('政府周日宣布了新的空气污染治理计划，将加重处罚。');
  });

  it('keeps a dash inside the sentence', () => {
    const s = '政府宣布了新的计划——这是十年来的第一次调整。';
    expect(stripDateline(s)).toBe(s);
  });

  it('reads a sentence that opens with this, he or but as leaning on the one before', () => {
    expect(isDangling('这让许多企业感到不安。', 'zh')).toBe(true);
    expect(isDangling('但是政府没有回应记者的提问。', 'zh')).toBe(true);
    expect(isDangling('数十年来，这条铁路一直是城市的命脉。', 'zh')).toBe(false);
  });

  it('reads a sentence that opens with a connective pointing back (thereupon, afterwards, for this, however) as leaning', () => {
    for (const s of [
      '随即警方赶到现场并逮捕了两名嫌疑人。',
      '随后他离开了会场。',
      '于是两国重新开始谈判。',
      '为此政府拨款十亿元修建新的堤坝。',
      '然而反对党拒绝了这项提议。',
      '不过当地居民并不满意。',
      '该公司周一发表声明否认了指控。',
    ]) {
      expect(isDangling(s, 'zh'), s).toBe(true);
    }
    expect(isDangling('警方随即赶到现场并逮捕了两名嫌疑人。', 'zh')).toBe(false);
    expect(isDangling('随着气温上升，冰川正在加速融化。', 'zh')).toBe(false);
  });
});

describe('sentences that point back, in Spanish, Italian and Portuguese', () => {
  it('lean when they open with a pronoun, possessive or connective', () => {
    expect(isDangling('Él dijo que no habría cambios en el gobierno.', 'es')).toBe(true);
    expect(isDangling('Pero la oposición pidió una investigación independiente.', 'es')).toBe(true);
    expect(isDangling('Lui ha detto che il piano sarà presentato in estate.', 'it')).toBe(true);
    expect(isDangling('Ela disse que o plano seria apresentado no verão.', 'pt')).toBe(true);
  });

  it('stand on their own otherwise', () => {
    expect(isDangling('La policía detuvo a dos hombres en Madrid.', 'es')).toBe(false);
    expect(isDangling('Il governo ha approvato la legge di bilancio.', 'it')).toBe(false);
    expect(isDangling('O governo anunciou novas medidas para a economia.', 'pt')).toBe(false);
  });
});

describe('asides in brackets', () => {
  it('leaves out a sentence that opens a bracket it does not close', () => {
    expect(canStandAlone('（作者是一位长期报道中国经济的英国记者。', 'zh')).toBe(false);
    expect(canStandAlone("(Editor's note: the mayor spoke to reporters on Monday evening.", 'en')).toBe(false);
  });

  it('keeps a whole sentence in brackets, which is a fact like any other', () => {
    expect(canStandAlone('(The airline only flies to ten of the twenty largest markets in the study.)', 'en')).toBe(true);
  });
});

describe('datelines in capitals', () => {
  it('strips a place in capitals before a plain hyphen, as Dutch papers write it', () => {
    expect(stripDateline('DEN HAAG - Het kabinet presenteert dinsdag de plannen voor de zorg.')).toBe('Het kabinet presenteert dinsdag de plannen voor de zorg.');
    expect(stripDateline('AMSTERDAM - Een man is zondagavond neergestoken in de binnenstad.')).toBe('Een man is zondagavond neergestoken in de binnenstad.');
  });

  it('keeps a dash that an aside follows', () => {
    const s = 'NATO - het bondgenootschap van dertig landen - komt dinsdag bijeen.';
    expect(stripDateline(s)).toBe(s);
  });
});
