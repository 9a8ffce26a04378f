import { readFileSync, readdirSync } from 'node:fs';
import { parseFeed } from '../src/feeds/parse.js';
import { createSummarizer } from '../src/jobs/summarize-article.js';
import { DEFAULT_BUDGET } from '../src/core/condense/index.js';
const dir = '/work/shared/feeds/corpus/real-news';
const summarize = createSummarizer({ budget: DEFAULT_BUDGET });
const filter = process.argv[2] ?? '';
for (const name of readdirSync(dir).filter((n) => n.includes(filter))) {
  const parsed = await parseFeed({ bytes: readFileSync(`${dir}/${name}`), contentType: null }, { feedId: 'x', feedUrl: 'http://127.0.0.1/f.xml', now: 0 });
  const lang = /-de-/.test(name) ? 'de' : /-zh-/.test(name) ? 'zh' : /uol/.test(name) ? 'pt' : 'en';
  for (const a of parsed.articles.slice(0, Number(process.argv[3] ?? 3))) {
    const b = await summarize(a, { id: 'x', url: '', title: '', language: lang, topics: [], enabled: true, fullText: 'never', weight: 1 } as any, parsed.articles);
    console.log(`## ${name} [${b.method}, ${b.words}w] ${b.headline}\n   ${b.sentences.join(' ⏐ ')}`);
  }
}
