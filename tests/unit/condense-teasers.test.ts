import { describe, expect, it } from 'vitest';
import { condenseArticle, endsCut, plainCutMark, removeBoilerplate, repeatedParagraphs, repeatedSentences, stripReadMore, stripSignOff } from '../../src/core/condense/index.js';

describe('stripReadMore', () => {
  it.each([
    ['Der neue Außenminister hatte eine Schlüsselrolle in der Opposition.[mehr]', 'Der neue Außenminister hatte eine Schlüsselrolle in der Opposition.'],
    ['Nearly half of the members are now fully vaccinated. Read more »', 'Nearly half of the members are now fully vaccinated.'],
    ['De gemeenteraad stemt in met de nieuwe brug. Lees verder…', 'De gemeenteraad stemt in met de nieuwe brug.'],
    ['Le conseil a voté le budget. (suite)', 'Le conseil a voté le budget.'],
    ['The talks went on through the night. Continue reading...', 'The talks went on through the night.'],
    ['„Das war knapp“, sagte sie. [Weiterlesen]', '„Das war knapp“, sagte sie.'],
  ])('cuts the link label from %j', (line, expected) => {
    expect(stripReadMore(line)).toBe(expected);
  });

  it.each([
    '« Il est parti hier soir. »',
    'There is more to come, the minister said.',
    'Die Regierung will mehr',
    'He asked for more.',
  ])('leaves %j as it is', (line) => {
    expect(stripReadMore(line)).toBe(line);
  });
});

describe('endsCut', () => {
  it.each(['The rest have received ...', 'Kiwis abroad found themselves waiting, while those who …', 'The first results are in [&hellip;]'.replace('&hellip;', '…'), 'Er sagte (...)'])(
    'tells %j was cut off',
    (sentence) => expect(endsCut(sentence)).toBe(true),
  );

  it.each(['The rest have received a first dose.', 'Was dann geschah? Niemand weiß es.'])('tells %j is whole', (sentence) => {
    expect(endsCut(sentence)).toBe(false);
  });
});

describe('a teaser the feed cut off', () => {
  const title = 'How many MPs have been fully vaccinated?';

  it('leaves the cut sentence out when whole ones remain', () => {
    const text = 'A stocktake has revealed just four of our MPs are yet to receive a single dose. Meanwhile, nearly half of the members are now fully vaccinated. The rest have received ...';
    const briefing = condenseArticle({ title, text, language: 'en' });
    expect(briefing.sentences).toEqual([
      'A stocktake has revealed just four of our MPs are yet to receive a single dose.',
      'Meanwhile, nearly half of the members are now fully vaccinated.',
    ]);
  });

  it('keeps the cut sentence when it is all there is', () => {
    const text = 'Kiwis abroad who are desperate to get home found themselves waiting in a queue, while those who missed out on ...';
    expect(condenseArticle({ title, text, language: 'en' }).sentences).toEqual([text]);
  });

  it('shows a cut the feed marked in square brackets as a plain ellipsis', () => {
    expect(plainCutMark('Radiant floor heating throughou [...]')).toBe('Radiant floor heating throughou…');
    expect(plainCutMark('The first results are in […]')).toBe('The first results are in…');
    expect(plainCutMark('Er sagte (...)')).toBe('Er sagte (...)');
    const alone = 'Large sunny deck directly next to the kitchen, radiant floor heating throughou [...]';
    expect(condenseArticle({ title: 'Sunny two-bedroom flat', text: alone, language: 'en' }).sentences).toEqual([
      'Large sunny deck directly next to the kitchen, radiant floor heating throughou…',
    ]);
    const html = '<p>The council approved the bridge on Monday. Work starts in spring and takes two years, the alderman said [&#8230;]</p>';
    expect(condenseArticle({ title: 'Bridge approved', html, language: 'en' }).sentences).toEqual(['The council approved the bridge on Monday.']);
  });

  it('leaves a "read more" label out of the briefing', () => {
    const text = 'Fast zwei Wochen nach dem Sturz von Assad hat die neue Führung ein wichtiges Amt besetzt. Der neue Außenminister hatte bereits eine Schlüsselrolle in der Opposition.[mehr]';
    const briefing = condenseArticle({ title: 'Syrische Übergangsregierung benennt Außenminister', text, language: 'de' });
    expect(briefing.sentences.join(' ')).toContain('Schlüsselrolle in der Opposition.');
    expect(briefing.sentences.join(' ')).not.toContain('[mehr]');
  });
});

describe('stripSignOff', () => {
  const signOff = 'was originally published in The Startup on Medium, where people are continuing the conversation by highlighting and responding to this story.';

  it('drops Medium\'s sign-off paragraph, and the sign-off glued after the last sentence', () => {
    expect(stripSignOff(`Why We Left the Cloud ${signOff}`)).toBe('');
    expect(stripSignOff(`We moved every service back in six months. Why We Left the Cloud ${signOff}`)).toBe('We moved every service back in six months.');
    expect(stripSignOff('Notes on v2 was originally published on Medium, where people are continuing the conversation by highlighting and responding to this story.')).toBe('');
  });

  it('leaves a sentence that only mentions Medium as it is', () => {
    const line = 'The essay was originally published on Medium last year.';
    expect(stripSignOff(line)).toBe(line);
  });

  it('keeps the sign-off out of the briefing', () => {
    const html =
      '<p>We moved every service back to our own machines in six months.</p><p>The bill fell by half, and the pager went quiet.</p>' +
      `<hr><p><a href="https://medium.com/p/1">Why We Left the Cloud</a> ${signOff}</p>`;
    const briefing = condenseArticle({ title: 'Why We Left the Cloud', html, language: 'en' });
    expect(briefing.sentences.join(' ')).toContain('six months');
    expect(briefing.sentences.join(' ')).not.toContain('Medium');
  });
});

describe('forum footers', () => {
  it('drops "submitted by" lines and lines of bracketed link labels', () => {
    const text = 'The council approved the new bridge on Monday.\nsubmitted by /u/someone to /r/news\n[link] [1143 comments]';
    expect(removeBoilerplate(text)).toBe('The council approved the new bridge on Monday.');
  });

  it('leaves a post that is only its footer without a briefing sentence', () => {
    const briefing = condenseArticle({ title: 'How the British are seen', text: 'submitted by /u/AngryRedditor to /r/funny\n[link] [1143 comments]', language: 'en' });
    expect(briefing).toMatchObject({ sentences: [], method: 'title-only' });
  });
});

describe('repeatedParagraphs', () => {
  const standing = 'This is the official channel of the evening news, where reports are uploaded every day.';

  it('finds the paragraphs at least three items share, each item counted once', () => {
    const texts = [
      `First report of the day.\n${standing}`,
      `Second report.\n${standing}\n${standing}`,
      `Third report.\n${standing}`,
      `Fourth report.\nFirst report of the day.`,
    ];
    expect([...repeatedParagraphs(texts)]).toEqual([standing]);
  });

  it('finds nothing when only two items share a paragraph', () => {
    expect(repeatedParagraphs([`One.\n${standing}`, `Two.\n${standing}`, 'Three.']).size).toBe(0);
  });
});

describe('repeatedSentences', () => {
  const promo = 'Start your day the right way with a combination of news, sport and entertainment.';

  it('finds a sentence glued into each item\'s own paragraph, which no paragraph comparison sees', () => {
    const texts = [
      `The minister says airlines will decide how full planes will be. ${promo} Weekdays from 6am.`,
      `A local expert explains how he came up with a tracing app. ${promo} Weekdays from 6am on TV.`,
      `Six friends have printed over a thousand face shields.\n${promo}`,
    ];
    expect(repeatedParagraphs(texts).size).toBe(0);
    expect([...repeatedSentences(texts, 'en')]).toEqual([promo]);
  });

  it('finds nothing that only two items share', () => {
    expect(repeatedSentences([`One thing happened today. ${promo}`, `Another thing happened. ${promo}`, 'A third thing.'], 'en').size).toBe(0);
  });

  it('keeps a repeated sentence out of the briefing', () => {
    const text = `The minister says airlines will decide how full planes will be as restrictions ease. ${promo}`;
    expect(condenseArticle({ title: 'Domestic flights', text, language: 'en' }).sentences.join(' ')).toContain('Start your day');
    expect(condenseArticle({ title: 'Domestic flights', text, language: 'en', repeated: new Set([promo]) }).sentences).toEqual([
      'The minister says airlines will decide how full planes will be as restrictions ease.',
    ]);
  });
});

describe('condensing with the feed\'s standing text', () => {
  const about = 'About the channel: the world\'s premium destination for science, exploration and adventure, with scientists and filmmakers who bring you closer to the stories that matter.';
  const text = `A DEA agent describes one of his first sting operations while tracking down a large drug cartel.\n\n${about}`;
  const title = 'Making an undercover drug bust';

  it('leaves the repeated paragraph out', () => {
    const briefing = condenseArticle({ title, text, language: 'en', repeated: new Set([about]) });
    expect(briefing.sentences).toEqual(['A DEA agent describes one of his first sting operations while tracking down a large drug cartel.']);
  });

  it('would have chosen it without the siblings (the test can fail)', () => {
    expect(condenseArticle({ title, text, language: 'en' }).sentences.join(' ')).toContain('premium destination');
  });

  it('keeps the text when every paragraph is repeated', () => {
    const briefing = condenseArticle({ title, text: about, language: 'en', repeated: new Set([about]) });
    expect(briefing.sentences.join(' ')).toContain('premium destination');
  });
});

describe('a feed in a language written without spaces', () => {
  it('condenses Chinese sentence by sentence, each character counting toward "long enough"', () => {
    const text = '在提克里特附近的一轮战事中，伊拉克前总统萨达姆之墓几乎被完全夷平。伊拉克军队正在试图夺回这座城市。';
    const briefing = condenseArticle({ title: '萨达姆之墓在战事中被毁', text, language: 'zh' });
    expect(briefing.method).not.toBe('title-only');
    expect(briefing.sentences[0]).toBe('在提克里特附近的一轮战事中，伊拉克前总统萨达姆之墓几乎被完全夷平。');
  });
});

describe('the last resort when no sentence can stand alone', () => {
  it('is never a line of links', () => {
    const text = 'Visit our website at http://news.example.com Facebook: https://www.facebook.com/example';
    expect(condenseArticle({ title: 'Morning show (7 July 2020)', text, language: 'en' })).toMatchObject({ sentences: [], method: 'title-only' });
  });

  it('is never a byline', () => {
    expect(condenseArticle({ title: 'Relatório acusa militares', text: 'Por Matt Spetalnick e Jason Szep', language: 'pt' }).sentences).toEqual([]);
  });

  it('is still a sentence without final punctuation when that is all there is', () => {
    const text = 'The second season of the cooking show premieres on June 7 with six new episodes';
    expect(condenseArticle({ title: 'Season 2 trailer', text, language: 'en' }).sentences).toEqual([text]);
  });
});

describe('a channel describing itself', () => {
  it('drops "About <name>: …" paragraphs', () => {
    const text = 'Two firemen detail their stories on the morning of the attack.\nAbout National Geographic: National Geographic is the world\'s premium destination for science, exploration, and adventure.';
    expect(removeBoilerplate(text)).toBe('Two firemen detail their stories on the morning of the attack.');
  });

  it('keeps a sentence that merely starts with "About" and a number', () => {
    const text = 'About 700 paratroopers: that is how many were sent back to base on Thursday.';
    expect(removeBoilerplate(text)).toBe(text);
  });
});

describe('a teaser that only repeats the headline', () => {
  const title = "Coronavirus: 'I'm tattooing myself every day in lockdown, but I'm running out of space'";

  it('gives a headline-only briefing rather than the headline twice', () => {
    expect(condenseArticle({ title, text: title, language: 'en' })).toMatchObject({ sentences: [], method: 'title-only' });
  });

  it('still uses the sentences that say more', () => {
    const text = `${title}\nA tattoo artist has covered his legs in new designs since the lockdown began.`;
    expect(condenseArticle({ title, text, language: 'en' }).sentences).toEqual(['A tattoo artist has covered his legs in new designs since the lockdown began.']);
  });
});

describe('the last resort', () => {
  it('is never a fragment that starts in lower case', () => {
    const briefing = condenseArticle({ title: 'Portraits of Afghanistan before the fall', text: 'once again seized power of the country', language: 'en' });
    expect(briefing).toMatchObject({ sentences: [], method: 'title-only' });
  });
});
