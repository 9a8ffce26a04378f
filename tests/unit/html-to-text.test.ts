import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/core/text/html-to-text.js';

describe('htmlToText', () => {
  it('turns block elements into paragraphs separated by a blank line', () => {
    expect(htmlToText('<p>One</p><div>Two</div><h2>Three</h2><ul><li>four</li><li>five</li></ul>')).toBe(
      'One\n\nTwo\n\nThree\n\nfour\n\nfive',
    );
  });

  it('turns a single <br> into a newline and two into a paragraph break', () => {
    expect(htmlToText('a<br>b<br/><br />c')).toBe('a\nb\n\nc');
  });

  it('drops scripts, styles, figures, forms and iframes together with their content', () => {
    const html =
      '<p>Keep</p><script>alert("x")</script><style>p{}</style><figure><img src="a.png"><figcaption>Caption</figcaption></figure>' +
      '<form><button>Send</button></form><iframe src="x">frame</iframe><noscript>ns</noscript><svg><text>s</text></svg><p>this</p>';
    expect(htmlToText(html)).toBe('Keep\n\nthis');
  });

  it('strips other tags and keeps their text, with words not glued together', () => {
    expect(htmlToText('Read <a href="/x" title="a > b">the <b>full</b> story</a>.')).toBe('Read the full story.');
  });

  it('decodes named (HTML5), decimal and hex entities, and turns NBSP into a space', () => {
    expect(htmlToText('<p>caf&eacute;&nbsp;&amp;&#160;th&eacute; &#8211; &#x2019; &hellip;</p>')).toBe('café & thé – ’ …');
  });

  it('does not turn escaped markup into tags', () => {
    expect(htmlToText('&lt;p&gt;not a tag&lt;/p&gt;')).toBe('<p>not a tag</p>');
  });

  it('collapses whitespace within paragraphs and trims', () => {
    expect(htmlToText('  <p>  lots \n\t of   space </p>  ')).toBe('lots of space');
  });

  it('returns plain text unchanged', () => {
    const text = 'Tom & Jerry say 3 < 4 and 5 > 2.\n\nSecond paragraph,\nwith a line.';
    expect(htmlToText(text)).toBe(text);
  });

  it('tolerates unclosed tags, stray < and leftover CDATA wrappers', () => {
    expect(htmlToText('<div>open <b>bold')).toBe('open bold');
    expect(htmlToText('a <3 b')).toBe('a <3 b');
    expect(htmlToText('<![CDATA[<p>wrapped</p>]]>')).toBe('wrapped');
  });

  it('returns an empty string for empty or invisible input', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<script>x</script><!-- c -->')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes entities and leaves unknown ones and bare ampersands alone', () => {
    expect(decodeEntities('&eacute;t&eacute; &amp; &#x41; &bogus; AT&T')).toBe('été & A &bogus; AT&T');
  });
});
