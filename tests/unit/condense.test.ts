import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET,
  condenseArticle,
  leadBriefing,
  leadSentences,
  needsFullText,
  parsePlainArticle,
  removeBoilerplate,
  trimToBudget,
} from '../../src/core/condense/index.js';
import { MAX_ARTICLE_CHARS } from '../../src/core/condense/prepare.js';
import { canStandAlone, stripDateline } from '../../src/core/condense/standalone.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/condense/${name}`, import.meta.url)), 'utf8');

describe('condenseArticle', () => {
  it('briefs the Dutch fixture within budget with its own sentences and the key facts', () => {
    const article = parsePlainArticle(fixture('gemeenteraad.txt'));
    const b = condenseArticle({ title: 'Zwolle krijgt nieuwe brug', lead: article.lead, text: article.body, language: 'nl' });
    expect(b.method).toBe('extractive');
    expect(b.language).toBe('nl');
    expect(b.sentences.length).toBeGreaterThanOrEqual(1);
    expect(b.sentences.length).toBeLessThanOrEqual(3);
    expect(b.words).toBeLessThanOrEqual(DEFAULT_BUDGET.maxWords);
    expect(b.chars).toBeLessThanOrEqual(DEFAULT_BUDGET.maxChars);
    const joined = b.sentences.join(' ');
    expect(joined).toMatch(/brug/);
    expect(joined).toMatch(/gemeenteraad/);
    for (const s of b.sentences) expect(article.text.replace(/\s+/g, ' ')).toContain(s);
  });

  it('keeps sentences in article order and never picks read-also lines, captions or bare quotes', () => {
    const article = parsePlainArticle(fixture('gemeenteraad.txt'));
    const b = condenseArticle({ title: 'Brug', text: article.body, language: 'nl' }, { maxSentences: 3, maxWords: 200, maxChars: 2000 });
    const body = article.body.replace(/\s+/g, ' ');
    const positions = b.sentences.map((s) => body.indexOf(s));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    for (const s of b.sentences) {
      expect(s).not.toMatch(/^Lees ook/);
      expect(s).not.toMatch(/^Foto:/);
      expect(s).not.toMatch(/^„/);
    }
  });

  it('gives a lead-based briefing when the language is unknown', () => {
    // Too few letters for any detector to tell: no language, so no stopwords or scoring either.
    const b = condenseArticle({ title: '', text: 'Qx vb zr pl. Tk mn wq rs. Jh gf dd ss.' });
    expect(b.method).toBe('lead');
    expect(b.language).toBe('und');
    expect(b.sentences).toEqual(['Qx vb zr pl.', 'Tk mn wq rs.', 'Jh gf dd ss.']);
  });

  it('makes the briefing in the given language, and by lead when none is given (detection is the caller\'s)', () => {
    const text = 'The government announced a new plan on Monday. It will cost millions of euros over ten years.';
    expect(condenseArticle({ title: 'Plan', text, language: 'nl' }).language).toBe('nl');
    const unnamed = condenseArticle({ title: 'Plan', text: text.repeat(2) });
    expect(unnamed.language).toBe('und');
    expect(unnamed.method).toBe('lead');
  });

  it('falls back to the headline alone when the text holds no sentence', () => {
    const b = condenseArticle({ title: 'Only a title', text: '' , language: 'en' });
    expect(b).toEqual({ headline: 'Only a title', sentences: [], language: 'en', words: 0, chars: 0, method: 'title-only' });
  });

  it('keeps angle brackets the headline shows as text: the feed parser already read its markup', () => {
    // An RSS <title>Why Vec&amp;lt;T&amp;gt; …</title> or an Atom text title reaches here as this text.
    const b = condenseArticle({ title: 'Why Vec<T> beats a <div> & more', text: 'Rust has a growable array type.', language: 'en' });
    expect(b.headline).toBe('Why Vec<T> beats a <div> & more');
    // A JSON Feed title that carries entities anyway (WordPress writes them) still reads as text.
    expect(condenseArticle({ title: 'Tom &#038; Jerry  &amp; co', text: '', language: 'en' }).headline).toBe('Tom & Jerry & co');
  });

  it('uses a fragment rather than nothing when there is no headline either, but never a link', () => {
    expect(condenseArticle({ title: '', text: 'Storm over Zeeland', language: 'nl' })).toMatchObject({ headline: '', sentences: ['Storm over Zeeland'], method: 'lead' });
    expect(condenseArticle({ title: '', text: 'https://example.test/storm', language: 'nl' })).toMatchObject({ sentences: [], method: 'title-only' });
    // With a headline, the fragment adds nothing the headline does not say.
    expect(condenseArticle({ title: 'Storm', text: 'Storm over Zeeland', language: 'nl' }).sentences).toEqual([]);
  });

  it('trims a single sentence longer than the whole budget at a word boundary with an ellipsis', () => {
    const long = `The committee ${'discussed the very long and winding proposal again '.repeat(12)}before lunch.`;
    const b = condenseArticle({ title: 'Long', text: long, language: 'en' });
    expect(b.sentences).toHaveLength(1);
    const s = b.sentences[0] ?? '';
    expect(s.endsWith('…')).toBe(true);
    expect(long).toContain(s.slice(0, -1));
    expect(b.words).toBeLessThanOrEqual(60);
    expect(b.chars).toBeLessThanOrEqual(400);
  });

  it('strips HTML boilerplate: share buttons, read-also blocks, bylines and credits', () => {
    const html = `<div class="share">Share</div><p>Door Piet Klaassen</p>
      <p>Het kabinet is dinsdag gevallen na een lang overleg over het stikstofbeleid van de boeren.</p>
      <p>Lees ook:</p><p>Wat betekent dit voor de boeren</p>
      <p>Facebook | Twitter | WhatsApp</p><p>Foto: ANP</p>
      <p>Nieuwe verkiezingen worden in het voorjaar verwacht door alle partijen in de Kamer.</p>`;
    const b = condenseArticle({ title: 'Kabinet gevallen', html, language: 'nl' });
    const joined = b.sentences.join(' ');
    expect(joined).toContain('Het kabinet is dinsdag gevallen');
    expect(joined).not.toMatch(/Door Piet|Lees ook|Wat betekent|Facebook|Foto/);
  });
});

describe('very long articles', () => {
  it('reads an article up to its first 50,000 characters: a sentence past them is never chosen', () => {
    // Questions cannot stand in a briefing, so without the limit the last sentence would be the only choice.
    const questions = Array.from({ length: 1200 }, (_, i) => `Who will pay for road number ${i} in the coming years?`).join(' ');
    const late = 'The council approved the new bridge over the river on Monday evening.';
    expect(questions.length).toBeGreaterThan(MAX_ARTICLE_CHARS);
    const b = condenseArticle({ title: 'Council approves new bridge', text: `${questions}\n\n${late}`, language: 'en' });
    expect(b.sentences.join(' ')).not.toContain(late);
    const short = condenseArticle({ title: 'Council approves new bridge', text: `${questions.slice(0, 2000)}\n\n${late}`, language: 'en' });
    expect(short.sentences).toEqual([late]);
  });
});

describe('removeBoilerplate', () => {
  it('drops read-also headings with their related headlines but keeps real sentences', () => {
    const text = 'Eerste zin van het stuk.\n\nLees ook\nKabinet in crisis\nBoeren boos\n\nDeel van het geld gaat naar scholen.\n\nShare | Tweet\n\nBy John Smith';
    expect(removeBoilerplate(text)).toBe('Eerste zin van het stuk.\n\nDeel van het geld gaat naar scholen.');
  });
});

describe('page furniture in an article', () => {
  it('drops a line that says when the page was published or updated, in nl, en, de and fr', () => {
    const lines = [
      'Gepubliceerd: 7 december 2026 10:12, bijgewerkt: 7 december 2026 11:30',
      'Le 7 décembre 2026 à 10h12, modifié le 7 décembre 2026 à 11h30',
      'Published 7 December 2026 | Updated 11:30 GMT',
      'Veröffentlicht am 07.12.2026, 10:12 Uhr, aktualisiert um 11:30 Uhr',
    ];
    const text = ['De dijk bij het dorp brak maandag door.', ...lines, 'Het rapport werd op 7 december gepubliceerd en daarna bijgewerkt.'].join('\n\n');
    expect(removeBoilerplate(text)).toBe('De dijk bij het dorp brak maandag door.\n\nHet rapport werd op 7 december gepubliceerd en daarna bijgewerkt.');
  });

  it('leaves a site\'s disclaimer about external sites out of the briefing', () => {
    const text = [
      'The river burst its banks on Monday, flooding hundreds of homes in the town.',
      'Rescue teams worked through the night to reach people trapped upstairs.',
      'Copyright 2026 BBC. All rights reserved. The BBC is not responsible for the content of external sites.',
    ].join('\n\n');
    const b = condenseArticle({ title: 'Floods hit town', text, language: 'en' });
    expect(b.sentences.join(' ')).not.toMatch(/external sites|rights reserved/);
    expect(b.sentences).toHaveLength(2);
  });
});

describe('standalone sentences', () => {
  it('rejects bylines, datelines, captions, questions and bare quotes', () => {
    expect(canStandAlone('Door Jan de Vries')).toBe(false);
    expect(canStandAlone('Berlin.')).toBe(false);
    expect(canStandAlone('De premier na afloop van het debat. Foto: ANP')).toBe(false);
    expect(canStandAlone('Gaat het kabinet nu eindelijk vallen?')).toBe(false);
    expect(canStandAlone('„Wij gaan gewoon door met ons werk.”')).toBe(false);
    expect(canStandAlone('Lesen Sie auch: Die Regierung ist gefallen.')).toBe(false);
    expect(canStandAlone('Lire aussi : le gouvernement est tombé hier soir.')).toBe(false);
    expect(canStandAlone('„Wij gaan door”, zei de premier na afloop.')).toBe(true);
    expect(canStandAlone('Door de regen werd de wedstrijd afgelast.')).toBe(true);
  });

  it('rejects a credit in sentence form, and keeps news told with the same verbs', () => {
    expect(canStandAlone("Al Jazeera's Divya Gopalan reports.")).toBe(false);
    expect(canStandAlone("CNN's Arwa Damon reports from Baghdad, Iraq.")).toBe(false);
    expect(canStandAlone('Correspondent Anne de Vries doet verslag vanuit Kiev.')).toBe(false);
    expect(canStandAlone('ARD-Korrespondentin Anna Schmidt berichtet aus Kiew.')).toBe(false);
    expect(canStandAlone('Reporting by Jane Doe; Editing by John Smith')).toBe(false);
    expect(canStandAlone('The ministry reports that exports rose by 4 percent.')).toBe(true);
    expect(canStandAlone('Reuters reports from London that the talks failed.')).toBe(true);
    expect(canStandAlone('Die Polizei berichtet von mehreren Festnahmen in der Stadt.')).toBe(true);
  });

  it('rejects a guest listed with what they are, and keeps a dateline before a sentence', () => {
    expect(canStandAlone('Maria Janssen - Professor of Economics at the University of Leiden.', 'en')).toBe(false);
    expect(canStandAlone('Pieter de Boer – Hoofd Onderzoek bij het Centraal Planbureau.', 'nl')).toBe(false);
    expect(canStandAlone('Bad Homburg - Die Polizei hat am Montag einen Mann festgenommen.', 'de')).toBe(true);
    expect(canStandAlone('Den Haag - Het kabinet is gevallen na een lang debat.', 'nl')).toBe(true);
    expect(canStandAlone('Angela Merkel - Kanzlerin a.D. - sprach am Montag in Berlin.', 'de')).toBe(true);
  });

  it('gives the headline alone rather than a credit when the text holds nothing else', () => {
    const b = condenseArticle({ title: 'Envoys recalled in submarine row', text: "CNN's Melissa Bell reports.", language: 'en' });
    expect(b.headline).toBe('Envoys recalled in submarine row');
    expect(b.sentences).toEqual([]);
  });

  it('briefs a show description by its news, not its guest list or a sentence that leans', () => {
    const text = [
      'Dock workers are the backbone of every port city.',
      'They load ships, drive cranes and plan the cargo.',
      'Others clean the quays at night for little pay.',
      'But thousands of dock workers have lost their jobs as automated terminals open.',
      'Guests:',
      'Maria Janssen - Professor of Economics at the University of Leiden.',
      'Tom Baker - Head of Dock Workers Union at the Port of Rotterdam.',
      "The Port's Lena Vos reports.",
    ].join('\n\n');
    const b = condenseArticle({ title: 'Who speaks for dock workers?', text, language: 'en' });
    expect(b.sentences[0]).toBe('Dock workers are the backbone of every port city.');
    expect(b.sentences.join(' ')).not.toMatch(/Janssen|Baker|reports\.|^Others/);
  });

  it('strips agency datelines but keeps the sentence verbatim otherwise', () => {
    expect(stripDateline('WASHINGTON (CNN) -- The president signed the bill on Monday.')).toBe('The president signed the bill on Monday.');
    expect(stripDateline('(CNN)The dog survived against all odds.')).toBe('The dog survived against all odds.');
    expect(stripDateline('The president signed the bill.')).toBe('The president signed the bill.');
  });
});

describe('helpers', () => {
  it('parsePlainArticle reads the example format', () => {
    const a = parsePlainArticle(' date 2020-08 De lead staat hier.\n\nDe body volgt.\n');
    expect(a).toEqual({ date: '2020-08', lead: 'De lead staat hier.', body: 'De body volgt.', text: 'De lead staat hier.\n\nDe body volgt.' });
    expect(parsePlainArticle('Gewoon tekst.').date).toBeNull();
  });

  it('needsFullText asks for the page when fewer than three sentences can stand alone', () => {
    const teaser = 'Het kabinet is gevallen over stikstof. Lees meer op de site.';
    const full = 'Het kabinet is gevallen over stikstof. De premier bood zijn ontslag aan. Verkiezingen volgen in het voorjaar.';
    expect(needsFullText(teaser, 'auto')).toBe(true);
    expect(needsFullText(full, 'auto')).toBe(false);
    expect(needsFullText(full, 'always')).toBe(true);
    expect(needsFullText(teaser, 'never')).toBe(false);
  });

  it('leadSentences skips fragments and leadBriefing fills the budget from the top', () => {
    const text = 'Berlin.\nDie Regierung ist gescheitert. Neuwahlen folgen im Frühjahr. Die Opposition jubelt laut. Mehr folgt bald.';
    expect(leadSentences(text, 'de', 2)).toEqual(['Die Regierung ist gescheitert.', 'Neuwahlen folgen im Frühjahr.']);
    expect(leadBriefing({ title: 'T', text, language: 'de' }).sentences).toEqual([
      'Die Regierung ist gescheitert.',
      'Neuwahlen folgen im Frühjahr.',
      'Die Opposition jubelt laut.',
    ]);
  });

  it('trimToBudget never cuts an emoji or a flag in half when a sentence has no space to cut at', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const before of [398, 397, 396]) {
      const cut = trimToBudget(`${'字'.repeat(before)}😀🇳🇱${'字'.repeat(100)}`, DEFAULT_BUDGET);
      expect(cut.length).toBeLessThanOrEqual(DEFAULT_BUDGET.maxChars);
      expect(cut.endsWith('…')).toBe(true);
      expect(lone.test(cut)).toBe(false);
      expect(cut).not.toMatch(/🇳…$/u);
    }
  });

  it('trimToBudget leaves a fitting sentence alone', () => {
    expect(trimToBudget('Kort.', DEFAULT_BUDGET)).toBe('Kort.');
  });
});
