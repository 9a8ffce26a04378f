import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_FEEDS, buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

let nextGroup = -1_000_100;
const ADMIN = { id: 3001, first_name: 'Ada', language_code: 'en' };
const MEMBER = { id: 3002, first_name: 'Max', language_code: 'en' };
const NL_ADMIN = { id: 3003, first_name: 'Joke', language_code: 'nl' };
const BEN_IN_PRIVATE = { id: 3004, first_name: 'Ben', language_code: 'en' };

function newGroup(admin = ADMIN) {
  const group = { id: nextGroup--, type: 'supergroup' as const, title: 'Newsroom' };
  h.emulator.addChat(group);
  h.emulator.setMember(group.id, admin.id, 'administrator');
  return group;
}

describe('in a group', () => {
  it('answers /cmd@botname and ignores commands addressed to another bot', async () => {
    const group = newGroup();
    h.emulator.sendText(MEMBER, '/help@some_other_bot', group);
    const [reply] = await say(h, MEMBER, '/help@newsbrief_test_bot', group);
    expect(reply!.text).toContain('What I can do');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(1);
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ chatType: 'supergroup', title: 'Newsroom' });
  });

  it('gives an unknown-command hint only when addressed to this bot', async () => {
    const group = newGroup();
    h.emulator.sendText(MEMBER, '/frobnicate', group);
    const [reply] = await say(h, MEMBER, '/frobnicate@newsbrief_test_bot', group);
    expect(reply!.text).toContain('/help');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(1);
  });

  it('answers a command in the reader\'s language only when addressed to this bot, as any unknown command', async () => {
    const group = newGroup();
    h.emulator.sendText(MEMBER, '/hilfe', group);
    const [reply] = await say(h, MEMBER, '/zeit@newsbrief_test_bot 07:30', group);
    // With the mention, so that the copy reaches this bot among others in the group.
    expect(reply!.text).toContain('Did you mean <code>/time@newsbrief_test_bot 07:30</code>?');
    expect((await say(h, MEMBER, '/hilfe@newsbrief_test_bot', group))[0]!.text).toContain('Did you mean /help?');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(2);
  });

  it('answers in the forum topic a command came from, also when it does not know the command', async () => {
    const group = newGroup();
    const inTopic = { is_topic_message: true, message_thread_id: 77 };
    const answer = async (text: string) => {
      const before = h.emulator.messagesTo(group.id).length;
      h.emulator.sendText(MEMBER, text, group, inTopic);
      return (await h.emulator.waitForMessages(group.id, 1, before))[0]!;
    };
    expect(await answer('/help@newsbrief_test_bot')).toMatchObject({ message_thread_id: 77 });
    expect(await answer('/tiem@newsbrief_test_bot 07:30')).toMatchObject({ message_thread_id: 77 });
  });

  it('runs a command typed as the caption of a photo, for this bot only', async () => {
    const group = newGroup();
    h.emulator.sendPhoto(ADMIN, '/subscribe@some_other_bot world', group);
    h.emulator.sendPhoto(ADMIN, 'a picture of the newsroom', group);
    h.emulator.sendPhoto(ADMIN, '/subscribe@newsbrief_test_bot world', group);
    const [reply] = await h.emulator.waitForMessages(group.id, 1);
    expect(reply!.text).toContain('Now following: <b>World</b>');
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: ['world'] });
    const before = h.emulator.messagesTo(MEMBER.id).length;
    h.emulator.sendPhoto(MEMBER, '/help time');
    expect((await h.emulator.waitForMessages(MEMBER.id, 1, before))[0]!.text).toContain('/time');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(1);
  });

  it('sends a forum group\'s digests to the topic where an admin last changed its settings, and answers buttons there', async () => {
    const forum = { ...newGroup(), is_forum: true };
    h.emulator.addChat(forum);
    const inTopic = (id: number) => ({ is_topic_message: true, message_thread_id: id });
    const answer = async (from: typeof ADMIN, text: string, extra: Record<string, unknown> = {}) => {
      const before = h.emulator.messagesTo(forum.id).length;
      h.emulator.sendText(from, text, forum, extra);
      return (await h.emulator.waitForMessages(forum.id, 1, before))[0]!;
    };
    await answer(ADMIN, '/subscribe world', inTopic(77));
    expect(h.deps.subscribers.find(forum.id)).toMatchObject({ topics: ['world'], threadId: 77 });
    // Looking, or a member's refused change, moves nothing.
    await answer(MEMBER, '/time', inTopic(78));
    await answer(MEMBER, '/time 09:00', inTopic(78));
    expect(h.deps.subscribers.find(forum.id)?.threadId).toBe(77);
    const settings = await answer(MEMBER, '/settings', inTopic(79));
    expect(settings.message_thread_id).toBe(79);
    await press(h, ADMIN, settings, 'set:digest', forum);
    expect(h.deps.subscribers.find(forum.id)).toMatchObject({ digestTime: null, threadId: 79 });
    await answer(ADMIN, '/time 08:00');
    expect(h.deps.subscribers.find(forum.id)).toMatchObject({ digestTime: '08:00', threadId: null });
  });

  it('lets only group admins change settings, but anyone read them', async () => {
    const group = newGroup();
    expect((await say(h, MEMBER, '/subscribe@newsbrief_test_bot world', group))[0]!.text).toBe('Only the admins of this group can change its settings.');
    expect((await say(h, MEMBER, '/time 08:00', group))[0]!.text).toContain('Only the admins');
    expect((await say(h, MEMBER, '/stop', group))[0]!.text).toContain('Only the admins');
    expect((await say(h, MEMBER, '/time', group))[0]!.text).toContain('<b>07:30</b>');
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: [], digestTime: '07:30', active: true });
    expect((await say(h, ADMIN, '/subscribe world', group))[0]!.text).toContain('Now following: <b>World</b>');
    expect((await say(h, ADMIN, '/time 08:00', group))[0]!.text).toContain('<b>08:00</b>');
    expect(h.emulator.callsOf('getChatMember').some((call) => Number(call.params.user_id) === MEMBER.id)).toBe(true);
  });

  it('/stop offers to delete the chat\'s data, which in a group is not the admin\'s own', async () => {
    const group = newGroup(NL_ADMIN);
    const [stopped] = await say(h, NL_ADMIN, '/stop', group);
    expect(buttons(stopped!).map((button) => button.text)).toEqual(['Wis de gegevens van deze chat']);
    const [english] = await say(h, BEN_IN_PRIVATE, '/stop');
    expect(buttons(english!).map((button) => button.text)).toEqual(['Delete this chat\'s data']);
  });

  it('lets an anonymous admin (writing as the group) change settings', async () => {
    const group = newGroup();
    const [reply] = await say(h, { id: 1087968824, first_name: 'Group' }, '/subscribe tech', group);
    expect(reply!.text).toContain('Now following');
  });

  it('refuses a non-admin\'s button press with a notice and keeps the settings', async () => {
    const group = newGroup();
    const [settings] = await say(h, MEMBER, '/settings', group);
    const answer = await press(h, MEMBER, settings!, 'set:digest', group);
    expect(answer.params.text).toBe('Only the admins of this group can change its settings.');
    expect(h.deps.subscribers.find(group.id)?.digestTime).toBe('07:30');
    expect(settings!.edits).toBe(0);
    await press(h, ADMIN, settings!, 'set:digest', group);
    expect(settings!.text).toContain('Daily digest: off');
  });

  it('lets any member page through the subscribe keyboard and close it, while its toggles stay the admins\'', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...TEST_FEEDS[1]!, id: `wire-${i}`, title: `Wire service ${i}`, url: `https://feeds.example/wire-${i}` }));
    const own = await startHarness({ deps: { feeds: () => many } });
    try {
      const group = { id: -1_000_900, type: 'supergroup' as const, title: 'Wires' };
      own.emulator.addChat(group);
      own.emulator.setMember(group.id, ADMIN.id, 'administrator');
      own.emulator.sendText(MEMBER, '/subscribe', group, { is_topic_message: true, message_thread_id: 77 });
      const [keyboard] = await own.emulator.waitForMessages(group.id, 1);
      const notice = await press(own, MEMBER, keyboard!, 'sub:p:1', group);
      expect(notice.params.text).toBeUndefined();
      expect(buttons(keyboard!).map((button) => button.text)).toEqual(expect.arrayContaining(['‹', '2/3', '›']));
      // Paging is no setting: it does not move the group's digests to the member's forum topic either.
      expect(keyboard!.message_thread_id).toBe(77);
      expect(own.deps.subscribers.find(group.id)?.threadId).toBeNull();
      expect((await press(own, MEMBER, keyboard!, 'sub:f:wire-30', group)).params.text).toBe('Only the admins of this group can change its settings.');
      expect(own.deps.subscribers.find(group.id)?.feeds).toEqual([]);
      await press(own, ADMIN, keyboard!, 'sub:f:wire-30', group);
      expect(own.deps.subscribers.find(group.id)?.feeds).toEqual(['wire-30']);
      await press(own, MEMBER, keyboard!, 'sub:done', group);
      expect(keyboard!.text).toBe('You follow <b>Wire service 30</b>.');
      // The settings' "topics" button only opens the keyboard.
      const [settings] = await say(own, MEMBER, '/settings', group);
      await press(own, MEMBER, settings!, 'set:topics', group);
      expect(buttons(settings!).map((button) => button.text)).toContain('1/3');
    } finally {
      await own.close();
    }
  });

  it('speaks the language of the member who first talked to it, and switches on an admin\'s /language', async () => {
    const group = newGroup(NL_ADMIN);
    expect((await say(h, NL_ADMIN, '/start@newsbrief_test_bot', group))[0]!.text).toContain('Hallo!');
    expect((await say(h, MEMBER, '/latest', group))[0]!.text).toContain('Er zijn nog geen briefings');
    expect((await say(h, NL_ADMIN, '/language en', group))[0]!.text).toContain('I will speak English');
  });

  it('follows a group that became a supergroup, and marks a group that removed the bot inactive', async () => {
    const group = { id: -4242, type: 'group' as const, title: 'Old group' };
    h.emulator.setMember(group.id, ADMIN.id, 'creator');
    await say(h, ADMIN, '/subscribe world', group);
    h.emulator.sendText(ADMIN, '', group, { migrate_to_chat_id: -1004242 });
    await h.emulator.waitFor(() => h.deps.subscribers.find(-1004242));
    expect(h.deps.subscribers.find(-1004242)).toMatchObject({ topics: ['world'], chatType: 'supergroup' });
    expect(h.deps.subscribers.find(group.id)).toBeNull();

    h.emulator.pushUpdate({
      my_chat_member: {
        chat: { id: -1004242, type: 'supergroup', title: 'Old group' },
        from: { id: ADMIN.id, is_bot: false, first_name: 'Ada' },
        date: 0,
        old_chat_member: { status: 'member', user: h.emulator.botUser },
        new_chat_member: { status: 'kicked', user: h.emulator.botUser, until_date: 0 },
      },
    });
    await h.emulator.waitFor(() => h.deps.subscribers.find(-1004242)?.active === false);
  });

  it('takes up a group\'s digests again once the bot is added back, but not a group that chose /stop', async () => {
    const group = newGroup();
    const botIs = (chat: { id: number; type: string; title: string }, status: string, old: string) => h.emulator.pushUpdate({
      my_chat_member: {
        chat, from: { id: ADMIN.id, is_bot: false, first_name: 'Ada' }, date: 0,
        old_chat_member: { status: old, user: h.emulator.botUser },
        new_chat_member: { status, user: h.emulator.botUser },
      },
    });
    await say(h, ADMIN, '/subscribe world', group);
    botIs(group, 'left', 'member');
    await h.emulator.waitFor(() => h.deps.subscribers.find(group.id)?.active === false);
    botIs(group, 'member', 'left');
    await h.emulator.waitFor(() => h.deps.subscribers.find(group.id)?.active === true);
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: ['world'], digestTime: '07:30' });

    const stopped = newGroup();
    await say(h, ADMIN, '/subscribe world', stopped);
    await say(h, ADMIN, '/stop', stopped);
    botIs(stopped, 'left', 'member');
    botIs(stopped, 'administrator', 'left');
    botIs(group, 'left', 'member');
    await h.emulator.waitFor(() => h.deps.subscribers.find(group.id)?.active === false);
    expect(h.deps.subscribers.find(stopped.id)).toMatchObject({ topics: [], active: false });
  });
});

const stateOf = (chatId: number) => h.db.prepare('SELECT active, blocked_reason AS reason FROM subscribers WHERE chat_id = ?').get(chatId);

describe('the bot\'s right to post', () => {
  it('rests a group that mutes the bot and takes up its digests once the bot may write again', async () => {
    const group = newGroup();
    await say(h, ADMIN, '/subscribe world', group);
    h.emulator.setBotMayPost(group, false, ADMIN);
    await h.emulator.waitFor(() => h.deps.subscribers.find(group.id)?.active === false);
    expect(stateOf(group.id)).toEqual({ active: 0, reason: 'no_rights' });
    h.emulator.setBotMayPost(group, true, ADMIN);
    await h.emulator.waitFor(() => h.deps.subscribers.find(group.id)?.active === true);
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: ['world'], digestTime: '07:30' });
  });

  it('rests a channel whose admins take the bot\'s right to post, until they give it back', async () => {
    const channel = { id: -1007777, type: 'channel' as const, title: 'Noon', username: 'noonnews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, ADMIN.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    await say(h, ADMIN, '/subscribe @noonnews world');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ active: true });
    h.emulator.setBotMayPost(channel, false, ADMIN);
    await h.emulator.waitFor(() => h.deps.subscribers.find(channel.id)?.active === false);
    expect(stateOf(channel.id)).toEqual({ active: 0, reason: 'no_rights' });
    h.emulator.setBotMayPost(channel, true, ADMIN);
    await h.emulator.waitFor(() => h.deps.subscribers.find(channel.id)?.active === true);
  });
});

describe('a channel', () => {
  const CHANNEL = { id: -1009999, type: 'channel' as const, title: 'Morning <News>', username: 'morningnews' };

  it('is subscribed by one of its admins from a private chat, once the bot may post there', async () => {
    h.emulator.addChat(CHANNEL);
    expect((await say(h, ADMIN, '/subscribe @nochannel world'))[0]!.text).toContain('I cannot find @nochannel');
    expect((await say(h, MEMBER, '/subscribe @morningnews world'))[0]!.text).toContain('Only an admin of @morningnews');
    h.emulator.setMember(CHANNEL.id, ADMIN.id, 'administrator');
    expect((await say(h, ADMIN, '/subscribe @morningnews world'))[0]!.text).toContain('I cannot post in @morningnews');
    h.emulator.setMember(CHANNEL.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    const [done] = await say(h, ADMIN, '/subscribe @morningnews world');
    expect(done!.text).toContain('@morningnews now follows <b>World</b>');
    expect(h.deps.subscribers.find(CHANNEL.id)).toMatchObject({ chatType: 'channel', title: 'Morning <News>', topics: ['world'] });
    expect(buttons(done!)).toEqual([]);
  });

  it('is unsubscribed by one of its admins with /unsubscribe @channel, topic by topic or from everything', async () => {
    const channel = { ...CHANNEL, id: -1008888, username: 'eveningnews' };
    h.emulator.addChat(channel);
    expect((await say(h, ADMIN, '/unsubscribe @nochannel'))[0]!.text).toContain('I cannot find @nochannel');
    h.emulator.setMember(channel.id, ADMIN.id, 'administrator');
    expect((await say(h, ADMIN, '/unsubscribe @eveningnews'))[0]!.text).toContain('@eveningnews follows nothing here');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    await say(h, ADMIN, '/subscribe @eveningnews world tech');
    expect((await say(h, MEMBER, '/unsubscribe @eveningnews'))[0]!.text).toContain('Only an admin of @eveningnews can unsubscribe it');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ topics: ['tech', 'world'], active: true });
    expect((await say(h, ADMIN, '/unsubscribe @eveningnews tech'))[0]!.text).toContain('@eveningnews no longer follows <b>Tech</b>');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ topics: ['world'], active: true });
    expect((await say(h, ADMIN, '/unsubscribe @eveningnews'))[0]!.text).toContain('@eveningnews is unsubscribed from everything');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ topics: [], feeds: [], active: false });
    expect(h.deps.subscribers.find(ADMIN.id)).toMatchObject({ active: true });
  });

  it('shows one of its admins what it follows with /status @channel or /settings @channel, not the admin\'s own chat', async () => {
    const channel = { ...CHANNEL, id: -1006666, username: 'latenews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, ADMIN.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    expect((await say(h, ADMIN, '/status @latenews'))[0]!.text).toContain('@latenews follows nothing here');
    await say(h, ADMIN, '/subscribe @latenews tech');
    await say(h, ADMIN, '/subscribe world');
    const [status] = await say(h, ADMIN, '/status @latenews');
    expect(status!.text).toMatch(/^<b>@latenews<\/b>\n<b>Status<\/b>\nFollowing: <b>Tech<\/b>\n/);
    const [settings] = await say(h, ADMIN, '/settings @LateNews');
    expect(settings!.text).toMatch(/^<b>@LateNews<\/b>\n<b>Your settings<\/b>\n[^]*Topics: <b>Tech<\/b>\nFeeds: none$/);
    expect(buttons(settings!)).toEqual([]);
    expect((await say(h, MEMBER, '/status @latenews'))[0]!.text).toBe('Only an admin of @latenews can see or change its settings.');
    expect((await say(h, ADMIN, '/status @nochannel'))[0]!.text).toContain('I cannot find @nochannel');
  });

  it('is subscribed from a group by its admin who is no admin of the group, and checked against the channel\'s admins there', async () => {
    const group = newGroup();
    const channel = { ...CHANNEL, id: -1005555, username: 'nightnews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, MEMBER.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    expect((await say(h, MEMBER, '/subscribe@newsbrief_test_bot @nightnews world', group))[0]!.text).toContain('@nightnews now follows <b>World</b>');
    expect((await say(h, ADMIN, '/unsubscribe @nightnews', group))[0]!.text).toContain('Only an admin of @nightnews can unsubscribe it');
    expect((await say(h, MEMBER, '/unsubscribe @nightnews', group))[0]!.text).toContain('@nightnews is unsubscribed from everything');
    expect((await say(h, MEMBER, '/subscribe world', group))[0]!.text).toContain('Only the admins of this group');
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: [] });
  });

  it('is named by its id when it has no @name (private, or made private since it was subscribed)', async () => {
    const channel = { id: -1004444444, type: 'channel' as const, title: 'Private desk' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, ADMIN.id, 'creator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    const own = h.deps.subscribers.find(ADMIN.id);
    expect((await say(h, ADMIN, '/subscribe -1004444444 world'))[0]!.text).toContain('-1004444444 now follows <b>World</b>');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ chatType: 'channel', topics: ['world'] });
    expect(h.deps.subscribers.find(ADMIN.id)?.topics).toEqual(own?.topics);
    expect((await say(h, ADMIN, '/status -1004444444'))[0]!.text).toContain('Following: <b>World</b>');
    expect((await say(h, MEMBER, '/unsubscribe -1004444444'))[0]!.text).toContain('Only an admin of -1004444444 can unsubscribe it');
    expect((await say(h, ADMIN, '/unsubscribe -1004444444'))[0]!.text).toContain('-1004444444 is unsubscribed from everything');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ topics: [], active: false });
  });

  it('gets its digest time, time zone and language from one of its admins with /time, /timezone and /language @channel', async () => {
    const channel = { ...CHANNEL, id: -1003333, username: 'dawnnews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, MEMBER.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    const group = newGroup();
    expect((await say(h, MEMBER, '/time @dawnnews 06:15'))[0]!.text).toContain('@dawnnews follows nothing here');
    await say(h, MEMBER, '/subscribe @dawnnews world');
    const own = h.deps.subscribers.find(MEMBER.id);
    expect((await say(h, MEMBER, '/time @dawnnews 06:15'))[0]!.text).toBe('<b>@dawnnews</b>\nYour daily digest arrives at <b>06:15</b> (Europe/Amsterdam).\nNext digest: Tuesday 6 January, 06:15.');
    expect((await say(h, MEMBER, '/timezone @dawnnews Europe/London', group))[0]!.text).toContain('<b>@dawnnews</b>\nTime zone set to <b>Europe/London</b>');
    expect((await say(h, MEMBER, '/language @dawnnews de'))[0]!.text).toContain('<b>@dawnnews</b>\nIch spreche ab jetzt Deutsch');
    expect((await say(h, MEMBER, '/language @dawnnews'))[0]!.text).toContain('<b>@dawnnews</b>\nIch spreche hier Deutsch');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ digestTime: '06:15', timezone: 'Europe/London', language: 'de', topics: ['world'] });
    expect((await say(h, MEMBER, '/settings @dawnnews'))[0]!.text).toContain('Language: Deutsch\nTime zone: Europe/London\nDaily digest: 06:15');
    expect(h.deps.subscribers.find(MEMBER.id)).toEqual(own);
    expect((await say(h, ADMIN, '/time @dawnnews 05:00'))[0]!.text).toBe('Only an admin of @dawnnews can see or change its settings.');
    expect(h.deps.subscribers.find(channel.id)?.digestTime).toBe('06:15');
  });

  it('tells its admin the digest time and the time there in the admin\'s language, not in the channel\'s', async () => {
    const channel = { ...CHANNEL, id: -1003434, username: 'morgenpost' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, MEMBER.id, 'administrator');
    h.emulator.setMember(channel.id, NL_ADMIN.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    await say(h, MEMBER, '/subscribe @morgenpost world');
    await say(h, MEMBER, '/language @morgenpost de');
    expect((await say(h, MEMBER, '/time @morgenpost 06:15'))[0]!.text).toBe('<b>@morgenpost</b>\nYour daily digest arrives at <b>06:15</b> (Europe/Amsterdam).\nNext digest: Tuesday 6 January, 06:15.');
    expect((await say(h, MEMBER, '/time @morgenpost'))[0]!.text).toContain('Your daily digest arrives at <b>06:15</b> (Europe/Amsterdam).');
    expect((await say(h, MEMBER, '/timezone @morgenpost Europe/London'))[0]!.text).toContain('It is now Monday 5 January, 09:00 there.');
    expect((await say(h, MEMBER, '/timezone @morgenpost'))[0]!.text).toContain('(now Monday 5 January, 09:00)');
    expect((await say(h, NL_ADMIN, '/timezone @morgenpost Europe/Amsterdam'))[0]!.text).toContain('Het is daar nu maandag 5 januari, 10:00.');
    expect((await say(h, MEMBER, '/settings @morgenpost'))[0]!.text).toContain('Language: Deutsch\nTime zone: Europe/Amsterdam\nDaily digest: 06:15\nTopics: <b>World</b>');
  });

  it('is told apart from a group named by its @name, whose settings are changed in the group', async () => {
    const group = { id: -1001111, type: 'supergroup' as const, title: 'Public group', username: 'pubgroup' };
    h.emulator.addChat(group);
    h.emulator.setMember(group.id, ADMIN.id, 'creator');
    expect((await say(h, ADMIN, '/subscribe @pubgroup world'))[0]!.text).toBe('@pubgroup is a group, not a channel: add me to it and send the command there.');
    expect((await say(h, ADMIN, '/time @pubgroup 06:00'))[0]!.text).toContain('@pubgroup is a group, not a channel');
    expect(h.deps.subscribers.find(group.id)).toBeNull();
  });

  it('is not subscribed to the default topics when every word given was mistyped', async () => {
    const channel = { ...CHANNEL, id: -1002222, username: 'duskews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, ADMIN.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    const [reply] = await say(h, ADMIN, '/subscribe @duskews wordl');
    expect(reply!.text).toContain('I do not know <b>wordl</b>');
    expect(reply!.text).toContain('<code>/subscribe @duskews world</code>');
    expect(reply!.text).not.toContain('now follows');
    expect(h.deps.subscribers.find(channel.id)?.topics ?? []).toEqual([]);
  });

  it('keeps its digests when the admin who subscribed it sends /stop in their own chat, as /help stop says', async () => {
    const channel = { ...CHANNEL, id: -1007777, username: 'noonnews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, ADMIN.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    await say(h, ADMIN, '/subscribe @noonnews world');
    await say(h, ADMIN, '/stop');
    expect(h.deps.subscribers.find(channel.id)).toMatchObject({ topics: ['world'], active: true });
    expect((await say(h, ADMIN, '/help stop'))[0]!.text).toContain('A channel you subscribed keeps getting its digests');
  });
});
