import { requestsInPeriod, type RequestRecord } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import { requestKindLabels } from '../../../../shared/approval-routing';
import { roleLabels } from '../../../../shared/permissions';
import { formatLocalDateTime } from '../../../../shared/time';
import { stateOf } from '../../services/approvals/request-state';
import type { RegisterQuery, RegisterSource } from '../register-source';
import { rowLevel, type RegisterColumn, type RegisterRow } from '../register-spec';
import { chronological } from './chronological';

const columns: RegisterColumn[] = [
  { title: '申请号', weight: 5, type: 'integer', align: 'center' },
  { title: '申请时间', weight: 12.5, type: 'time' },
  { title: '类型', weight: 5, type: 'text' },
  { title: '档号', weight: 12.5, type: 'text' },
  { title: '案卷题名', weight: 14, type: 'text' },
  { title: '申请人', weight: 11, type: 'text' },
  { title: '用途', weight: 11, type: 'text' },
  { title: '审批意见', weight: 24, type: 'text' },
  { title: '结果', weight: 6, type: 'text' },
  { title: '使用时间', weight: 12.5, type: 'time' },
];

const stateWords = { pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', used: '已使用', expired: '已过期' } as const;

function requester(request: RequestRecord): string {
  if (request.requester) return `${request.requester.displayName}${request.requester.department ? `（${request.requester.department.name}）` : ''}`;
  return request.outsider ? `${request.outsider.name}（${request.outsider.organisation}，外单位）` : '';
}

/** Each step in words: who approved or rejected, when, with what comment. */
function decisions(request: RequestRecord): string {
  return request.route
    .map((step, index) => {
      const decided = request.decisions.find((d) => d.step === index);
      const role = roleLabels[step.role].zh;
      if (!decided) return `${role}：未审批`;
      return `${decided.approver.displayName}（${role}）${decided.decision === 'approve' ? '同意' : '驳回'}（${formatLocalDateTime(new Date(decided.decidedAt))}）${decided.comment ? `：${decided.comment}` : ''}`;
    })
    .join('；');
}

/** The approval records (审批记录): every request asked in the period with each decision, oldest first. */
export function approvalRegisterSource(db: Db, query: RegisterQuery): RegisterSource {
  const filter = { fromTime: query.fromTime, toTime: query.toTime, maxLevel: query.visibility.maxLevel, departmentIds: query.visibility.departmentIds, departmentId: query.departmentId };
  const rows = (function* (): Generator<RegisterRow> {
    for (const request of chronological((offset, limit) => {
      const page = requestsInPeriod(db, filter, { offset, limit });
      return { items: page.requests, total: page.total };
    })) {
      yield {
        cells: [
          request.id,
          formatLocalDateTime(new Date(request.requestedAt)),
          requestKindLabels[request.kind].zh,
          request.dossier.archiveNumber,
          request.dossier.title,
          requester(request),
          request.purpose,
          decisions(request),
          stateWords[stateOf(request, query.now)],
          request.usedAt ? formatLocalDateTime(new Date(request.usedAt)) : null,
        ],
        level: rowLevel(query.settings.levels, request.dossier.level),
      };
    }
  })();
  return { name: '档案利用审批记录', columns, rows };
}
