import { describe, expect, it } from 'vitest';
import { condenseArticle, splitSentenceSpans } from '../../src/core/condense/index.js';
import { startsInsideQuote } from '../../src/core/condense/quote-state.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

const insideQuote = (text: string, language: string) => startsInsideQuote(splitSentenceSpans(text, language), language);

describe('a quotation in single quotes, as British and Australian papers write them', () => {
  it('carries over into the next sentence, straight or curly, until it closes', () => {
    expect(insideQuote("'We will not back down. We have the votes,' he said. The vote is on Friday.", 'en')).toEqual([false, true, false]);
    expect(insideQuote('‘It is over. Nobody in the cabinet wants it,’ a senior official said. Talks ended.', 'en')).toEqual([false, true, false]);
    expect(insideQuote("The minister said: 'We are ready. The army is ready.' Parliament votes today.", 'en')).toEqual([false, true, false]);
  });

  it('is not opened by an apostrophe: possessives, elisions, decades, the Dutch elided articles', () => {
    expect(insideQuote("Labour's plan failed. Jones' car was found in a ditch. It was towed away.", 'en')).toEqual([false, false, false]);
    expect(insideQuote("The '90s are back. Rock 'n' roll lives. They love 'em all. It is true.", 'en')).toEqual([false, false, false, false]);
    expect(insideQuote("Het regende. 's Ochtends stond de straat blank. Zo'n man zag 'm niet. Hij ging naar 's-Hertogenbosch. Het is klaar.", 'nl')).toEqual([
      false, false, false, false, false,
    ]);
    expect(insideQuote("Hij kocht twee auto's. ’t Is nog niet voorbij. Morgen weer.", 'nl')).toEqual([false, false, false]);
  });

  it('names its speaker in the sentence, so it stands alone; a bare one does not', () => {
    expect(canStandAlone("'We will not back down from this fight,' the minister said.", 'en')).toBe(true);
    expect(canStandAlone("'We will not back down from this fight', the minister said.", 'en')).toBe(true);
    expect(canStandAlone('‘We will not back down from this fight,’ the minister said.', 'en')).toBe(true);
    expect(canStandAlone("'We will not back down from this fight.'", 'en')).toBe(false);
    expect(canStandAlone("'The workers' pay has been frozen for three years now.'", 'en')).toBe(false);
  });

  it('is never picked by its tail, which closes a quotation opened in another sentence', () => {
    expect(canStandAlone("We have the votes and we will win this fight in parliament,' he said.", 'en')).toBe(false);
    expect(canStandAlone('We have the votes and we will win this fight in parliament,’ he said.', 'en')).toBe(false);
    expect(canStandAlone("The workers' union said on Monday that the strike would go on.", 'en')).toBe(true);
    expect(canStandAlone("He called the plan 'a disgrace' in parliament on Monday.", 'en')).toBe(true);
    expect(canStandAlone('Jones’ lawyers said on Monday that he would appeal.', 'en')).toBe(true);
  });

  it('leaves the rest of a quoted speech out of the briefing', () => {
    const text = [
      'The transport minister said on Monday that the rail strike would not change the government’s plans for the network.',
      "'We will not back down. The rail unions have had our best offer on pay and pensions for the network,' she told reporters.",
      'The unions plan further strikes on the network in January.',
    ].join('\n\n');
    const b = condenseArticle({ title: 'Minister rejects rail unions’ demands', text, language: 'en' });
    expect(b.sentences.length).toBeGreaterThan(0);
    expect(b.sentences.join(' ')).not.toMatch(/best offer/);
  });
});
