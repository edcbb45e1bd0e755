import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/index.js';
import { rejectionOf, siteClient, startQuietEmulator, type SiteClient } from './support/emulator-fixture.js';

const COLLECTION = '@inbox-identity/conversations';
let emu: Emulator;
let client: SiteClient;
let otherSite: SiteClient;

beforeAll(async () => {
  emu = await startQuietEmulator();
  client = siteClient(emu, emu.createSite().instanceId);
  otherSite = siteClient(emu, emu.createSite().instanceId);
});
afterAll(() => emu.close());

describe('Wix Data items through the real @wix/data module', () => {
  it('inserts, gets, updates and removes an item', async () => {
    const inserted = await client.items.insert(COLLECTION, { _id: 'c-1', title: 'first', count: 1 });
    expect(inserted).toMatchObject({ _id: 'c-1', title: 'first', count: 1 });
    expect(inserted._createdDate).toBeInstanceOf(Date);
    expect(await client.items.get(COLLECTION, 'c-1')).toMatchObject({ title: 'first' });
    const updated = await client.items.update(COLLECTION, { _id: 'c-1', title: 'changed', count: 2 });
    expect(updated).toMatchObject({ _id: 'c-1', title: 'changed' });
    expect((updated._createdDate as Date).getTime()).toBe((inserted._createdDate as Date).getTime());
    expect(await client.items.remove(COLLECTION, 'c-1')).toMatchObject({ _id: 'c-1' });
    expect(await client.items.get(COLLECTION, 'c-1')).toBeNull();
  });

  it('refuses a duplicate _id with WDE0074 (the unique-insert claim)', async () => {
    await client.items.insert(COLLECTION, { _id: 'claim-1' });
    const error = await rejectionOf(client.items.insert(COLLECTION, { _id: 'claim-1' }));
    expect(error.details?.applicationError?.code).toBe('WDE0074');
  });

  it('returns null for a missing item (WDE0073) and for removing one', async () => {
    expect(await client.items.get(COLLECTION, 'never')).toBeNull();
    expect(await client.items.get('@inbox-identity/never-written', 'x')).toBeNull();
    expect(await client.items.remove(COLLECTION, 'never')).toBeNull();
    const error = await rejectionOf(client.items.update(COLLECTION, { _id: 'never' }));
    expect(error.details?.applicationError?.code).toBe('WDE0073');
  });

  it('aggregates: filter, group by several fields, count, sum, min and max, sort and a having filter', async () => {
    const collection = '@inbox-identity/aggregated';
    const rows = [['a', 'x', 1], ['a', 'x', 2], ['a', 'y', 5], ['b', 'x', 7], ['c', 'x', 100]] as const;
    for (const [i, [kind, tag, n]] of rows.entries()) await client.items.insert(collection, { _id: `r-${i}`, kind, tag, n });
    const grouped = await client.items.aggregate(collection)
      .filter(client.items.filter().ne('kind', 'c'))
      .group('kind', 'tag').count().sum('n', 'total').max('n', 'most').min('n', 'least')
      .ascending('kind', 'tag')
      .run();
    expect(grouped.items).toEqual([
      { _id: { kind: 'a', tag: 'x' }, kind: 'a', tag: 'x', count: 2, total: 3, most: 2, least: 1 },
      { _id: { kind: 'a', tag: 'y' }, kind: 'a', tag: 'y', count: 1, total: 5, most: 5, least: 5 },
      { _id: { kind: 'b', tag: 'x' }, kind: 'b', tag: 'x', count: 1, total: 7, most: 7, least: 7 },
    ]);
    const busy = await client.items.aggregate(collection).group('tag').count().having(client.items.filter().gt('count', 1)).run();
    expect(busy.items).toEqual([expect.objectContaining({ _id: 'x', tag: 'x', count: 4 })]);
    expect((await otherSite.items.aggregate(collection).count().run()).items).toEqual([]);
  });

  it('removes by filter in one call, only what matches', async () => {
    const collection = '@inbox-identity/removable';
    for (const [i, site] of ['s1', 's1', 's2'].entries()) await client.items.insert(collection, { _id: `x-${i}`, site });
    expect(await client.items.asyncRemoveByFilter(collection, client.items.filter().eq('site', 's1'))).toMatchObject({ jobId: expect.any(String) });
    expect((await client.items.query(collection).find()).items.map((i) => i._id)).toEqual(['x-2']);
  });

  it('queries with filter ($or, $gt, $hasSome), sort and paging, dates included', async () => {
    const collection = '@inbox-identity/events';
    for (let n = 1; n <= 5; n++) {
      await client.items.insert(collection, { _id: `e-${n}`, kind: n % 2 ? 'odd' : 'even', n,
        at: new Date(Date.UTC(2026, 0, n)) });
    }
    const odd = await client.items.query(collection).eq('kind', 'odd').descending('n').find();
    expect(odd.items.map((i) => i.n)).toEqual([5, 3, 1]);
    expect(odd.items[0]!.at).toBeInstanceOf(Date);
    const after = await client.items.query(collection).gt('at', new Date(Date.UTC(2026, 0, 3))).ascending('n').find();
    expect(after.items.map((i) => i.n)).toEqual([4, 5]);
    const either = await client.items.query(collection).eq('n', 1).or(client.items.query(collection).eq('n', 5)).find();
    expect(either.items.map((i) => i.n).sort()).toEqual([1, 5]);
    const inList = await client.items.query(collection).hasSome('_id', ['e-2', 'e-4']).find();
    expect(inList.items.map((i) => i._id).sort()).toEqual(['e-2', 'e-4']);
    const page = await client.items.query(collection).ascending('n').limit(2).find({ returnTotalCount: true });
    expect(page.items.map((i) => i.n)).toEqual([1, 2]);
    expect(page.totalCount).toBe(5);
    expect(page.hasNext()).toBe(true);
    expect((await page.next()).items.map((i) => i.n)).toEqual([3, 4]);
  });

  it('keeps every site’s collections apart', async () => {
    await client.items.insert(COLLECTION, { _id: 'mine' });
    expect(await otherSite.items.get(COLLECTION, 'mine')).toBeNull();
    expect((await otherSite.items.query(COLLECTION).find()).items).toEqual([]);
    await otherSite.items.insert(COLLECTION, { _id: 'mine' });
  });
});
