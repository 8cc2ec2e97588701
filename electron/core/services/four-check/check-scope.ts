import { queryDossierIds } from '../../../../db/repositories/dossier-query';
import { findDossierIdByNumber, visibleDossierIds } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { CheckScope, FourCheckReport } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { planSearch } from '../search/query-plan';
import { resolveFilters, textQuery } from '../dossiers/list-dossiers';

export interface ResolvedScope {
  label: FourCheckReport['scope'];
  /** The dossiers checked, by id; null for the whole archive. */
  dossierIds: number[] | null;
}

const noDossier = (archiveNumber: string) => new AppError('NOT_FOUND', { zh: `没有档号为 ${archiveNumber} 的档案`, en: `There is no dossier ${archiveNumber}` });

/**
 * Who may check what: whoever verifies the archive checks any scope, by archive number even a
 * dossier outside their own reading (the report names numbers and document places, no content);
 * whoever may export a dossier checks that one dossier, as the export dialog offers.
 */
export function authoriseCheck(ctx: HandlerContext, scope: CheckScope): 'verifier' | 'exporter' {
  const granted = ctx.session().user.permissions;
  if (granted.includes('archive.verify')) return 'verifier';
  if (scope.kind === 'dossier' && granted.includes('dossier.export')) return 'exporter';
  return ctx.deny({ zh: '只有校验档案库的人员可以做四性检测；导出人员可检测要导出的单份档案', en: 'Only those who verify the archive run the four-property check; an exporter checks the one dossier to be exported' }, { summary: { channel: 'check:run', scope: scope.kind } });
}

function idOf(db: Db, session: ActiveSession, archiveNumber: string, mustSee: boolean): number {
  const id = findDossierIdByNumber(db, archiveNumber.toUpperCase()) ?? findDossierIdByNumber(db, archiveNumber);
  if (id === null) throw noDossier(archiveNumber);
  if (mustSee && !visibleDossierIds(db, [id], visibilityOf(db, session)).has(id)) throw noDossier(archiveNumber);
  return id;
}

/** The dossiers of a scope; an exporter's one dossier must be one they see. */
export function resolveScope(ctx: HandlerContext, scope: CheckScope, role: 'verifier' | 'exporter'): ResolvedScope {
  const session = ctx.session();
  const { db } = session.archive.database;
  switch (scope.kind) {
    case 'dossier':
      return { dossierIds: [idOf(db, session, scope.archiveNumber, role === 'exporter')], label: { kind: 'dossier', label: `档案 ${scope.archiveNumber}`, labelEn: `Dossier ${scope.archiveNumber}` } };
    case 'dossiers': {
      const ids = [...new Set(scope.archiveNumbers.map((n) => idOf(db, session, n, false)))];
      return { dossierIds: ids, label: { kind: 'dossiers', label: `所列 ${ids.length} 份档案`, labelEn: `${ids.length} dossiers named` } };
    }
    case 'list': {
      const plan = planSearch(db, scope.query);
      const ids =
        plan.kind === 'empty'
          ? []
          : queryDossierIds(db, { visibility: visibilityOf(db, session), filters: resolveFilters(db, scope.filters), text: textQuery(plan), sort: { key: 'created', direction: 'asc' }, limit: Number.MAX_SAFE_INTEGER - 1 }).rows.map((row) => row.id);
      return { dossierIds: ids, label: { kind: 'list', label: `列表所选 ${ids.length} 份档案${scope.query ? `（检索“${scope.query}”）` : ''}`, labelEn: `${ids.length} dossiers of the list${scope.query ? ` (search "${scope.query}")` : ''}` } };
    }
    case 'archive':
      return { dossierIds: null, label: { kind: 'archive', label: '全部档案', labelEn: 'The whole archive' } };
  }
}
