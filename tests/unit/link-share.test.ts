import { describe, expect, it } from 'vitest';
import { linkShare } from '../../src/fulltext/link-share.js';

describe('linkShare', () => {
  it('is near 1 for a list of headlines', () => {
    expect(linkShare('<h2>Latest</h2><ul><li><a href="/1">Council approves the bridge</a></li><li><a href="/2">Rail strike called off</a></li></ul>')).toBeGreaterThan(0.8);
  });

  it('is low for an article whose links sit inside its sentences', () => {
    const article = '<p>The council approved the <a href="/bridge">new bridge</a> on Tuesday, after a debate of four hours.</p><p>Work starts next year and should be finished in 2027.</p>';
    expect(linkShare(article)).toBeLessThan(0.2);
  });

  it('is 0 for a fragment with no text, and counts no whitespace', () => {
    expect(linkShare('<div> </div>')).toBe(0);
    expect(linkShare('<a href="/">  Home  </a>   ')).toBe(1);
  });
});
