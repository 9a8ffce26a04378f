import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/condense/index.js';

describe('splitSentences in Dutch', () => {
  it('keeps abbreviations like o.a., bijv., dhr., mevr., m.b.t., ca., nr., prof. and enz. inside a sentence', () => {
    const text =
      'Dhr. Jansen en mevr. De Boer spraken o.a. over de begroting m.b.t. het onderwijs. ' +
      'Prof. Smit noemde bijv. de kosten van ca. 3 miljoen euro voor project nr. 12 en de huur enz. Daarna ging de vergadering verder.';
    expect(splitSentences(text, 'nl')).toEqual([
      'Dhr. Jansen en mevr. De Boer spraken o.a. over de begroting m.b.t. het onderwijs.',
      'Prof. Smit noemde bijv. de kosten van ca. 3 miljoen euro voor project nr. 12 en de huur enz.',
      'Daarna ging de vergadering verder.',
    ]);
  });

  it('does not split decimals, times or initials', () => {
    expect(splitSentences('Om 14.30 uur steeg de koers met 2,5 procent tot 10.5 euro. J.P. Balkenende was er niet bij.', 'nl')).toEqual([
      'Om 14.30 uur steeg de koers met 2,5 procent tot 10.5 euro.',
      'J.P. Balkenende was er niet bij.',
    ]);
  });

  it('handles the quote styles „…”, ,,…\'\' and ‘…’', () => {
    const text = '„Het is voorbij.” Daarna ging hij weg. ,,Wij gaan door.\'\' Dat zei de voorzitter. ‘Klaar is Kees.’ Zo eindigde het.';
    expect(splitSentences(text, 'nl')).toEqual([
      '„Het is voorbij.”',
      'Daarna ging hij weg.',
      ",,Wij gaan door.''",
      'Dat zei de voorzitter.',
      '‘Klaar is Kees.’',
      'Zo eindigde het.',
    ]);
  });

  it('does not split inside a quote followed by its attribution', () => {
    expect(splitSentences('„Gaan we winnen?” vroeg de trainer. Niemand antwoordde.', 'nl')).toEqual([
      '„Gaan we winnen?” vroeg de trainer.',
      'Niemand antwoordde.',
    ]);
  });

  it('ends a sentence after "VS." (de Verenigde Staten) and after the Dutch word "al."', () => {
    const text = 'Hij kocht het boek in de VS. Dit is een bijzonder object. De regels waren er toen al. In 1990 kwam het verdrag.';
    expect(splitSentences(text, 'nl')).toEqual([
      'Hij kocht het boek in de VS.',
      'Dit is een bijzonder object.',
      'De regels waren er toen al.',
      'In 1990 kwam het verdrag.',
    ]);
  });

  it("starts a sentence at an elided article ('s Ochtends, ’t Is, 'n Man), which opens in lower case", () => {
    const text = "Het regende de hele nacht. 's Ochtends stond de straat blank. ’t Is nog niet voorbij. 'n Man bleef thuis.";
    expect(splitSentences(text, 'nl')).toEqual([
      'Het regende de hele nacht.',
      "'s Ochtends stond de straat blank.",
      '’t Is nog niet voorbij.',
      "'n Man bleef thuis.",
    ]);
    expect(splitSentences("Hij zei het al. 'sommige mensen' begrijpen het niet.", 'nl')).toHaveLength(1);
  });

  it('treats every line break as a boundary', () => {
    expect(splitSentences('Eerste regel zonder punt\nTweede regel.\n\nDerde alinea.', 'nl')).toEqual([
      'Eerste regel zonder punt',
      'Tweede regel.',
      'Derde alinea.',
    ]);
  });
});

describe('splitSentences in English', () => {
  it('knows titles, U.S., month abbreviations and military ranks', () => {
    const text = 'Mr. Smith met Dr. Jones in the U.S. Capitol on Jan. 5 with Army Spc. Caleb Barnes. They talked for an hour.';
    expect(splitSentences(text, 'en')).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. Capitol on Jan. 5 with Army Spc. Caleb Barnes.',
      'They talked for an hour.',
    ]);
  });

  it('ends a sentence after U.S. when a sentence opener follows', () => {
    expect(splitSentences('He moved to the U.S. The family stayed behind.', 'en')).toEqual([
      'He moved to the U.S.',
      'The family stayed behind.',
    ]);
  });

  it('handles “…” quotes, ellipses and initials', () => {
    const text = '“We will fight on.” The crowd cheered... Then J. R. R. Tolkien was quoted. It was 3.14 p.m. on Friday.';
    expect(splitSentences(text, 'en')).toEqual([
      '“We will fight on.”',
      'The crowd cheered...',
      'Then J. R. R. Tolkien was quoted.',
      'It was 3.14 p.m. on Friday.',
    ]);
  });
});

describe('splitSentences in German', () => {
  it('keeps z.B., u.a., Dr. and ordinal dates inside a sentence', () => {
    const text = 'Am 3. Oktober sprach Dr. Müller u.a. über Steuern, z.B. die Grundsteuer. Die Rede dauerte 45 Minuten.';
    expect(splitSentences(text, 'de')).toEqual([
      'Am 3. Oktober sprach Dr. Müller u.a. über Steuern, z.B. die Grundsteuer.',
      'Die Rede dauerte 45 Minuten.',
    ]);
  });

  it('ends a sentence after an all-capitals acronym that spells an abbreviation (ING, not Ing.)', () => {
    const text = 'Dabei sind BNP Paribas und ING. Doch die Hälfte sprang ab. Dipl.-Ing. Meier blieb.';
    expect(splitSentences(text, 'de')).toEqual([
      'Dabei sind BNP Paribas und ING.',
      'Doch die Hälfte sprang ab.',
      'Dipl.-Ing. Meier blieb.',
    ]);
  });

  it('handles „…“ quotes', () => {
    expect(splitSentences('„Das ist vorbei.“ Danach ging er. Er kam nicht zurück.', 'de')).toEqual([
      '„Das ist vorbei.“',
      'Danach ging er.',
      'Er kam nicht zurück.',
    ]);
  });
});

describe('splitSentences in French', () => {
  it('handles « … » with inner spaces, M. and Mme', () => {
    const text = '« C’est fini. » Puis M. Dupont est parti avec Mme Martin. Le débat a duré 2 heures !';
    expect(splitSentences(text, 'fr')).toEqual([
      '« C’est fini. »',
      'Puis M. Dupont est parti avec Mme Martin.',
      'Le débat a duré 2 heures !',
    ]);
  });
});

describe('splitSentences in Chinese and Japanese (no spaces between sentences)', () => {
  it('ends a sentence at 。！？ and after a closing quote that follows one', () => {
    const text = '新华社报道，他在医院去世，享年71岁。针对他的调查将终止！他说：“我们走吧。”然后离开了。';
    expect(splitSentences(text, 'zh')).toEqual(['新华社报道，他在医院去世，享年71岁。', '针对他的调查将终止！', '他说：“我们走吧。”', '然后离开了。']);
  });

  it('splits Japanese the same way', () => {
    expect(splitSentences('東京で大雨が降った。電車は止まっている？', 'ja')).toEqual(['東京で大雨が降った。', '電車は止まっている？']);
  });

  it('splits as well when a writer puts a space after 。 (a blog feed does)', () => {
    expect(splitSentences('東京で大雨が降った。 電車は止まっている。 『新幹線』も遅れた。', 'ja')).toEqual(['東京で大雨が降った。', '電車は止まっている。', '『新幹線』も遅れた。']);
    expect(splitSentences('伊拉克前总统萨达姆之墓几乎被完全夷平。 伊拉克军队正在试图夺回这座城市。', 'zh')).toEqual(['伊拉克前总统萨达姆之墓几乎被完全夷平。', '伊拉克军队正在试图夺回这座城市。']);
  });
});

describe('splitSentences in scripts without capitals', () => {
  it('ends an Arabic sentence at a full stop or ؟ before the next word, though no capital follows', () => {
    const text = 'أعلنت الحكومة يوم الاثنين عن إجراءات جديدة. وقال الوزير إن الحزمة ستبلغ مليار دولار؟ وسيناقش البرلمان القانون.';
    expect(splitSentences(text, 'ar')).toEqual([
      'أعلنت الحكومة يوم الاثنين عن إجراءات جديدة.',
      'وقال الوزير إن الحزمة ستبلغ مليار دولار؟',
      'وسيناقش البرلمان القانون.',
    ]);
  });

  it('splits Hebrew at full stops and Hindi at the danda', () => {
    expect(splitSentences('הממשלה הודיעה על צעדים חדשים. השר אמר שהחבילה תגיע למיליארד.', 'he')).toEqual([
      'הממשלה הודיעה על צעדים חדשים.',
      'השר אמר שהחבילה תגיע למיליארד.',
    ]);
    expect(splitSentences('सरकार ने नए उपायों की घोषणा की। मंत्री ने कहा कि पैकेज बड़ा होगा।', 'hi')).toEqual([
      'सरकार ने नए उपायों की घोषणा की।',
      'मंत्री ने कहा कि पैकेज बड़ा होगा।',
    ]);
  });

  it('still keeps a lower-case continuation after an abbreviation in a cased script', () => {
    expect(splitSentences('Hij kwam o.a. met de trein. Daarna ging hij weg.', 'nl')).toEqual(['Hij kwam o.a. met de trein.', 'Daarna ging hij weg.']);
  });
});

describe('splitSentences in Spanish, Italian, Portuguese, Polish and Russian', () => {
  it.each([
    ['es', 'La Sra. López no vino. Según la pág. 5 del informe, el Lic. Pérez dimitió. Todo bien.', ['La Sra. López no vino.', 'Según la pág. 5 del informe, el Lic. Pérez dimitió.', 'Todo bien.']],
    ['es', 'El presidente de EE. UU. habló con las FF. AA. ayer. Luego se fue. Lo dijo la ONU. Nada más.', ['El presidente de EE. UU. habló con las FF. AA. ayer.', 'Luego se fue.', 'Lo dijo la ONU.', 'Nada más.']],
    ['it', 'Il sig. Rossi è arrivato. Il dott. Bianchi no. Ne parla l\'on. Verdi.', ['Il sig. Rossi è arrivato.', 'Il dott. Bianchi no.', 'Ne parla l\'on. Verdi.']],
    ['pt', 'A Dra. Costa saiu às 10h. O Eng. Lima falou. Fim.', ['A Dra. Costa saiu às 10h.', 'O Eng. Lima falou.', 'Fim.']],
    ['pl', 'Mgr inż. Nowak powiedział, że np. rząd się myli. W 2020 r. Sejm milczał.', ['Mgr inż. Nowak powiedział, że np. rząd się myli.', 'W 2020 r.', 'Sejm milczał.']],
    ['ru', 'Президент прибыл в г. Москву. Это было в 2020 г. Он уехал.', ['Президент прибыл в г. Москву.', 'Это было в 2020 г.', 'Он уехал.']],
  ] as const)('keeps %s titles and abbreviations inside their sentence', (language, text, expected) => {
    expect(splitSentences(text, language)).toEqual(expected);
  });

  it('ends a Greek question at its question mark, ; and leaves ; alone elsewhere', () => {
    const text = 'Οι ειδικοί θεωρούν ότι αυτό δεν αρκεί; Η Βουλή θα εξετάσει το νομοσχέδιο.';
    expect(splitSentences(text, 'el')).toEqual(['Οι ειδικοί θεωρούν ότι αυτό δεν αρκεί;', 'Η Βουλή θα εξετάσει το νομοσχέδιο.']);
    expect(splitSentences('He came; She left.', 'en')).toEqual(['He came; She left.']);
  });

  it('does not let another language\'s abbreviations glue sentences of a text whose language is unknown', () => {
    expect(splitSentences('He switched it on. Then he left.', 'und')).toEqual(['He switched it on.', 'Then he left.']);
  });
});
