import { findRequest, insertRequest, pendingRequestOf } from '../../../../db/repositories/approvals';
import { departmentSubtree } from '../../../../db/repositories/departments';
import { listDocuments } from '../../../../db/repositories/documents';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import { typeVersion } from '../../../../db/repositories/types';
import type { UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { outsiderKinds, requestKindLabels, routeFor, type RequestKind, type RequesterRelation, type Route, type RouteStep } from '../../../../shared/approval-routing';
import type { ApprovalRequestView, Outsider } from '../../../../shared/contract';
import type { SubjectKind } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import type { LoanPeriodLimit } from '../../../../shared/loan-periods';
import { can, roleLabels } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { mayHold, requireVisibleDossier } from '../dossiers/dossier-access';
import { requireUser } from '../users/user-rules';
import { periodLimitOf } from '../loans/loan-period';
import { resolveRoute, routeDecidable } from './approvers';
import { toApprovalViews } from './approval-view';

export interface RequestInput {
  archiveNumber: string;
  kind: RequestKind;
  purpose: string;
  reason?: string | undefined;
  documentIds?: number[] | undefined;
  copies?: number | undefined;
  days?: number | undefined;
  requester?: string | undefined;
  outsider?: Outsider | undefined;
}

const invalid = (path: string, zh: string, en: string) => new AppError('VALIDATION', { zh, en }, { issues: [{ path, message: zh, messageEn: en }] });

/** Kinds that hand over electronic content: the requester must be able to see the dossier. */
const ELECTRONIC: readonly RequestKind[] = ['copy', 'excerpt', 'export'];
/** Kinds with a period. */
const PERIODIC: readonly RequestKind[] = ['loan', 'consultation'];

const limitReasons: Record<LoanPeriodLimit['limitedBy'], { zh: string; en: string }> = {
  general: { zh: '', en: '' },
  level: { zh: '（按此档案的密级）', en: ' (for this dossier’s level)' },
  type: { zh: '（按此类档案的规定）', en: ' (for this type of dossier)' },
};

/**
 * Files a request in the approval register and routes it by the rules in the settings – a step
 * nobody may decide (the only holder of the role asked) goes to the next level the rules give. The
 * route is fixed when asked: a later change of the rules applies to later requests.
 */
export function requestApproval(ctx: HandlerContext, input: RequestInput): ApprovalRequestView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  const onBehalf = input.requester !== undefined || input.outsider !== undefined;
  if (onBehalf && !can(session.record.roles, 'register.keep', session.settings.threeRoleSeparation)) {
    ctx.deny(
      { zh: '只有档案管理员可以代他人登记申请', en: 'Only archive clerks register requests for others' },
      { target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { kind: input.kind } },
    );
  }
  const requester = input.outsider ? null : input.requester !== undefined ? requireActiveRequester(db, input.requester) : session.record;
  const limit = periodLimitOf(session.settings, dossier);
  checkWhat(db, session, dossier, requester, input, limit);
  const steps = decidableRoute(db, session, dossier, requester, input);
  refuseDuplicate(db, dossier.id, input.kind, requester);
  const periodic = PERIODIC.includes(input.kind);
  return ctx.write(
    (db2) => {
      // Again inside the write: another program may have filed the same request meanwhile.
      refuseDuplicate(db2, dossier.id, input.kind, requester);
      const id = insertRequest(db2, {
        dossierId: dossier.id,
        kind: input.kind,
        requesterId: requester?.id ?? null,
        outsider: input.outsider ?? null,
        registeredBy: session.record.id,
        purpose: input.purpose,
        reason: input.reason || null,
        documentIds: input.documentIds ? [...new Set(input.documentIds)] : null,
        copies: input.kind === 'copy' ? (input.copies ?? 1) : null,
        periodDays: periodic ? (input.days ?? (input.kind === 'loan' ? limit.maxDays : 1)) : null,
        route: steps,
        requestedAt: now.toISOString(),
      });
      const record = findRequest(db2, id);
      if (!record) throw new AppError('INTERNAL');
      return toApprovalViews(db2, session, [record], now)[0] as ApprovalRequestView;
    },
    (request) => ({
      action: 'approval:request',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: {
        requestId: request.id,
        kind: request.kind,
        requester: request.requester?.login ?? `${request.outsider?.name ?? ''}（${request.outsider?.organisation ?? ''}）`,
        purpose: request.purpose,
        route: request.route.map((step) => step.role).join(' → '),
      },
    }),
  );
}

/** One request of a kind per person and dossier waits at a time. */
function refuseDuplicate(db: Db, dossierId: number, kind: RequestKind, requester: UserRecord | null): void {
  const duplicate = requester ? pendingRequestOf(db, dossierId, kind, requester.id) : null;
  if (duplicate !== null) throw new AppError('CONFLICT', { zh: `已有一份待审批的同类申请（编号 ${duplicate}）`, en: `A request of this kind is already waiting (no. ${duplicate})` });
}

/** The route by the rules, each step by its approver or the next level; refused when nobody could decide a step. */
function decidableRoute(db: Db, session: ActiveSession, dossier: DossierRecord, requester: UserRecord | null, input: RequestInput): RouteStep[] {
  const planned = routeOf(db, session, dossier, requester, input).steps;
  const excluded = { requesterId: requester?.id ?? null, registeredBy: session.record.id, deciders: [] };
  const steps = resolveRoute(db, planned, dossier, excluded, session.settings.threeRoleSeparation);
  if (steps) return steps;
  const missing = routeDecidable(db, planned.map((p) => p.step), dossier, excluded, session.settings.threeRoleSeparation) ?? planned[0]?.step;
  const role = missing ? roleLabels[missing.role] : { zh: '审批人', en: 'approver' };
  const ofDossier = missing?.departmentId === dossier.departmentId;
  throw new AppError('CONFLICT', {
    zh: `没有能审批此申请的${role.zh}${ofDossier ? `（${dossier.department.name}）` : ''}，上一级审批人也不能：每一步须由不同的人审批，申请人和登记人不能审批；请管理员先指定，或由有权查看此档案的人担任`,
    en: `No ${role.en}${ofDossier ? ` of ${dossier.department.name}` : ''} can approve this request, nor anyone at the next level: each step needs a different person, never the requester or the registering clerk; an administrator must appoint one who may see this dossier`,
  });
}

function requireActiveRequester(db: Db, login: string): UserRecord {
  const user = requireUser(db, login);
  if (user.status !== 'active') throw invalid('requester', `${user.displayName} 的账户已停用`, `${user.displayName}’s account is disabled`);
  return user;
}

/** What is asked must make sense for the dossier, the kind and the person. */
function checkWhat(db: Db, session: ActiveSession, dossier: DossierRecord, requester: UserRecord | null, input: RequestInput, limit: LoanPeriodLimit): void {
  const label = requestKindLabels[input.kind];
  if (dossier.status === 'destroyed' || dossier.status === 'transferred') {
    throw new AppError('CONFLICT', { zh: `档案已${dossier.status === 'destroyed' ? '销毁' : '移交'}，不能申请${label.zh}`, en: `The dossier was ${dossier.status}; it cannot be asked for` });
  }
  if (input.outsider && !outsiderKinds.includes(input.kind)) {
    throw invalid('kind', `外单位人员不能申请${label.zh}`, `Outsiders cannot ask for ${label.en.toLowerCase()}`);
  }
  if (requester && input.kind === 'export' && !can(requester.roles, 'dossier.export', session.settings.threeRoleSeparation)) {
    throw invalid(input.requester ? 'requester' : 'kind', `${requester.displayName} 没有导出档案的权限，不能申请导出`, `${requester.displayName} has no right to export, so cannot ask to`);
  }
  if (requester && PERIODIC.includes(input.kind) && requester.clearance < dossier.level) {
    throw invalid(input.requester ? 'requester' : 'kind', `${requester.displayName} 的知悉范围低于此档案的密级，不能借阅或查阅`, `${requester.displayName}’s clearance is below this dossier’s level`);
  }
  if (requester && ELECTRONIC.includes(input.kind) && !mayHold(db, requester, dossier, session.settings.threeRoleSeparation)) {
    throw invalid('requester', `${requester.displayName} 无权查看此档案，不能申请${label.zh}`, `${requester.displayName} may not see this dossier, so cannot ask to ${label.en.toLowerCase()} it`);
  }
  if (input.days !== undefined) {
    if (!PERIODIC.includes(input.kind)) throw invalid('days', `${label.zh}申请没有期限`, `A ${label.en.toLowerCase()} request has no period`);
    if (input.days > limit.maxDays) {
      const why = limitReasons[limit.limitedBy];
      throw invalid('days', `借阅、查阅期限最长 ${limit.maxDays} 天${why.zh}`, `Loans and consultations last at most ${limit.maxDays} days${why.en}`);
    }
  }
  if (input.copies !== undefined && input.kind !== 'copy') throw invalid('copies', '只有复制申请有份数', 'Only copy requests have a number of copies');
  if (input.documentIds) {
    const own = new Set(listDocuments(db, dossier.id).map((d) => d.id));
    const stranger = input.documentIds.find((id) => !own.has(id));
    if (stranger !== undefined) throw invalid('documentIds', `文件 ${stranger} 不属于档案 ${dossier.archiveNumber}`, `Document ${stranger} is not in dossier ${dossier.archiveNumber}`);
  }
}

function routeOf(db: Db, session: ActiveSession, dossier: DossierRecord, requester: UserRecord | null, input: RequestInput): Route {
  const relation: RequesterRelation = requester === null ? 'outsider' : requester.departmentId !== null && departmentSubtree(db, requester.departmentId).includes(dossier.departmentId) ? 'own-department' : 'other-department';
  const route = routeFor(session.settings.approvalRouting, {
    relation,
    classified: levelAt(session.settings.levels, dossier.level).classified,
    subjectKind: subjectKindOf(db, dossier),
    kind: input.kind,
    dossierDepartmentId: dossier.departmentId,
  });
  if (route.steps.length === 0) {
    throw new AppError('CONFLICT', { zh: '没有适用于此申请的审批规则：请管理员检查审批规则', en: 'No approval rule applies to this request: an administrator must check the routing rules' });
  }
  if (route.needsAssistanceNotice && (!input.outsider?.authority || !input.outsider.assistanceNotice)) {
    throw invalid('outsider.assistanceNotice', '外单位人员查阅此类档案仅限公安、检察院、法院人员，须登记协助查询通知书编号', 'Outsiders may consult these dossiers only as police, procuratorate or court staff with an assistance notice number');
  }
  return route;
}

function subjectKindOf(db: Db, dossier: DossierRecord): SubjectKind | null {
  if (!dossier.type) return null;
  const type = typeVersion(db, dossier.type.id, dossier.type.version);
  return type ? ((JSON.parse(type.definition) as { subjectKind?: SubjectKind }).subjectKind ?? null) : null;
}
