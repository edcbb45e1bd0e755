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
    VALUES (@instanceId, @eventId, @conversationId, @outcome, @decidedAt, @decision)`);
  const putDecision = (d: DecisionRecord) => void putDecisionRow.run({ ...d, decision: JSON.stringify(d) });

  const claimsUnder = preparedFor((n) => db.prepare<unknown[], { claim: string }>(`SELECT r.claim
    FROM (SELECT DISTINCT k.instance_id, k.person_key, k.seq FROM reply_claim_keys k
      WHERE k.instance_id = ? AND k.claim_key IN (${placeholders(n)})) m
    CROSS JOIN reply_claims r ON r.instance_id = m.instance_id AND r.person_key = m.person_key AND r.seq = m.seq
    ORDER BY r.claimed_at DESC, r.seq DESC LIMIT ?`));
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
      // Driven by the keys' index: the claims filed under these keys, then each claim by its primary key — not a
      // pass over every claim of the site.
      const rows = claimsUnder(personKeys.length).all(instanceId, ...personKeys, limit);
      return rows.map((row) => JSON.parse(row.claim) as ReplyClaim);
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
