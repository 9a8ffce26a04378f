import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { condenseArticle, parsePlainArticle } from '../../src/core/condense/index.js';

const example = fileURLToPath(new URL('../../../shared/examples/loekasjenko.txt', import.meta.url));
if (!existsSync(example)) console.warn(`example test skipped: ${example} not found (the shared examples live beside the repo)`);
const ownFixture = fileURLToPath(new URL('../fixtures/condense/gemeenteraad.txt', import.meta.url));

function briefOf(path: string): string {
  const article = parsePlainArticle(readFileSync(path, 'utf8'));
  return condenseArticle({ title: '', lead: article.lead, text: article.body, language: 'nl' }).sentences.join(' ');
}

describe.skipIf(!existsSync(example))('the shared Loekasjenko example (needs ../shared/examples)', () => {
  it('says he rejects new elections and is ready to share power, but not under pressure', () => {
    const brief = briefOf(example);
    expect(brief).toMatch(/verkiezingen/);
    expect(brief).toMatch(/niet weten van nieuwe verkiezingen|wees .* af/);
    expect(brief).toMatch(/macht/);
    expect(brief).toMatch(/druk/);
  });
});

describe('the own Dutch example in the same format', () => {
  it('says the council approved the bridge and what it costs', () => {
    const brief = briefOf(ownFixture);
    expect(brief).toMatch(/ingestemd met de bouw van een nieuwe brug/);
    expect(brief).toMatch(/48 miljoen euro/);
  });
});
