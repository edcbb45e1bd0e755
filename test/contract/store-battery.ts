import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { aliasTests } from './battery/aliases.js';
import { autoReplyLedgerTests } from './battery/auto-reply-ledger.js';
import { conversationTests } from './battery/conversations.js';
import { conversionFunnelTests } from './battery/conversion-funnel.js';
import type { StoreFactory } from './battery/fixtures.js';
import { isolationTests } from './battery/isolation.js';
import { journalTests } from './battery/journal.js';
import { listConversationTests } from './battery/list-conversations.js';
import { personTests } from './battery/persons.js';
import { siteLifecycleTests } from './battery/site-lifecycle.js';
import { writeBatchTests } from './battery/write-batch.js';

export type { StoreFactory } from './battery/fixtures.js';

/**
 * Every behaviour of the Store port, run against one adapter. Each test gets a fresh, empty store from
 * `factory`; an adapter is done when this battery passes.
 */
export function storeBattery(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let current: { store: Store; cleanup?: () => Promise<void> } | undefined;
    const store = (): Store => {
      if (!current) throw new Error('store battery: no store — the factory did not run or failed');
      return current.store;
    };

    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      await current?.cleanup?.();
      current = undefined;
    });

    journalTests(store);
    conversationTests(store);
    listConversationTests(store);
    aliasTests(store);
    personTests(store);
    isolationTests(store);
    autoReplyLedgerTests(store);
    conversionFunnelTests(store);
    siteLifecycleTests(store);
    writeBatchTests(store);

    it('closes, and closing twice is harmless', async () => {
      await expect(store().close()).resolves.toBeUndefined();
      await expect(store().close()).resolves.toBeUndefined();
    });
  });
}
