import { describe, expect, it } from 'vitest';
import { isWallUrl } from '../../src/fulltext/wall-url.js';

describe('isWallUrl', () => {
  it('knows login, subscription and consent pages by a host label or a path segment', () => {
    expect([
      'https://login.example.com/?next=/a',
      'https://www.example.com/account/login?return=%2Fa',
      'https://example.com/signin.php',
      'https://www.example.nl/abonneren/',
      'https://consent.google.com/ml?continue=x',
      'https://myprivacy.dpgmedia.nl/consent?siteKey=1',
    ].filter((url) => !isWallUrl(url))).toEqual([]);
  });

  it('leaves articles alone, also one whose slug says sign-in, and anything that is no URL', () => {
    expect([
      'https://example.com/2026/12/07/how-to-sign-in-safely',
      'https://www.example.com/authors/jane',
      'https://www.bbc.co.uk/news/world-123',
      'not a url',
    ].filter((url) => isWallUrl(url))).toEqual([]);
  });
});
