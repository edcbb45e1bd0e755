import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../registry/stack.js';
import { describeAutoReplyRules } from '../../scenarios/auto-reply-rules.js';
import { api, putSettings, repliesOn, selfHostedView, timeline } from './helpers.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

describe('auto-replies out of the box', () => {
  it('answers a visitor who becomes a contact and then a member the same day once, and records every decision', async () => {
    const { emulator } = stack;
    const site = emulator.createSite({ businessName: 'Casa Azul' });
    const first = emulator.visitorSends(site.instanceId, { text: 'Hi, do you ship to Porto?' });
    await stack.settle();
    const contact = emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Inês', email: 'ines@example.pt' });
    await stack.settle();
    emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'My email is above', channel: 'EMAIL' });
    await stack.settle();
    const member = emulator.registerMember(site.instanceId, contact.contactId, { nickname: 'ines.c' });
    await stack.settle();
    emulator.memberSends(site.instanceId, { memberId: member.memberId, text: 'Just registered!' });
    await stack.settle();

    const sent = emulator.sentByApp(site.instanceId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message).toMatchObject({
      direction: 'BUSINESS_TO_PARTICIPANT', visibility: 'BUSINESS_AND_PARTICIPANT',
      badges: [{ text: 'Automated reply', badgeVisibility: 'BUSINESS' }], sender: { appId: emulator.app.appId },
    });
    expect(repliesOn(stack, site.instanceId)[0]).toBe('Thanks for your message! Leave your name and email so Casa Azul can get back to you.');
    const { conversation, decisions } = await timeline(stack, site.instanceId, member.conversationId);
    expect(conversation.autoReply).toMatchObject({ status: 'skipped' });
    expect(decisions.map((d) => [d.outcome, d.reason?.split(':')[0]])).toEqual([['skipped', 'cooldown'], ['skipped', 'cooldown'], ['replied', undefined]]);
    // The old ID still opens the same timeline.
    expect((await timeline(stack, site.instanceId, first.conversationId)).decisions).toHaveLength(3);
  });
});

describe('rules a site owner sets', () => {
  it('validates settings naming the field, saves them, and answers a dry run', async () => {
    const site = stack.emulator.createSite();
    const bad = await api(stack, site.instanceId, 'PUT', '/api/settings', { cooldownHours: -2, texts: { CONTACT: 'Hi {frist}' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('INVALID_SETTINGS');
    expect(bad.json.error.details.problems.map((p: { field: string }) => p.field)).toEqual(['cooldownHours', 'texts.CONTACT']);
    expect((await api(stack, site.instanceId, 'GET', '/api/settings')).json.cooldownHours).toBe(24);
    await putSettings(stack, site.instanceId, { keywordRules: [{ keywords: ['price'], text: 'Prices are on our site, {firstName}.' }] });
    expect((await api(stack, site.instanceId, 'GET', '/api/settings')).json.keywordRules).toHaveLength(1);
    const dry = await api(stack, site.instanceId, 'POST', '/api/settings/dry-run', { participant: { type: 'CONTACT', firstName: 'Ada' }, text: 'What price?' });
    expect(dry.json).toMatchObject({ outcome: 'reply', rule: 'keyword:1', text: 'Prices are on our site, Ada.' });
    const cooled = await api(stack, site.instanceId, 'POST', '/api/settings/dry-run', { participant: { type: 'MEMBER' }, text: 'Hi', lastReplyAt: new Date().toISOString() });
    expect(cooled.json).toMatchObject({ outcome: 'skip', reason: 'cooldown' });
    expect((await api(stack, site.instanceId, 'POST', '/api/settings/dry-run', { text: 'Hi' })).status).toBe(400);
    expect((await api(stack, 'another-site', 'GET', '/api/settings')).json.keywordRules).toEqual([]);
  });


  it('counts conversations, type changes and auto-replies for the dashboard cards', async () => {
    const { emulator } = stack;
    const site = emulator.createSite();
    const v = emulator.visitorSends(site.instanceId, { text: 'Hi' });
    await stack.settle();
    emulator.identifyVisitor(site.instanceId, v.visitorId, { firstName: 'Lu' });
    emulator.visitorSends(site.instanceId, { text: 'Another visitor' });
    await stack.settle();
    const { json } = await api(stack, site.instanceId, 'GET', '/api/stats');
    expect(json).toMatchObject({ byType: { ANONYMOUS_VISITOR: 1, CONTACT: 1, MEMBER: 0 }, autoReplies: { replied: 2, skipped: 0, failed: 0 } });
    expect((await api(stack, site.instanceId, 'GET', '/api/stats?from=tomorrow')).status).toBe(400);
  });
});

describeAutoReplyRules({ name: 'self-hosted', start: async (options = {}) => selfHostedView(await startStack(options)) });
