import { describe, expect, it } from 'vitest';
import { type CurrentStore, SITE_A } from './fixtures.js';

export function aliasTests(store: CurrentStore): void {
  describe('aliases', () => {
    it('answers undefined for a conversation that was never merged', async () => {
      expect(await store().getAlias(SITE_A, 'old')).toBeUndefined();
    });

    it('maps an old conversation ID to its target; setting it again, the last target wins', async () => {
      await store().setAlias(SITE_A, 'old', 'target-1');
      expect(await store().getAlias(SITE_A, 'old')).toBe('target-1');
      await store().setAlias(SITE_A, 'old', 'target-2');
      expect(await store().getAlias(SITE_A, 'old')).toBe('target-2');
      expect(await store().getAlias(SITE_A, 'target-2')).toBeUndefined();
    });

    it('keeps each old ID separate', async () => {
      await store().setAlias(SITE_A, 'old-1', 'target');
      await store().setAlias(SITE_A, 'old-2', 'other');
      expect(await store().getAlias(SITE_A, 'old-1')).toBe('target');
      expect(await store().getAlias(SITE_A, 'old-2')).toBe('other');
    });

    it('lists the old IDs pointing at a target, sorted, following re-pointed aliases', async () => {
      expect(await store().aliasesTo(SITE_A, 'target')).toEqual([]);
      await store().setAlias(SITE_A, 'old-b', 'target');
      await store().setAlias(SITE_A, 'old-a', 'target');
      await store().setAlias(SITE_A, 'old-c', 'elsewhere');
      expect(await store().aliasesTo(SITE_A, 'target')).toEqual(['old-a', 'old-b']);
      await store().setAlias(SITE_A, 'old-b', 'elsewhere');
      expect(await store().aliasesTo(SITE_A, 'target')).toEqual(['old-a']);
      expect(await store().aliasesTo(SITE_A, 'elsewhere')).toEqual(['old-b', 'old-c']);
    });
  });
}
