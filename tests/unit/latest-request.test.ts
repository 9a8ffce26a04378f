import { describe, expect, it } from 'vitest';
import { readRecentButton, recentButton } from '../../src/bot/latest-recent-button.js';
import { readLatestRequest } from '../../src/core/latest-request.js';
import { messagesFor } from '../../src/i18n/index.js';

describe('readLatestRequest', () => {
  it('shows 5 of the chat\'s own feeds when nothing is asked for', () => {
    expect(readLatestRequest([])).toEqual({ count: 5, cappedAt: undefined, words: [] });
  });

  it('takes the count wherever it stands among the topics and feeds', () => {
    expect(readLatestRequest(['tech', '3', 'nos-algemeen'])).toEqual({ count: 3, cappedAt: undefined, words: ['tech', 'nos-algemeen'] });
  });

  it('gives at most 20 and says it capped', () => {
    expect(readLatestRequest(['50'])).toEqual({ count: 20, cappedAt: 20, words: [] });
    expect(readLatestRequest(['20'])).toMatchObject({ count: 20, cappedAt: undefined });
  });

  it('refuses a count that is not a whole number from 1 up, or two counts', () => {
    for (const args of [['0'], ['-3'], ['1.5'], ['2,5'], ['2', '3']]) expect(readLatestRequest(args)).toBeNull();
  });
});

describe('the recent button of /latest', () => {
  const msg = messagesFor('en');

  it('reads back what it was drawn with', () => {
    const [[button]] = recentButton(msg, { count: 5, filter: ['tech', 'nos-algemeen'] }) as [[{ text: string; data: string }]];
    expect(button.data).toBe('latest:recent:5:tech,nos-algemeen');
    expect(readRecentButton(button.data.split(':').slice(1))).toEqual({ count: 5, filter: ['tech', 'nos-algemeen'] });
    expect(recentButton(msg, { count: 2, filter: [] })?.[0]?.[0]?.data).toBe('latest:recent:2');
  });

  it('draws no button for a filter too long for Telegram\'s 64 bytes of callback data', () => {
    expect(recentButton(msg, { count: 5, filter: ['a'.repeat(30), 'b'.repeat(30)] })).toBeUndefined();
  });

  it('ignores forged data: another action, or a count out of range', () => {
    for (const data of [['other', '5'], ['recent', '0'], ['recent', '21'], ['recent', 'x']]) expect(readRecentButton(data)).toBeNull();
  });
});
