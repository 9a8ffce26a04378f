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

describe('code', () => {
  it('drops a code block, <pre><code> or a <pre> marked as code, and keeps inline <code> as its text', () => {
    const html =
      '<p>Rust 1.90 ships a new borrow checker.</p>' +
      '<pre><code class="language-rust">// Build the list of users and return it.\nfn main() {\n    let users = vec!["Ann"];\n}\n</code></pre>' +
      '<pre class="wp-block-code">\n<code># Install the package first.\npip install requests</code></pre>' +
      '<pre class="highlight python">Install the package first.</pre>' +
      '<pre class="brush: js">Call the function once.</pre>' +
      '<p>Then run <code>cargo build</code> again and the error is gone.</p>';
    expect(htmlToText(html)).toBe('Rust 1.90 ships a new borrow checker.\n\nThen run cargo build again and the error is gone.');
  });

  it('keeps a <pre> of plain text line by line: some feeds write a whole message in one', () => {
    expect(htmlToText('<pre>The working group met on Monday.\nAll members were present.</pre>')).toBe(
      'The working group met on Monday.\nAll members were present.',
    );
  });
});

describe('embedded social media posts', () => {
  it('drops a tweet, Instagram or TikTok embed with everything in it, and keeps a quoted passage', () => {
    const html =
      '<p>The minister replied on Monday night.</p>' +
      '<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">We will win this vote, believe me. <a href="https://t.co/abc">pic.twitter.com/abc123</a></p>' +
      '&mdash; Jane Doe (@janedoe) <a href="https://twitter.com/janedoe/status/1?ref_src=twsrc%5Etfw">December 7, 2026</a></blockquote>' +
      '<script async src="https://platform.twitter.com/widgets.js"></script>' +
      '<blockquote class="instagram-media" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/x/">View this post on Instagram</a>' +
      '<p><a href="https://www.instagram.com/p/x/">A post shared by Jane Doe (@janedoe)</a></p></div></blockquote>' +
      '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@janedoe/video/1" data-video-id="1"><section>' +
      '<a href="https://www.tiktok.com/@janedoe">@janedoe</a> We marched all the way to parliament today. <a href="x">♬ original sound - Jane Doe</a></section></blockquote>' +
      '<blockquote><p>The law shall apply to every citizen alike.</p></blockquote><p>The vote is on Friday.</p>';
    expect(htmlToText(html)).toBe('The minister replied on Monday night.\n\nThe law shall apply to every citizen alike.\n\nThe vote is on Friday.');
  });

  it('drops what is left of a tweet when a feed stripped its wrapper, and keeps a right-to-left paragraph', () => {
    const html =
      '<p>Ipswich confirmed the deal in the evening.</p>' +
      '<p lang="en" dir="ltr">Town have completed the signing of Barry Cotter from Limerick for an undisclosed fee ' +
      '<a href="https://twitter.com/hashtag/itfc?src=hash&amp;ref_src=twsrc%5Etfw">#itfc</a><br><br> <a href="https://t.co/BAwgd5VZEY">https://t.co/BAwgd5VZEY</a></p>' +
      '<p lang="en" dir="ltr">Full-page letter from the singer in today&#39;s paper: thank you <a href="https://t.co/Z86">pic.twitter.com/Z86</a></p>' +
      '<p lang="ar" dir="rtl">قال الوزير إن التصويت سيجري يوم الجمعة.</p>';
    expect(htmlToText(html)).toBe('Ipswich confirmed the deal in the evening.\n\nقال الوزير إن التصويت سيجري يوم الجمعة.');
  });
});

describe('decodeEntities', () => {
  it('decodes entities and leaves unknown ones and bare ampersands alone', () => {
    expect(decodeEntities('&eacute;t&eacute; &amp; &#x41; &bogus; AT&T')).toBe('été & A &bogus; AT&T');
  });
});
