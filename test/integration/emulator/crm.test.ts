import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { rejectionOf, siteClient, startQuietEmulator, type SiteClient } from './support/emulator-fixture.js';

let emu: Emulator;
let instanceId: string;
let client: SiteClient;
let ann: string;
let bob: string;
let cat: string;

beforeAll(async () => {
  emu = await startQuietEmulator();
  instanceId = emu.createSite().instanceId;
  client = siteClient(emu, instanceId);
  ann = emu.addContact(instanceId, { firstName: 'Ann', lastName: 'Lee', email: 'Ann@Example.com' }).contactId;
  bob = emu.addContact(instanceId, { firstName: 'Bob', phone: '+44 20 7946 0000' }).contactId;
  cat = emu.addContact(instanceId, { firstName: 'Cat', lastName: 'Lee' }).contactId;
});
afterAll(() => emu.close());

describe('contacts through the real @wix/crm module', () => {
  it('gets a contact as Contacts v4 shapes it', async () => {
    const contact = await client.contacts.getContact(ann);
    expect(contact._id).toBe(ann);
    expect(contact.info?.name).toEqual({ first: 'Ann', last: 'Lee' });
    expect(contact.primaryInfo?.email).toBe('ann@example.com');
    expect(contact.info?.emails?.items?.[0]).toMatchObject({ email: 'ann@example.com', primary: true });
    expect(contact._createdDate).toBeInstanceOf(Date);
  });

  it('answers CONTACT_NOT_FOUND (404) for an unknown contact', async () => {
    const error = await rejectionOf(client.contacts.getContact(randomUUID()));
    expect(error.status).toBe(404);
    expect(error.details?.applicationError?.code).toBe('CONTACT_NOT_FOUND');
  });

  it('queries with eq, in, ne and several conditions ($and)', async () => {
    const ids = async (query: { find(): Promise<{ items: { _id?: string | null }[] }> }) =>
      (await query.find()).items.map((c) => c._id).sort();
    expect(await ids(client.contacts.queryContacts().eq('info.name.last', 'Lee'))).toEqual([ann, cat].sort());
    expect(await ids(client.contacts.queryContacts().in('_id', [bob, cat]))).toEqual([bob, cat].sort());
    expect(await ids(client.contacts.queryContacts().eq('info.name.last', 'Lee').eq('info.name.first', 'Cat')))
      .toEqual([cat]);
    expect(await ids(client.contacts.queryContacts().eq('primaryInfo.email', 'ann@example.com'))).toEqual([ann]);
    expect(await ids(client.contacts.queryContacts().ne('info.name.last', 'Lee'))).toEqual([bob]);
  });

  it('pages with limit and skip and reports the total', async () => {
    const page = await client.contacts.queryContacts().ascending('info.name.first').limit(2).find();
    expect(page.items.map((c) => c.info?.name?.first)).toEqual(['Ann', 'Bob']);
    expect(page.totalCount).toBe(3);
    const next = await page.next();
    expect(next.items.map((c) => c.info?.name?.first)).toEqual(['Cat']);
  });
});

describe('members through the real @wix/members module', () => {
  let memberId: string;
  beforeAll(() => {
    memberId = emu.registerMember(instanceId, ann, { nickname: 'Annie' }).memberId;
  });

  it('shows the PUBLIC fieldset by default and status and login email with FULL', async () => {
    const member = await client.members.getMember(memberId);
    expect(member.profile?.nickname).toBe('Annie');
    expect(member.contactId).toBe(ann);
    expect(member.loginEmail).toBeUndefined();
    expect(member.status).toBe('UNKNOWN');
    const full = await client.members.getMember(memberId, { fieldsets: ['FULL'] });
    expect(full.loginEmail).toBe('ann@example.com');
    expect(full.status).toBe('APPROVED');
  });

  it('finds a contact’s member with queryMembers().eq("contactId", …)', async () => {
    const found = await client.members.queryMembers().eq('contactId', ann).find();
    expect(found.items.map((m) => m._id)).toEqual([memberId]);
    expect((await client.members.queryMembers().eq('contactId', bob).find()).items).toEqual([]);
  });

  it('answers 404 for an unknown member', async () => {
    const error = await rejectionOf(client.members.getMember(randomUUID()));
    expect(error.status).toBe(404);
  });
});
