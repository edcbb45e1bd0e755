import { describe, expect, it } from 'vitest';
import { decideAutoReply, type ReplyFacts } from '../../../src/core/auto-reply/decide.js';
import { DEFAULT_SETTINGS, type AutoReplySettings } from '../../../src/core/auto-reply/settings.js';

const MON_10_UTC = new Date('2025-03-03T10:00:00.000Z');
const open9to17 = (timeZone: string): AutoReplySettings['businessHours'] => ({
  ...DEFAULT_SETTINGS.businessHours, enabled: true, timeZone, awayText: 'Away, {name}!',
});
const facts = (o: Omit<Partial<ReplyFacts>, 'settings'> & { settings?: Partial<AutoReplySettings> } = {}): ReplyFacts => ({
  participantType: 'CONTACT',
  details: { firstName: 'Ada' },
  text: 'Hello',
  channel: 'CHAT',
  at: MON_10_UTC,
  isFirstMessage: true,
  conversation: { businessName: 'Bakery' },
  ...o,
  settings: { ...DEFAULT_SETTINGS, ...o.settings },
});

describe('decideAutoReply', () => {
  const cases: [string, ReplyFacts, object][] = [
    ['default text for a contact, by first name', facts(), { outcome: 'reply', rule: 'default:CONTACT', text: 'Hi Ada, thanks for reaching out to Bakery. We will reply as soon as we can.' }],
    ['contact without a first name falls back', facts({ details: {} }), { outcome: 'reply', text: 'Hi there, thanks for reaching out to Bakery. We will reply as soon as we can.' }],
    ['member by nickname', facts({ participantType: 'MEMBER', details: { nickname: 'ada.l', firstName: 'Ada' } }), { outcome: 'reply', rule: 'default:MEMBER', text: 'Hi ada.l, thanks for your message. Bakery will reply as soon as we can.' }],
    ['member without nickname falls back', facts({ participantType: 'MEMBER', details: {} }), { outcome: 'reply', text: 'Hi there, thanks for your message. Bakery will reply as soon as we can.' }],
    ['visitor invited to leave details', facts({ participantType: 'ANONYMOUS_VISITOR', details: {} }), { outcome: 'reply', rule: 'default:ANONYMOUS_VISITOR', text: expect.stringContaining('Leave your name and email') }],
    ['no business name anywhere', facts({ conversation: {} }), { outcome: 'reply', text: expect.stringContaining('reaching out to our team') }],
    ['settings business name beats the conversation', facts({ settings: { businessName: 'Casa Azul' } }), { outcome: 'reply', text: expect.stringContaining('Casa Azul') }],
    ['off', facts({ settings: { enabled: false } }), { outcome: 'skip', reason: 'disabled' }],
    ['channel off', facts({ channel: 'email', settings: { channels: { ...DEFAULT_SETTINGS.channels, EMAIL: false } } }), { outcome: 'skip', reason: 'channel-off', detail: 'EMAIL' }],
    ['unknown channel is not refused', facts({ channel: 'WIX_APP', settings: { channels: { ...DEFAULT_SETTINGS.channels, CHAT: false } } }), { outcome: 'reply' }],
    ['inside the cooldown', facts({ lastReplyAt: new Date('2025-03-02T10:00:00.001Z') }), { outcome: 'skip', reason: 'cooldown' }],
    ['cooldown just over', facts({ lastReplyAt: new Date('2025-03-02T10:00:00.000Z') }), { outcome: 'reply' }],
    ['cooldown 0 always answers', facts({ lastReplyAt: MON_10_UTC, settings: { cooldownHours: 0 } }), { outcome: 'reply' }],
    ['first-message-only, a later message', facts({ isFirstMessage: false, settings: { firstMessageOnly: true } }), { outcome: 'skip', reason: 'not-first-message' }],
    ['first-message-only, the first', facts({ settings: { firstMessageOnly: true } }), { outcome: 'reply' }],
    ['business wrote 10 minutes ago', facts({ conversation: { lastBusinessMessageAt: new Date('2025-03-03T09:50:00Z') } }), { outcome: 'skip', reason: 'business-active' }],
    ['business wrote 31 minutes ago', facts({ conversation: { lastBusinessMessageAt: new Date('2025-03-03T09:29:00Z') } }), { outcome: 'reply' }],
    ['quiet rule off', facts({ settings: { quietWhileBusinessMinutes: 0 }, conversation: { lastBusinessMessageAt: MON_10_UTC } }), { outcome: 'reply' }],
    ['empty text for a type means no reply', facts({ settings: { texts: { ...DEFAULT_SETTINGS.texts, CONTACT: ' ' } } }), { outcome: 'skip', reason: 'no-text' }],
    ['asks for the conversation only when a reply is due', facts({ conversation: undefined }), { outcome: 'ask', needs: 'conversation' }],
    ['does not ask when skipping anyway', facts({ conversation: undefined, settings: { enabled: false } }), { outcome: 'skip', reason: 'disabled' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decideAutoReply(input)).toMatchObject(expected);
  });

  describe('keyword rules', () => {
    const settings = { keywordRules: [{ keywords: ['price', 'cost'], text: 'Prices: see {businessName}.com' }, { keywords: ['price list'], text: 'never' }, { keywords: ['hours'], text: 'Open 9–5, {firstName|friend}' }] };
    it.each([
      ['What does it COST?', 'keyword:1', 'Prices: see Bakery.com'],
      ['send me the price list', 'keyword:1', 'Prices: see Bakery.com'],
      ['opening hours?', 'keyword:3', 'Open 9–5, Ada'],
      ['priceless', 'default:CONTACT', undefined],
    ])('%s → %s', (text, rule, reply) => {
      const decision = decideAutoReply(facts({ text, settings }));
      expect(decision).toMatchObject({ outcome: 'reply', rule, ...(reply ? { text: reply } : {}) });
    });
    it('a keyword answer wins outside business hours too', () => {
      const decision = decideAutoReply(facts({ text: 'price?', at: new Date('2025-03-03T20:00:00Z'), settings: { ...settings, businessHours: open9to17('UTC') } }));
      expect(decision).toMatchObject({ rule: 'keyword:1' });
    });
    it('a fallback given in the text is used', () => {
      expect(decideAutoReply(facts({ text: 'hours', details: {}, settings }))).toMatchObject({ text: 'Open 9–5, friend' });
    });
  });

  describe('business hours in the site time zone', () => {
    it.each([
      ['Mon 10:00 UTC is 10:00 in Lisbon (winter time): open', 'Europe/Lisbon', '2025-03-03T10:00:00Z', 'default:CONTACT'],
      ['Mon 16:30 UTC is 17:30 in Berlin: closed', 'Europe/Berlin', '2025-03-03T16:30:00Z', 'away'],
      ['Mon 15:59 UTC is 16:59 in Berlin: open', 'Europe/Berlin', '2025-03-03T15:59:00Z', 'default:CONTACT'],
      ['Tue 02:00 UTC is Mon 21:00 in New York: closed', 'America/New_York', '2025-03-04T02:00:00Z', 'away'],
      ['Mon 22:30 UTC is Tue 09:30 in Sydney: open', 'Australia/Sydney', '2025-03-03T22:30:00Z', 'default:CONTACT'],
      ['Sat 10:00 UTC in Tokyo is Sat 19:00: closed', 'Asia/Tokyo', '2025-03-08T01:00:00Z', 'away'],
      ['New York after the spring DST change: 13:30 UTC is 09:30 EDT, open', 'America/New_York', '2025-03-10T13:30:00Z', 'default:CONTACT'],
      ['New York before the change: 13:30 UTC is 08:30 EST, closed', 'America/New_York', '2025-03-07T13:30:00Z', 'away'],
      ['Berlin on the autumn DST day: 07:30 UTC Mon is 08:30 CET, closed', 'Europe/Berlin', '2025-10-27T07:30:00Z', 'away'],
      ['Berlin a day earlier in summer time: Fri 07:30 UTC is 09:30 CEST, open', 'Europe/Berlin', '2025-10-24T07:30:00Z', 'default:CONTACT'],
    ])('%s', (_name, timeZone, at, rule) => {
      const decision = decideAutoReply(facts({ at: new Date(at), settings: { businessHours: open9to17(timeZone) } }));
      expect(decision).toMatchObject({ outcome: 'reply', rule });
      if (rule === 'away') expect(decision).toMatchObject({ text: 'Away, Ada!' });
    });
    it('an interval to 24:00 is open until midnight', () => {
      const late = { ...open9to17('UTC'), weekly: { ...DEFAULT_SETTINGS.businessHours.weekly, mon: [{ from: '18:00', to: '24:00' }] } };
      expect(decideAutoReply(facts({ at: new Date('2025-03-03T23:59:00Z'), settings: { businessHours: late } }))).toMatchObject({ rule: 'default:CONTACT' });
      expect(decideAutoReply(facts({ at: new Date('2025-03-04T00:00:00Z'), settings: { businessHours: late } }))).toMatchObject({ rule: 'away' });
    });
  });
});
