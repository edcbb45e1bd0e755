// The built app manifest (dist/_wix/app-manifest.json) is what Wix installs: every extension registered
// in src/extensions.ts must be in it, and the Inbox webhooks must be subscribed by their slugs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_WEBHOOK_SLUGS } from '../../emulator/hosting/built-app';
import { expectedComponent, registeredExtensions, type WebhookBundler } from './registered-extensions';

interface ManifestComponent {
  compId: string;
  compType: string;
  compName?: string;
  compData: Record<string, any>;
}

const root = new URL('../../', import.meta.url);
const srcDir = new URL('src/', root);
const manifestPath = fileURLToPath(new URL('dist/_wix/app-manifest.json', root));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CRM_CONTACT_MORE_ACTIONS_SLOT = '79963a99-8680-4164-8961-8867fcb1751a';
const INBOX_WEBHOOK_SLUGS = [
  'wix.crm.inbox.v2.message_message_sent_to_business',
  'wix.crm.inbox.v2.conversation_conversations_merged',
];
const APP_COLLECTIONS = ['site-items'];

let manifest: { appId: string; components: ManifestComponent[] };
const extensions = registeredExtensions();

function component(compId: string): ManifestComponent {
  const found = manifest.components.find((c) => c.compId === compId);
  if (!found) throw new Error(`component ${compId} is registered in src/extensions.ts but missing from ${manifestPath}`);
  return found;
}

function ofType(compType: string): ManifestComponent[] {
  return manifest.components.filter((c) => c.compType === compType);
}

beforeAll(() => {
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} does not exist: run \`npm run build\` (or \`npm run test:build\`) first`);
  }
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
});

describe('app manifest', () => {
  it('belongs to the app in wix.config.json', () => {
    const config = JSON.parse(readFileSync(new URL('wix.config.json', root), 'utf8'));
    expect(manifest.appId).toBe(config.appId);
  });

  it('holds exactly the extensions registered in src/extensions.ts, each with its own GUID', () => {
    const expected = extensions.map(expectedComponent);
    expect(expected.length).toBeGreaterThan(0);
    for (const { compId, compType } of expected) {
      expect(compId).toMatch(GUID);
      expect(component(compId).compType).toBe(compType);
    }
    expect(new Set(expected.map((e) => e.compId)).size).toBe(expected.length);
    expect(manifest.components.map((c) => c.compId).sort()).toEqual(expected.map((e) => e.compId).sort());
  });

  it('subscribes to both Inbox webhooks', () => {
    const slugs = ofType('WEBHOOK').map((c) => c.compData.webhook?.webhookSlug);
    expect(slugs).toEqual(expect.arrayContaining(INBOX_WEBHOOK_SLUGS));
    expect(new Set(slugs).size).toBe(slugs.length); // Wix allows one handler per event per app
  });

  it('gives every event extension the slug of the event its handler file registers', async () => {
    const events = extensions.filter((e) => e.type === 'GenericExtension' && e.options.compType === 'WEBHOOK');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      if (event.type !== 'GenericExtension') continue;
      const bundler = event.options.compData.webhook as WebhookBundler;
      const handler = await import(fileURLToPath(new URL(bundler.options.source, srcDir)));
      const { slug } = handler.default() as { slug: string };
      const webhook = component(event.options.compId).compData.webhook;
      expect(webhook.webhookSlug).toBe(LEGACY_WEBHOOK_SLUGS[slug] ?? slug);
      expect(webhook.callbackUrl).toMatch(new RegExp(`/_wix/extensions/webhooks/${bundler.id}$`));
    }
  });

  it('declares the app data collections', () => {
    const [dataComponent, ...others] = ofType('DATA_COMPONENT');
    expect(others).toEqual([]);
    const registered = extensions.find((e) => e.type === 'GenericExtension' && e.options.compType === 'DATA_COMPONENT');
    if (registered?.type !== 'GenericExtension') throw new Error('src/extensions.ts registers no data collections');
    expect(dataComponent?.compId).toBe(registered.options.compId);
    const collections = dataComponent!.compData.dataComponent.collections as {
      idSuffix: string;
      fields: unknown[];
      indexes?: { unique?: boolean; fields: unknown[] }[];
    }[];
    expect(collections).toEqual((registered.options.compData.dataComponent as { collections: unknown[] }).collections);
    expect(collections.map((c) => c.idSuffix)).toEqual(expect.arrayContaining(APP_COLLECTIONS));
    for (const collection of collections) {
      expect(collection.idSuffix).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(collection.fields).toContainEqual(expect.objectContaining({ key: 'instanceId', type: 'TEXT' }));
      // Wix Data: up to 3 regular indexes of up to 3 fields, and 1 unique index on 1 field.
      const regular = (collection.indexes ?? []).filter((index) => !index.unique);
      const unique = (collection.indexes ?? []).filter((index) => index.unique);
      expect(regular.length, collection.idSuffix).toBeLessThanOrEqual(3);
      expect(unique.length, collection.idSuffix).toBeLessThanOrEqual(1);
      for (const index of regular) expect(index.fields.length, collection.idSuffix).toBeLessThanOrEqual(3);
      for (const index of unique) expect(index.fields.length, collection.idSuffix).toBe(1);
    }
  });

  it('has the dashboard page, and every page and modal component file exists', () => {
    expect(ofType('BACK_OFFICE_PAGE').map((c) => c.compData.backOfficePage.title)).toContain('Inbox identity');
    for (const extension of extensions) {
      if (extension.type !== 'BackofficePage' && extension.type !== 'BackofficeModal') continue;
      expect(existsSync(new URL(extension.options.component, srcDir)), extension.options.component).toBe(true);
    }
  });

  it('puts a menu item on the CRM contact page that opens the app modal', () => {
    const [menuItem] = ofType('BACK_OFFICE_EXTENSION_MENU_ITEM');
    const item = menuItem!.compData.backOfficeExtensionMenuItem;
    expect(item.extends).toBe(CRM_CONTACT_MORE_ACTIONS_SLOT);
    expect(component(item.action.openModal.componentId).compType).toBe('BACK_OFFICE_MODAL');
  });
});
