import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/core/text/mojibake.js';
import { parseFeed } from '../../src/feeds/parse.js';

describe('repairMojibake', () => {
  it.each([
    ["didn't meet expectations â€“ despite", "didn't meet expectations – despite"],
    ['CafÃ© au lait, crÃ¨me brÃ»lÃ©e', 'Café au lait, crème brûlée'],
    ['â€œHelloâ€\u009d, he said. Itâ€™s 5Â°C.', '“Hello”, he said. It’s 5°C.'],
    ['Wait for itâ€¦', 'Wait for it…'],
    ['Prijs: 5 â‚¬', 'Prijs: 5 €'],
  ])('reads %j back as %j', (broken, repaired) => {
    expect(repairMojibake(broken)).toBe(repaired);
  });

  it.each([
    'Ærø and Århus', 'Déjà vu — “quoted” and it’s 5 °C', 'SÃO PAULO and NÃO', 'Le château âgé', 'Ã', '',
  ])('leaves real text alone: %j', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('keeps a sequence that does not read back as UTF-8', () => {
    expect(repairMojibake('â€x and Ã\u00bfÂ')).toBe('â€x and ÿÂ');
  });
});

describe('a feed whose CMS double-encoded its text', () => {
  it('gives the title, text and author as they were written; the markup stays as sent', async () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title><item>
      <title>Partner resigns â€“ board â€˜not satisfiedâ€™</title><guid>a1</guid>
      <description>&lt;p&gt;The firmâ€™s board met on Monday.&lt;/p&gt;</description><author>RenÃ©e Dupont</author>
    </item></channel></rss>`;
    const [article] = (await parseFeed(doc, { feedId: 'nz', feedUrl: 'https://news.example/feed', now: 0 })).articles;
    expect(article?.title).toBe('Partner resigns – board ‘not satisfied’');
    expect(article?.summary).toBe('The firm’s board met on Monday.');
    expect(article?.author).toBe('Renée Dupont');
    expect(article?.summaryHtml).toBe('<p>The firmâ€™s board met on Monday.</p>');
  });
});
