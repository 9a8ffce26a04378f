import { describe, expect, it } from 'vitest';
import { condenseArticle, removeBoilerplate } from '../../src/core/condense/index.js';

describe('the text left of an embedded social media post', () => {
  it('is not article text: a line with a tweet’s picture link or a t.co link, its signature, an Instagram credit', () => {
    const text = [
      'The minister replied on Monday night.',
      'We will win this vote, believe me. pic.twitter.com/abc123',
      '— Jane Doe (@janedoe) December 7, 2026',
      'Thank you all for coming to the march today. https://t.co/BAwgd5VZEY',
      'A post shared by National Geographic (@natgeo) on Dec 7, 2026 at 10:12am PST',
      'Ein Beitrag geteilt von Jane Doe (@janedoe) am 7. Dez. 2026 um 10:12 PST',
      'The vote is on Friday.',
    ].join('\n');
    expect(removeBoilerplate(text)).toBe('The minister replied on Monday night.\nThe vote is on Friday.');
  });

  it('keeps a sentence that names an account or quotes a post in the writer’s own words', () => {
    const text = [
      'The minister (@janedoe) wrote on X that the vote would go ahead on Friday.',
      'In a post on Instagram, the singer thanked her fans for their support.',
    ].join('\n');
    expect(removeBoilerplate(text)).toBe(text);
  });

  it('never makes a briefing sentence', () => {
    const html =
      '<p>The minister replied to the opposition on Monday night, hours before the debate.</p>' +
      '<p>We will win this vote in parliament on Friday, believe me. pic.twitter.com/abc123 — Jane Doe (@janedoe) December 7, 2026</p>' +
      '<p>The debate on the budget starts on Thursday morning.</p>';
    const b = condenseArticle({ title: 'Minister confident before budget vote', html, language: 'en' });
    expect(b.sentences.length).toBeGreaterThan(0);
    expect(b.sentences.join(' ')).not.toMatch(/believe me|Jane Doe/);
  });
});
