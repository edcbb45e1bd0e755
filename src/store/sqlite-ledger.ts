import type { Database } from 'better-sqlite3';
import { claimKeys, type DecisionRecord, type ReplyClaim } from '../core/auto-reply/ledger.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import type { Store } from '../core/ports.js';

type Ledger = Pick<Store, 'getSettings' | 'putSettings' | 'claimReply' | 'updateReplyClaim' | 'replyClaims'
  | 'putDecision' | 'listDecisions'>;

/** The ledger's writes as plain calls, for a transaction of the store's own (writeBatch). */
export interface LedgerWrites {
  putDecision(decision: DecisionRecord): void;
  updateReplyClaim(claim: ReplyClaim): void;
}

/** Settings, reply claims (primary key = the claim) and decisions in SQLite; the cards are sqlite-stats.ts. */
export function sqliteAutoReplyLedger(db: Database): Ledger & { writes: LedgerWrites } {
  const getSettings = db.prepare<[string], { settings: string }>('SELECT settings FROM settings WHERE instance_id = ?');
  const putSettings = db.prepare('INSERT OR REPLACE INTO settings (instance_id, settings) VALUES (?, ?)');
  const claimRow = (c: ReplyClaim) => [c.instanceId, c.personKey, c.seq, c.claimedAt, JSON.stringify(c)] as const;
  const insertClaim = db.prepare('INSERT OR IGNORE INTO reply_claims (instance_id, person_key, seq, claimed_at, claim) VALUES (?, ?, ?, ?, ?)');
  const saveClaim = db.prepare('INSERT OR REPLACE INTO reply_claims (instance_id, person_key, seq, claimed_at, claim) VALUES (?, ?, ?, ?, ?)');
  const fileClaim = db.prepare('INSERT OR IGNORE INTO reply_claim_keys (instance_id, claim_key, person_key, seq) VALUES (?, ?, ?, ?)');
  const fileUnder = (c: ReplyClaim) => { for (const k of claimKeys(c)) fileClaim.run(c.instanceId, k, c.personKey, c.seq); };
  const claim = db.transaction((c: ReplyClaim) => {
    if (insertClaim.run(...claimRow(c)).changes !== 1) return 'taken' as const;
    fileUnder(c);
    return 'claimed' as const;
  });
  const updateClaim = db.transaction((c: ReplyClaim) => {
    saveClaim.run(...claimRow(c));
    fileUnder(c);
  });
  const putDecisionRow = db.prepare(`INSERT OR REPLACE INTO decisions (instance_id, event_id, conversation_id, outcome, decided_at, decision)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const putDecision = (d: DecisionRecord) => void putDecisionRow.run(d.instanceId, d.eventId, d.conversationId, d.outcome, d.decidedAt, JSON.stringify(d));

  // A claim's slots by key, then each claim by its primary key: plain index lookups. (One statement with an IN list,
  // DISTINCT and ORDER BY cost ~10× as much, in the temporary b-trees it builds, for the one or two claims found.)
  const slotsUnder = db.prepare<[string, string], [string, number]>(
    'SELECT person_key, seq FROM reply_claim_keys WHERE instance_id = ? AND claim_key = ?',
  ).raw(true);
  const claimIn = db.prepare<[string, string, number], [string, string]>(
    'SELECT claimed_at, claim FROM reply_claims WHERE instance_id = ? AND person_key = ? AND seq = ?',
  ).raw(true);
  /** The claims filed under any of `keys`, newest first (claimedAt, then seq), at most `limit`. */
  const claimsUnder = (instanceId: string, keys: string[], limit: number): ReplyClaim[] => {
    const slots = new Map<string, [claimedAt: string, seq: number, json: string]>();
    for (const key of new Set(keys)) {
      for (const [personKey, seq] of slotsUnder.all(instanceId, key)) {
        const slot = `${personKey}\u0000${seq}`;
        if (slots.has(slot)) continue;
        const row = claimIn.get(instanceId, personKey, seq);
        if (row) slots.set(slot, [row[0], seq, row[1]]);
      }
    }
    return [...slots.values()]
      .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : b[1] - a[1]))
      .slice(0, limit)
      .map((slot) => JSON.parse(slot[2]) as ReplyClaim);
  };
  const decisionsIn = preparedFor((n) => db.prepare<unknown[], { decision: string }>(`SELECT decision FROM decisions WHERE instance_id = ?
    AND conversation_id IN (${placeholders(n)}) ORDER BY decided_at DESC, event_id DESC LIMIT ?`));

  return {
    writes: { putDecision, updateReplyClaim: updateClaim },
    getSettings: async (instanceId) => parse<AutoReplySettings>(getSettings.get(instanceId)?.settings),
    putSettings: async (instanceId, settings) => void putSettings.run(instanceId, JSON.stringify(settings)),
    claimReply: async (c) => claim(c),
    updateReplyClaim: async (c) => void updateClaim(c),
    async replyClaims(instanceId, personKeys, limit) {
      if (personKeys.length === 0) return [];
      // Driven by the keys' index — not a pass over every claim of the site.
      return claimsUnder(instanceId, personKeys, limit);
    },
    putDecision: async (d) => putDecision(d),
    async listDecisions(instanceId, conversationIds, limit) {
      if (conversationIds.length === 0) return [];
      const rows = decisionsIn(conversationIds.length).all(instanceId, ...conversationIds, limit);
      return rows.map((row) => JSON.parse(row.decision) as DecisionRecord);
    },
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A statement per list length, prepared once (up to 64 lengths kept; a longer list is prepared each time). */
function preparedFor<S>(prepare: (n: number) => S): (n: number) => S {
  const kept = new Map<number, S>();
  return (n) => {
    const found = kept.get(n);
    if (found) return found;
    const statement = prepare(n);
    if (n <= 64) kept.set(n, statement);
    return statement;
  };
}

function parse<T>(json: string | undefined): T | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as T);
}
