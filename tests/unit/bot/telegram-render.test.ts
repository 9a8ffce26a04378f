import { describe, expect, it } from 'vitest';
import type { StoredBriefing } from '../../../src/core/types.js';
import { escapeHtml, htmlToPlainText, link } from '../../../src/telegram/html.js';
import { joinSentences, renderBriefing } from '../../../src/telegram/render-briefing.js';
import { withoutTrackingParams } from '../../../src/core/tracking-params.js';
import { articleIdentity } from '../../../src/core/dedupe.js';
import { packMessages, splitMessage, truncateHtml } from '../../../src/telegram/split-message.js';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';

const briefing = (over: Partial<StoredBriefing> = {}): StoredBriefing => ({
  headline: 'Dijken houden stand',
  sentences: ['Het water staat hoog.', 'Niemand raakte gewond.'],
  language: 'nl',
  words: 8,
  chars: 44,
  method: 'extractive',
  articleId: 'a1',
  feedId: 'nos',
  url: 'https://nos.nl/artikel/1',
  publishedAt: 0,
  createdAt: 0,
  ...over,
});

describe('escaping feed text for Telegram HTML', () => {
  it('escapes &, <, > and the quote', () => {
    expect(escapeHtml('a & b <c> "d"')).toBe('a &amp; b &lt;c&gt; &quot;d&quot;');
  });

  it('keeps a hostile headline and sentence visible but inert', () => {
    const html = renderBriefing(
      briefing({ headline: '<script>alert(1)</script> & <b>bold', sentences: ['Tom & Jerry </i> "quoted" <a href="x">'] }),
      'Evil <Feed>',
    );
    expect(checkTelegramHtml(html)).toBeNull();
    expect(html).not.toContain('<script>');
    expect(htmlToPlainText(html)).toContain('<script>alert(1)</script> & <b>bold');
  });

  it('shortens only a headline too long for a message, between words, so the sentences and the link stay', () => {
    const long = renderBriefing(briefing({ headline: `Breaking & ${'très long 📰 '.repeat(600)}` }), 'Src');
    expect(long.length).toBeLessThan(4096 - 100);
    expect(checkTelegramHtml(long)).toBeNull();
    expect(long.split('\n').slice(1)).toEqual(['Het water staat hoog. Niemand raakte gewond.', '— <a href="https://nos.nl/artikel/1">Src</a>']);
    expect(long).toMatch(/^<b>Breaking &amp; très long 📰 (très long 📰 )*(très|très long|très long 📰)…<\/b>\n/u);
    const headline = `${'Een kop van gewone lengte, '.repeat(100)}einde`;
    expect(renderBriefing(briefing({ headline }), 'Src')).toContain(`<b>${headline}</b>`);
  });

  it('starts an untitled item with its sentences, without an empty bold line', () => {
    const html = renderBriefing(briefing({ headline: '', sentences: ['Het kabinet presenteerde een plan.'] }), 'Src');
    expect(html.split('\n')[0]).toBe('Het kabinet presenteerde een plan.');
    expect(html).not.toContain('<b></b>');
  });

  it('links to the article without the feed\'s tracking parameters, keeping the others and the fragment', () => {
    const html = renderBriefing(briefing({ url: 'https://news.example/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x#top' }), 'Src');
    expect(html).toContain('<a href="https://news.example/a?id=7#top">Src</a>');
    expect(withoutTrackingParams('https://news.example/a?b=2&a=1')).toBe('https://news.example/a?b=2&a=1');
    expect(withoutTrackingParams('not a url?utm_source=x')).toBe('not a url?utm_source=x');
  });

  it('leaves out publishers\' own tracking parameters too, without changing which article a link is', () => {
    const url = 'https://www.dailymail.co.uk/news/article-1/Storm.html?ns_mchannel=rss&ito=1490&ns_campaign=1490';
    expect(renderBriefing(briefing({ url }), 'Src')).toContain('<a href="https://www.dailymail.co.uk/news/article-1/Storm.html">Src</a>');
    expect(withoutTrackingParams('https://www.washingtonpost.com/a.html?wprss=rss_wellness&page=2')).toBe('https://www.washingtonpost.com/a.html?page=2');
    // Stored articles keep their identity: dropping `ito` from it would announce them again.
    expect(articleIdentity({ guid: url, url, title: 'Storm', publishedAt: null })).toBe('guid:https://www.dailymail.co.uk/news/article-1/Storm.html?ito=1490');
  });

  it('leaves the other parameters exactly as the feed spelled them, so a signed query still opens', () => {
    expect(withoutTrackingParams('https://news.example/s?q=a%20b&utm_source=rss&t=x+y&sig=Ab%2Fc%3D')).toBe('https://news.example/s?q=a%20b&t=x+y&sig=Ab%2Fc%3D');
    expect(withoutTrackingParams('https://news.example/a?utm_source=rss&fbclid=1')).toBe('https://news.example/a');
    expect(withoutTrackingParams('https://news.example/a?utm%5Fsource=rss&flag#p2')).toBe('https://news.example/a?flag#p2');
  });

  it('links only to http(s) URLs and escapes the quote inside href', () => {
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://example.org/a?b="c"&d=<e>', 'src')).toBe('<a href="https://example.org/a?b=%22c%22&amp;d=%3Ce%3E">src</a>');
    expect(link(null, 'a & b')).toBe('a &amp; b');
  });
});

describe('the sentences of a briefing', () => {
  it('breaks the line after a sentence without a closing full stop, so it does not run into the next', () => {
    const html = renderBriefing(
      briefing({ sentences: ['The pressure made it difficult to do her job, a statement said', 'The director of US Centers for Disease Control resigned.'] }),
      'Src',
    );
    // The terminal chat shows the same item as plain text, with the same line break.
    expect(htmlToPlainText(html)).toContain('a statement said\nThe director');
    expect(html.split('\n')).toEqual([
      '<b>Dijken houden stand</b>',
      'The pressure made it difficult to do her job, a statement said',
      'The director of US Centers for Disease Control resigned.',
      '— <a href="https://nos.nl/artikel/1">Src</a>',
    ]);
  });

  it('keeps them on one line after sentence-final punctuation, also before closing quotes and brackets', () => {
    expect(renderBriefing(briefing(), 'Src')).toContain('Het water staat hoog. Niemand raakte gewond.');
    for (const end of ['„Wir bleiben.“', 'He said: “We stay.”', '« On reste. »', 'Sie sagte: »Wir bleiben.«', '‘We stay.’', '(Er blieb.)', '[Er blieb.]', 'Wait…', 'Stop!', 'Why?']) {
      expect(joinSentences([end, 'Next.'])).toBe(`${end} Next.`);
    }
  });

  it('puts no space after a Chinese or Japanese full-width stop, as those scripts are written', () => {
    for (const end of ['他说。', '真的！', '是吗？', '他说：“走吧。”', '「行きます。」']) {
      expect(joinSentences([end, '下一句。'])).toBe(`${end}下一句。`);
    }
    expect(joinSentences(['工厂关闭。', '3月12日，工人回家。'])).toBe('工厂关闭。3月12日，工人回家。');
  });

  it('adds nothing to what the journalist wrote and escapes it as before', () => {
    expect(joinSentences(['Prices rose 5 % in May', 'Rents: up 3 %'])).toBe('Prices rose 5 % in May\nRents: up 3 %');
    const html = renderBriefing(briefing({ sentences: ['A & B <merge>', 'C "quoted".'] }), 'Src');
    expect(html).toContain('A &amp; B &lt;merge&gt;\nC &quot;quoted&quot;.');
    expect(checkTelegramHtml(html)).toBeNull();
  });
});

describe('splitting long answers', () => {
  it('packs items into messages of at most the limit, breaking only between items', () => {
    const items = Array.from({ length: 50 }, (_, i) => `<b>item ${i}</b>\n${'x'.repeat(180)} &amp; more`);
    const parts = splitMessage(items, 1000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(checkTelegramHtml(part)).toBeNull();
    }
    expect(parts.join('\n\n')).toBe(items.join('\n\n'));
  });

  it('counts UTF-16 units, so emoji count double', () => {
    const item = '📰'.repeat(30);
    expect(item.length).toBe(60);
    expect(splitMessage([item, item], 100)).toEqual([item, item]);
    expect(splitMessage([item, item], 122)).toEqual([`${item}\n\n${item}`]);
  });

  it('says which items each message carries, so each can be recorded once its message was sent', () => {
    const packed = packMessages(['head', 'a'.repeat(40), '', 'b'.repeat(40), 'c'.repeat(40)], 100);
    expect(packed.map((message) => message.items)).toEqual([[0, 1, 3], [4]]);
    expect(packed.map((message) => message.text)).toEqual(splitMessage(['head', 'a'.repeat(40), '', 'b'.repeat(40), 'c'.repeat(40)], 100));
  });

  it('opens a later message with what it continues, still within the limit', () => {
    const items = ['head', `<i>${'a'.repeat(90)}</i>`, `<i>${'b'.repeat(90)}</i>`];
    const parts = splitMessage(items, 100, '\n\n', (index) => (index === 0 ? '' : '<b>World (continued)</b>'));
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe('head');
    for (const part of parts.slice(1)) {
      expect(part.startsWith('<b>World (continued)</b>\n\n<i>')).toBe(true);
      expect(part.length).toBeLessThanOrEqual(100);
      expect(checkTelegramHtml(part)).toBeNull();
    }
  });

  it('shortens a single oversized item without cutting a tag, an entity or an emoji', () => {
    const item = `<b>${'a&amp;b 📰 '.repeat(100)}</b>`;
    const cut = truncateHtml(item, 101);
    expect(cut.length).toBeLessThanOrEqual(101);
    expect(cut.endsWith('…</b>')).toBe(true);
    expect(checkTelegramHtml(cut)).toBeNull();
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});
