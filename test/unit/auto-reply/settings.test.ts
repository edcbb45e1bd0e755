import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/core/auto-reply/render.js';
import { DEFAULT_SETTINGS, withDefaults } from '../../../src/core/auto-reply/settings.js';
import { validateSettings } from '../../../src/core/auto-reply/validate-settings.js';

describe('validateSettings', () => {
  it.each([
    [{ enabled: 'yes' }, 'enabled', 'must be true or false'],
    [{ cooldownHours: -1 }, 'cooldownHours', 'must be a number from 0'],
    [{ texts: { CONTACT: 'Hi {first}' } }, 'texts.CONTACT', 'unknown placeholder {first}'],
    [{ texts: { GUEST: 'x' } }, 'texts.GUEST', 'is not one of'],
    [{ businessHours: { timeZone: 'Mars/Olympus' } }, 'businessHours.timeZone', 'IANA time zone'],
    [{ businessHours: { weekly: { mon: [{ from: '17:00', to: '09:00' }] } } }, 'businessHours.weekly.mon[0].to', 'must be after from'],
    [{ businessHours: { weekly: { mon: [{ from: '9am', to: '17:00' }] } } }, 'businessHours.weekly.mon[0].from', 'HH:MM'],
    [{ channels: { TELEGRAM: true } }, 'channels.TELEGRAM', 'is not one of'],
    [{ keywordRules: [{ keywords: [], text: 'x' }] }, 'keywordRules[0].keywords', 'non-empty list'],
    [{ quietWhileBusinessMinutes: 'ten' }, 'quietWhileBusinessMinutes', 'must be a number'],
    [{ colour: 'red' }, 'colour', 'is not a setting'],
    [[], '(body)', 'JSON object'],
    [{ texts: { MEMBER: 'x'.repeat(1001) } }, 'texts.MEMBER', 'at most 1000 characters'],
    [{ businessName: 'x'.repeat(201) }, 'businessName', 'at most 200 characters'],
    [{ keywordRules: Array.from({ length: 51 }, () => ({ keywords: ['a'], text: 'x' })) }, 'keywordRules', 'at most 50 rules'],
    [{ keywordRules: [{ keywords: Array.from({ length: 21 }, (_v, i) => `w${i}`), text: 'x' }] }, 'keywordRules[0].keywords', 'at most 20 keywords'],
    [{ keywordRules: [{ keywords: ['x'.repeat(101)], text: 'x' }] }, 'keywordRules[0].keywords', 'at most 100 characters'],
    [{ keywordRules: [{ keywords: ['?!'], text: 'x' }] }, 'keywordRules[0].keywords', 'letter or digit'],
    [{ keywordRules: [{ keywords: ['a'], text: 'x', priority: 1 }] }, 'keywordRules[0].priority', 'is not one of keywords, text'],
    [{ keywordRules: ['price'] }, 'keywordRules[0]', 'must be {keywords'],
    [{ businessHours: { weekly: { mon: [{ from: '09:00', to: '17:00', note: 'x' }] } } }, 'businessHours.weekly.mon[0].note', 'is not one of from, to'],
    [{ cooldownHours: 1e400 }, 'cooldownHours', 'must be a number from 0'],
  ])('%j → %s', (input, field, problem) => {
    const result = validateSettings(input, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field, problem: expect.stringContaining(problem) });
  });

  it.each([
    ['{"__proto__": {"enabled": false}}', '__proto__'],
    ['{"constructor": {"prototype": {"x": 1}}}', 'constructor'],
    ['{"toString": "x"}', 'toString'],
    ['{"hasOwnProperty": 1}', 'hasOwnProperty'],
    ['{"texts": {"__proto__": {"CONTACT": "x"}}}', 'texts.__proto__'],
    ['{"channels": {"constructor": true}}', 'channels.constructor'],
    ['{"keywordRules": [{"keywords": ["a"], "text": "x", "__proto__": {"text": ""}}]}', 'keywordRules[0].__proto__'],
  ])('refuses the prototype key in %s, naming %s, and copies nothing', (json, field) => {
    const result = validateSettings(JSON.parse(json), DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual([field]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('accepts an empty reply text: that type gets no auto-reply, as the settings tab tells the owner', () => {
    const result = validateSettings({ texts: { CONTACT: '' }, keywordRules: [{ keywords: ['price'], text: ' ' }] }, DEFAULT_SETTINGS);
    expect(result.ok && result.settings.texts.CONTACT).toBe('');
  });

  it('names the problems in the order the fields were given', () => {
    const result = validateSettings({ quietWhileBusinessMinutes: -1, enabled: 'no', texts: { CONTACT: 'Hi {first}' } }, DEFAULT_SETTINGS);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['quietWhileBusinessMinutes', 'enabled', 'texts.CONTACT']);
  });

  it('lays a partial change over the current settings', () => {
    const result = validateSettings({ cooldownHours: 2, texts: { MEMBER: 'Yo {nickname}' }, businessHours: { enabled: true, timeZone: 'Europe/Lisbon', weekly: { sat: [{ from: '10:00', to: '13:00' }] } } }, DEFAULT_SETTINGS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.cooldownHours).toBe(2);
    expect(result.settings.texts).toEqual({ ...DEFAULT_SETTINGS.texts, MEMBER: 'Yo {nickname}' });
    expect(result.settings.businessHours.weekly.mon).toEqual(DEFAULT_SETTINGS.businessHours.weekly.mon);
    expect(result.settings.businessHours.weekly.sat).toEqual([{ from: '10:00', to: '13:00' }]);
  });

  it('gives defaults under stored settings that lack newer fields', () => {
    expect(withDefaults({ enabled: false } as never)).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });
});

describe('renderText', () => {
  it.each([
    ['Hi {firstName}!', { firstName: 'Ada' }, 'Hi Ada!'],
    ['Hi {firstName}!', {}, 'Hi there!'],
    ['Hi {firstName|friend}!', { firstName: '  ' }, 'Hi friend!'],
    ['Hi {firstName|}, welcome', {}, 'Hi, welcome'],
    ['{businessName} here', {}, 'our team here'],
    ['{unknown} stays', {}, '{unknown} stays'],
  ])('%s with %j → %s', (template, values, expected) => {
    expect(renderText(template, values)).toBe(expected);
  });
});
