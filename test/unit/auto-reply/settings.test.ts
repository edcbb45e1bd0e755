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
    [{ keywordRules: [{ keywords: ['a'], text: '' }] }, 'keywordRules[0].text', 'must not be empty'],
    [{ quietWhileBusinessMinutes: 'ten' }, 'quietWhileBusinessMinutes', 'must be a number'],
    [{ colour: 'red' }, 'colour', 'is not a setting'],
    [[], '(body)', 'JSON object'],
  ])('%j → %s', (input, field, problem) => {
    const result = validateSettings(input, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field, problem: expect.stringContaining(problem) });
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
