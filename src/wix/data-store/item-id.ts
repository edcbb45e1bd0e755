/**
 * The `_id` of an item: a deterministic function of its kind, the site and its natural key, shaped like the
 * GUIDs Wix gives items. Being deterministic makes a plain insert a durable claim (WDE0074 = already there).
 * Uses Web Crypto, present on Node 20 and on Wix hosting alike.
 */
export async function itemId(kind: string, instanceId: string, naturalKey: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([kind, instanceId, naturalKey]));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
