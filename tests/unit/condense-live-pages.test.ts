import { describe, expect, it } from 'vitest';
import { condenseArticle, removeBoilerplate } from '../../src/core/condense/index.js';
import { canStandAlone } from '../../src/core/condense/standalone.js';

const POST = 'The prime minister has arrived at the summit in Brussels.';

describe('the furniture of a live page', () => {
  it('is left out: controls, labels and bare time stamps, in en, nl, de and fr', () => {
    const furniture = [
      'Key events', 'Key events (12)', 'Show key events only', 'Live feed', 'Live updates', 'Filters BETA', 'Load more updates',
      'Reuse this content', 'Newest first', 'Belangrijkste gebeurtenissen', 'Die wichtigsten Ereignisse', 'Les moments clés',
      '12.34pm GMT', '14.05 GMT', '2h ago', '1h ago 14.05 GMT', 'From 2h ago', 'Sat 7 Dec 2026 14.05 GMT', '12.34 Uhr', '12:34',
      '14.05 uur', '7 décembre 2026 à 14h05', 'vor 2 Std.', '10 min geleden',
    ];
    const text = [POST, ...furniture, 'Talks are expected to run late into the night.'].join('\n');
    expect(removeBoilerplate(text)).toBe(`${POST}\nTalks are expected to run late into the night.`);
  });

  it('leaves out a key event listed with its time, and keeps a post that opens with a time', () => {
    const text = [
      '1h ago 14.05 GMT Leaders agree on a draft text after a long night of talks in Brussels',
      '12.34pm GMT Prime minister arrives at the summit and says he expects a deal by Friday',
      '14:05 - Het kabinet is gevallen na een lang debat in de Tweede Kamer.',
      'In 2026 the summit was held in Brussels for the third time in a row.',
    ].join('\n');
    expect(removeBoilerplate(text)).toBe(
      '14:05 - Het kabinet is gevallen na een lang debat in de Tweede Kamer.\nIn 2026 the summit was held in Brussels for the third time in a row.',
    );
  });

  it('keeps short lines with numbers that are no time stamps', () => {
    const text = ['Chapter 12', 'Top 10 films of 2026', 'Final score 3 - 1'].join('\n');
    expect(removeBoilerplate(text)).toBe(text);
  });

  it('asks for JavaScript in a sentence no briefing may use, in any of its languages', () => {
    expect(canStandAlone('Please turn on JavaScript in your browser to use the filters and see all the key events of this live blog as they happen.', 'en')).toBe(false);
    expect(canStandAlone('To see this content, enable JavaScript in the settings of your browser.', 'en')).toBe(false);
    expect(canStandAlone('Schakel JavaScript in om de belangrijkste gebeurtenissen van dit liveblog te zien.', 'nl')).toBe(false);
    expect(canStandAlone('Bitte aktivieren Sie JavaScript in Ihrem Browser, um alle Inhalte dieser Seite zu sehen.', 'de')).toBe(false);
    expect(canStandAlone('Veuillez activer JavaScript dans votre navigateur pour voir tous les contenus.', 'fr')).toBe(false);
    expect(canStandAlone('JavaScript is still the most widely used programming language on the web, a survey found.', 'en')).toBe(true);
  });

  it('never makes a briefing, and gives the headline alone rather than a control', () => {
    const html =
      '<div>Key events</div><p><a href="#b1">1h ago 14.05 GMT Leaders agree on a draft text after a long night of talks in Brussels</a></p>' +
      '<p>Please turn on JavaScript in your browser to use the filters and see all the key events of this live blog as they happen.</p>' +
      '<p class="block-time published-time"><time datetime="2026-12-07T14:05:00Z">2.05pm <span class="timezone">GMT</span></time></p>' +
      '<p>Leaders have agreed on a draft text after talking through the night in Brussels.</p><p>Updated at 2.10pm GMT</p>';
    const b = condenseArticle({ title: 'EU summit – live', html, language: 'en' });
    expect(b.sentences).toEqual(['Leaders have agreed on a draft text after talking through the night in Brussels.']);
    const bare = condenseArticle({ title: 'EU summit – live', text: 'Key events\n\nShow key events only\n\n1h ago 14.05 GMT', language: 'en' });
    expect(bare).toMatchObject({ sentences: [], method: 'title-only' });
  });
});
