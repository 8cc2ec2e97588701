import { queryAuditEvents, type AuditEventRow, type AuditQuery } from '../../../../db/repositories/audit';
import { findDossierIdByNumber, importOfDossier, visibleDossierIds } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { AuditEventView, AuditFilter } from '../../../../shared/contract';
import { normalizeLogin } from '../../../../shared/schemas';
import { parseTimeBound } from '../../../../shared/time';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { describeSummary, type SummaryNames } from '../../../../shared/audit-actions';
import { SummaryNamer } from './summary-names';

export const REDACTED_LABEL = '（无权查看）';

/** The filter as a repository query; a dossier the reader may not see matches nothing. */
export function auditQuery(db: Db, session: ActiveSession, filter: AuditFilter): Omit<AuditQuery, 'limit'> | null {
  let targets: AuditQuery['targets'];
  let linkedNumber: string | undefined;
  if (filter.archiveNumber) {
    const id = findDossierIdByNumber(db, filter.archiveNumber);
    if (id === null || !visibleDossierIds(db, [id], visibilityOf(db, session)).has(id)) return null;
    // An imported dossier's history begins with the import that brought it in.
    const importId = importOfDossier(db, id);
    targets = [{ type: 'dossier', id: String(id) }, ...(importId === null ? [] : [{ type: 'import', id: String(importId) }])];
    linkedNumber = filter.archiveNumber;
  }
  return {
    ...(filter.from ? { fromIso: parseTimeBound(filter.from, false).toISOString() } : {}),
    ...(filter.to ? { toIso: parseTimeBound(filter.to, true).toISOString() } : {}),
    ...(filter.user ? { userLogin: normalizeLogin(filter.user) } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(targets ? { targets } : {}),
    ...(linkedNumber ? { linkedNumber } : {}),
  };
}

/**
 * Events as the reader may see them. The trail is shown whole – an auditor must see that
 * something happened – but what an event says about a dossier the reader may not see (its number,
 * title, changes) is blacked out, so the trail does not leak what lists and searches hide.
 */
export function viewAuditEvents(db: Db, session: ActiveSession, rows: readonly AuditEventRow[], ofDossier?: string): AuditEventView[] {
  const visibility = visibilityOf(db, session);
  const namer = new SummaryNamer(db, session);
  const dossierIds = rows.filter((r) => r.targetType === 'dossier' && r.targetId !== null).map((r) => Number(r.targetId));
  const visible = visibleDossierIds(db, dossierIds, visibility);
  const summaries = rows.map((row) => (row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>)));
  const hiddenOther = hiddenLinkedNumbers(db, summaries, visibility);
  return rows.map((row, i) => {
    const hidden = row.targetType === 'dossier' && !visible.has(Number(row.targetId));
    const summary = hidden ? null : (summaries[i] ?? null);
    // A link names the dossier at its other end: blacked out too if the reader may not see that one.
    if (summary && typeof summary.other === 'string' && hiddenOther.has(summary.other)) summary.other = REDACTED_LABEL;
    const target = row.targetType === null ? null : { type: row.targetType, id: hidden ? '' : (row.targetId ?? ''), label: hidden ? REDACTED_LABEL : row.targetLabel };
    return {
      id: row.id,
      at: row.at,
      user: row.userId === null ? null : { id: row.userId, login: row.userLogin ?? '', displayName: row.userDisplayName ?? '', department: row.userDepartment },
      action: row.action,
      target,
      summary,
      description: describeEvent(summary, namer.forEvent(row.action, target, summary), target, ofDossier),
      frontDoor: row.frontDoor === 'cli' ? 'cli' : 'ui',
    };
  });
}

/**
 * An event in words, both languages. In a dossier's own history, an event recorded on another
 * dossier (a link made from there) says which – and its "other dossier", this one, goes unsaid.
 */
function describeEvent(summary: Record<string, unknown> | null, names: SummaryNames, target: AuditEventView['target'], ofDossier: string | undefined): AuditEventView['description'] {
  const elsewhere = ofDossier !== undefined && target?.type === 'dossier' && target.label !== ofDossier;
  const shown = elsewhere && summary?.other === ofDossier ? Object.fromEntries(Object.entries(summary).filter(([key]) => key !== 'other')) : summary;
  const text = (language: 'zh' | 'en') => {
    const words = describeSummary(shown, language, names);
    if (!elsewhere) return words;
    const note = language === 'zh' ? `记于 ${target.label ?? ''}` : `Recorded on ${target.label ?? ''}`;
    return words ? `${note}${language === 'zh' ? '；' : '; '}${words}` : note;
  };
  return { zh: text('zh'), en: text('en') };
}

/** The archive numbers named as a link's other end (`other`, only link events have it) that the reader may not see. */
function hiddenLinkedNumbers(db: Db, summaries: readonly (Record<string, unknown> | null)[], visibility: ReturnType<typeof visibilityOf>): Set<string> {
  const numbers = new Set(summaries.map((summary) => summary?.other).filter((other): other is string => typeof other === 'string'));
  const ids = new Map([...numbers].map((number) => [number, findDossierIdByNumber(db, number)]));
  const visible = visibleDossierIds(db, [...ids.values()].filter((id): id is number => id !== null), visibility);
  return new Set([...ids].filter(([, id]) => id === null || !visible.has(id)).map(([number]) => number));
}

export function listAudit(db: Db, session: ActiveSession, filter: AuditFilter & { cursor?: string | undefined; limit: number }) {
  const query = auditQuery(db, session, filter);
  if (!query) return { items: [], nextCursor: null };
  const rows = queryAuditEvents(db, { ...query, ...(filter.cursor ? { beforeId: Number(filter.cursor) } : {}), limit: filter.limit + 1 });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { items: viewAuditEvents(db, session, page, filter.archiveNumber), nextCursor: rows.length > filter.limit && last ? String(last.id) : null };
}

/** Every matching event, newest first, read in batches. */
export function allAuditEvents(db: Db, session: ActiveSession, filter: AuditFilter): AuditEventView[] {
  const query = auditQuery(db, session, filter);
  if (!query) return [];
  const events: AuditEventView[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const rows = queryAuditEvents(db, { ...query, ...(beforeId === undefined ? {} : { beforeId }), limit: 1000 });
    events.push(...viewAuditEvents(db, session, rows, filter.archiveNumber));
    const last = rows.at(-1);
    if (!last || rows.length < 1000) return events;
    beforeId = last.id;
  }
}
