import { describe, expect, it } from 'vitest';
import { recoverXml } from '../../src/feeds/recover-xml.js';
import { parseXmlTree } from '../../src/feeds/xml-tree.js';

describe('recoverXml', () => {
  it('escapes bare ampersands and replaces undeclared HTML entities, leaving XML ones and CDATA alone', () => {
    const out = recoverXml('<rss><t>A & B &eacute; &amp; &lt; &#233;</t><c><![CDATA[x & y &eacute;]]></c></rss>');
    expect(out).toBe('<rss><t>A &amp; B é &amp; &lt; &#233;</t><c><![CDATA[x & y &eacute;]]></c></rss>');
  });

  it('strips control characters, drops garbage after the root and closes a truncated document', () => {
    expect(recoverXml('<rss><a>x\u0001y</a></rss>junk<more/>')).toBe('<rss><a>xy</a></rss>');
    expect(recoverXml('<rss><channel><item><title>T</title></item><item><ti')).toBe(
      '<rss><channel><item><title>T</title></item><item></item></channel></rss>',
    );
    expect(recoverXml('<rss><channel></channel></rss')).toBe('<rss><channel></channel></rss>');
  });
});

describe('parseXmlTree', () => {
  it('reports a clean document as clean', () => {
    const tree = parseXmlTree('<?xml version="1.0"?><rss version="2.0"><channel><title>a &amp; b</title></channel></rss>', null);
    expect(tree.errors).toEqual([]);
    expect(tree.root?.local).toBe('rss');
  });

  it('resolves namespaces and xml:base, and records problems instead of failing', () => {
    const tree = parseXmlTree('<a:feed xmlns:a="http://www.w3.org/2005/Atom" xml:base="sub/"><a:entry>x &eacute; & y</a:entry>', 'https://e.com/dir/f.xml');
    const entry = tree.root?.children[0];
    expect(tree.root?.ns).toBe('http://www.w3.org/2005/Atom');
    expect(typeof entry === 'object' && entry.base).toBe('https://e.com/dir/sub/');
    expect(typeof entry === 'object' && entry.children[0]).toBe('x é & y');
    expect(tree.errors.length).toBeGreaterThan(0);
  });

  it('reads tags with spaces, attributes without quotes or values, and broken or unclosed tags as a reader would', () => {
    const tree = parseXmlTree('<r ><a  x=1 y=\'2\' z= "3" flag / ><b\u00a0>t</b\u00a0 ><c /><d id="4"></ d >', null);
    const [a, b, c, d] = (tree.root?.children ?? []) as Array<Exclude<NonNullable<typeof tree.root>['children'][number], string>>;
    expect(a).toMatchObject({ name: 'a', attrs: { x: '1', y: '2', z: '3', flag: '' }, children: [] });
    expect(b).toMatchObject({ name: 'b', children: ['t'] });
    expect(c).toMatchObject({ name: 'c', children: [] });
    expect(d).toMatchObject({ name: 'd', attrs: { id: '4' } });
    expect(tree.errors).toEqual(['document truncated: unclosed elements']);

    const broken = parseXmlTree('<r><a x="1" <b>t</b></a></r', null);
    expect(broken.errors).toEqual(expect.arrayContaining(['malformed start tag <a>', 'end tag </r> not closed']));
    expect(broken.root?.children[0]).toMatchObject({ name: 'a', children: [{ name: 'b', children: ['t'] }] });

    const stray = parseXmlTree('<r></></x>ok</r>', null);
    expect(stray.errors).toEqual(['stray end tag </>', 'stray end tag </x>']);
    expect(stray.root?.children).toEqual(['>', 'ok']);
  });
});
