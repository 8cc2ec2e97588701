import { createHash } from 'node:crypto';
import type { Db } from '../../../db/open';
import { auditEventsInOrder, highestAuditIdIssued, insertAuditEvent, lastAuditEvent, type AuditEventRow, type NewAuditEventRow } from '../../../db/repositories/audit';

/** The predecessor of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export type FrontDoor = 'ui' | 'cli';

export interface AuditActor {
  userId: number;
  login: string;
  displayName: string;
  /** Department code at the time of the event. */
  department: string | null;
}

/** What a service says about its change; the wrapper adds who, when, where and the chain. */
export interface AuditDraft {
  action: string;
  target?: { type: string; id: string | number; label?: string };
  /** Before/after summaries; never passwords, keys or whole documents. */
  summary?: Record<string, unknown>;
}

export interface AuditStamp {
  actor: AuditActor | null;
  frontDoor: FrontDoor;
  at: Date;
}

/**
 * The hashed content of an event: every stored column except id and hash, with null columns left
 * out, serialised with sorted keys. Leaving nulls out means a column added later (null in old
 * events) does not change the hashes of events written before it existed.
 */
export function eventContentHash(row: Omit<AuditEventRow, 'id' | 'hash'>): string {
  const content = Object.fromEntries(
    Object.entries(row)
      .filter(([, value]) => value !== null && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
}

/** Appends one event to the chain. Call inside the transaction of the change it records. */
export function appendAuditEvent(db: Db, draft: AuditDraft, stamp: AuditStamp): number {
  const prevHash = lastAuditEvent(db)?.hash ?? GENESIS_HASH;
  const content: Omit<NewAuditEventRow, 'hash'> = {
    at: stamp.at.toISOString(),
    userId: stamp.actor?.userId ?? null,
    userLogin: stamp.actor?.login ?? null,
    userDisplayName: stamp.actor?.displayName ?? null,
    userDepartment: stamp.actor?.department ?? null,
    action: draft.action,
    targetType: draft.target?.type ?? null,
    targetId: draft.target === undefined ? null : String(draft.target.id),
    targetLabel: draft.target?.label ?? null,
    summary: draft.summary === undefined ? null : JSON.stringify(draft.summary),
    frontDoor: stamp.frontDoor,
    prevHash,
  };
  return insertAuditEvent(db, { ...content, hash: eventContentHash(content) });
}

export type ChainFault = 'content-changed' | 'chain-broken' | 'event-missing' | 'tail-missing' | 'anchor-mismatch';

export interface ChainHead {
  id: number;
  hash: string;
}

export type ChainVerdict = { ok: true; events: number; head: ChainHead | null } | { ok: false; events: number; firstBrokenId: number; fault: ChainFault };

/**
 * Recomputes the chain from the first event and names the first event whose content, link or
 * position does not hold. Ids are contiguous (AUTOINCREMENT, nothing is ever deleted), so a gap
 * is a missing event; the highest id ever handed out must be the last event, so a cut-off tail
 * is found too.
 *
 * Someone holding the archive key could still rewrite the whole chain consistently. Anchors –
 * event hashes written down outside the archive earlier – catch that: each must still match.
 */
export function verifyAuditChain(db: Db, anchors: readonly ChainHead[] = []): ChainVerdict {
  const expectedAt = new Map(anchors.map((a) => [a.id, a.hash]));
  let expectedPrev = GENESIS_HASH;
  let expectedId = 1;
  let events = 0;
  for (const row of auditEventsInOrder(db)) {
    events += 1;
    const { id, hash, ...content } = row;
    if (id !== expectedId) return { ok: false, events, firstBrokenId: id, fault: 'event-missing' };
    if (content.prevHash !== expectedPrev) return { ok: false, events, firstBrokenId: id, fault: 'chain-broken' };
    if (eventContentHash(content) !== hash) return { ok: false, events, firstBrokenId: id, fault: 'content-changed' };
    if (expectedAt.has(id) && expectedAt.get(id) !== hash) return { ok: false, events, firstBrokenId: id, fault: 'anchor-mismatch' };
    expectedAt.delete(id);
    expectedPrev = hash;
    expectedId += 1;
  }
  const issued = highestAuditIdIssued(db);
  if (issued >= expectedId) return { ok: false, events, firstBrokenId: expectedId, fault: 'tail-missing' };
  const missingAnchor = [...expectedAt.keys()].sort((a, b) => a - b)[0];
  if (missingAnchor !== undefined) return { ok: false, events, firstBrokenId: missingAnchor, fault: 'anchor-mismatch' };
  return { ok: true, events, head: events === 0 ? null : { id: expectedId - 1, hash: expectedPrev } };
}
