import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, condenseArticle, trimToBudget } from '../../src/core/condense/index.js';
import { countWords } from '../../src/core/condense/tokenize.js';

// Invented Chinese sentences of about 35 characters (some 18 words) each: four of them are more
// than a 60-word briefing's worth of reading.
const SENTENCES = [
  '市政府周一宣布，从下个月起全市公交车将全部改用电力驱动，以减少空气污染。',
  '官员表示，这项计划预计耗资二十亿元，资金将来自中央政府的专项补贴。',
  '部分市民担心票价会因此上涨，但交通局长说票价在未来三年内不会调整。',
  '该市去年已有一半的出租车改用电力驱动，空气质量明显改善。',
];

describe('the word budget in scripts written without spaces', () => {
  it('counts Chinese and Japanese in words, not as one word a sentence nor one a character', () => {
    const chinese = '全市公交车将全部改用电力';
    expect(countWords(chinese)).toBeGreaterThan(2);
    expect(countWords(chinese)).toBeLessThan(chinese.length);
    expect(countWords('東京で新しいバス')).toBeGreaterThan(2);
    expect(countWords('时报新设Instagram账号')).toBeGreaterThan(3);
    expect(countWords('The city buys 40 electric buses.')).toBe(6);
  });

  it('keeps a Chinese briefing within the word budget: three long sentences do not fit', () => {
    const long = [0, 1, 2].map((i) => `${SENTENCES[i]?.slice(0, -1)}，${SENTENCES[3]}`);
    const b = condenseArticle({ title: '全市公交车将全部改用电力', text: long.join(''), language: 'zh' });
    expect(b.sentences.length).toBeGreaterThanOrEqual(1);
    expect(b.sentences.length).toBeLessThan(3);
    expect(b.words).toBeLessThanOrEqual(DEFAULT_BUDGET.maxWords);
    expect(b.words).toBe(countWords(b.sentences.join('')));
  });

  it('cuts an over-long Chinese sentence within the word budget, at a comma when there is one', () => {
    const long = SENTENCES.join('').replaceAll('。', '，');
    const cut = trimToBudget(long, DEFAULT_BUDGET);
    expect(countWords(cut)).toBeLessThanOrEqual(DEFAULT_BUDGET.maxWords);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long.charAt(cut.length - 1)).toBe('，');
  });
});
