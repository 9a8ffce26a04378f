import { describe, expect, it } from 'vitest';
import { MAX_ENTITY_VALUE_CHARS, MIN_ENTITY_EXPANSION_CHARS, parseXmlTree, type XmlElement } from '../../src/feeds/xml-tree.js';

const textOf = (el: XmlElement | null | undefined): string =>
  (el?.children ?? []).map((child) => (typeof child === 'string' ? child : textOf(child))).join('');

describe('DOCTYPE entities in parseXmlTree', () => {
  it('expands a small declared entity in text and attributes, cleanly', () => {
    const tree = parseXmlTree('<!DOCTYPE rss [<!ENTITY site "Zwolle Nieuws">]><rss a="&site;"><t>&site; vandaag</t></rss>', null);
    expect(tree.errors).toEqual([]);
    expect(tree.root?.attrs['a']).toBe('Zwolle Nieuws');
    expect(textOf(tree.root)).toBe('Zwolle Nieuws vandaag');
  });

  it('ignores an entity value above the size cap and leaves its references literal, with a warning', () => {
    const big = 'x'.repeat(MAX_ENTITY_VALUE_CHARS + 1);
    const tree = parseXmlTree(`<!DOCTYPE rss [<!ENTITY big "${big}">]><rss><t>&big;</t></rss>`, null);
    expect(textOf(tree.root)).toBe('&big;');
    expect(tree.errors.join('\n')).toMatch(/entity big longer than/);
  });

  it('stops expanding once the document has grown by its expansion budget, with one warning', () => {
    const value = 'y'.repeat(1000);
    const references = Math.ceil(MIN_ENTITY_EXPANSION_CHARS / value.length) + 50;
    const source = `<!DOCTYPE rss [<!ENTITY e "${value}">]><rss><t>${'&e;'.repeat(references)}</t></rss>`;
    expect(source.length).toBeLessThan(10_000);
    const tree = parseXmlTree(source, null);
    const text = textOf(tree.root);
    expect(text.length).toBeLessThanOrEqual(MIN_ENTITY_EXPANSION_CHARS + 50 * '&e;'.length);
    expect(text.length).toBeLessThan(references * value.length);
    expect(text.endsWith('&e;')).toBe(true);
    expect(tree.errors.filter((e) => e.includes('entity expansion limit'))).toHaveLength(1);
  });
});
