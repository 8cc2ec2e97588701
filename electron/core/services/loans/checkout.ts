import { findRequest, type RequestRecord } from '../../../../db/repositories/approvals';
import { listDocuments } from '../../../../db/repositories/documents';
import { setDossierStatus } from '../../../../db/repositories/dossiers';
import { findUserById } from '../../../../db/repositories/users';
import { insertLoan, insertReturn, openLoanOfDossier, overdueLoansOf } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import type { LoanView, Signature } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { stateOf } from '../approvals/request-state';
import { spendApproval } from '../approvals/use-approval';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { workingCalendar } from '../calendar/working-days';
import { isRenewal, settleApprovalTerms } from './approval-terms';
import { dueDay } from './loan-days';
import { loanQueue, requesterName } from './loan-queue';
import { writeLoan } from './write-loan';

const stateWords = { pending: '尚未批准', rejected: '已被驳回', withdrawn: '已撤回', used: '已使用过', expired: '已过期', approved: '' } as const;

/**
 * Hands out a dossier against an approved loan or consultation request (LE-): only approved
 * requests, first come first served, never to a borrower holding an overdue loan (setting). Due
 * after the period asked for, on a working day. The entry records what went out – each document
 * with its pages – and the receiver's signature; the approval is used up and the dossier is out,
 * in one transaction.
 */
export function checkoutLoan(ctx: HandlerContext, input: { requestId: number; signature: Signature; note?: string | undefined; handedOverBy?: Signature | undefined }): LoanView {
  const session = ctx.session();
  const now = ctx.env.now();
  const today = formatLocalDate(now);
  let renewed: number | null = null;
  let passedOn: number | null = null;
  return writeLoan(
    ctx,
    (db) => {
      const request = requireHandable(db, input.requestId, now);
      const dossier = requireVisibleDossier(db, session, request.dossier.archiveNumber);
      const out = openLoanOfDossier(db, dossier.id);
      // A renewal (续借): the holder's new approval takes the loan over – the old entry is closed, a new one opened.
      const renewal = out !== null && isRenewal(out, request) ? out : null;
      if (input.handedOverBy && (!out || renewal)) {
        throw new AppError('VALIDATION', { zh: out ? '续借不是转借：不需要交出人签名' : `档案 ${dossier.archiveNumber} 在库，无需转借`, en: out ? 'A renewal is no passing on: no signature for handing over' : `Dossier ${dossier.archiveNumber} is in the archive: nothing to pass on` }, { issues: [{ path: 'handedOverBy', message: out ? '续借不需要交出人签名' : '档案在库，无需转借', messageEn: out ? 'Not for a renewal' : 'Nothing to pass on' }] });
      }
      if (renewal) {
        insertReturn(db, { loanId: renewal.id, receivedBy: session.record.id, returnedAt: now.toISOString(), findings: [], returnerSignature: input.signature, note: null });
        setDossierStatus(db, dossier.id, 'in-archive', now.toISOString());
        renewed = renewal.id;
      } else if (out && input.handedOverBy) {
        // Passed on (转借): the holder hands it to the next approved requester, who acknowledges it –
        // the holder's entry is closed with the holder's signature, the receiver's opened.
        insertReturn(db, { loanId: out.id, receivedBy: session.record.id, returnedAt: now.toISOString(), findings: [], returnerSignature: input.handedOverBy, note: null });
        setDossierStatus(db, dossier.id, 'in-archive', now.toISOString());
        passedOn = out.id;
      } else if (out || dossier.status !== 'in-archive') {
        throw new AppError('CONFLICT', {
          zh: out ? `档案 ${dossier.archiveNumber} 已借出：${out.borrower?.displayName ?? '外单位人员'}，应还日期 ${out.dueOn}` : `档案 ${dossier.archiveNumber} 不在库，不能借出`,
          en: out ? `Dossier ${dossier.archiveNumber} is out with ${out.borrower?.displayName ?? 'an outsider'}, due ${out.dueOn}` : `Dossier ${dossier.archiveNumber} is not in the archive`,
        });
      }
      const queue = loanQueue(db, dossier.id, now);
      const first = queue.slice(0, queue.findIndex((r) => r.id === request.id)).find((r) => stateOf(r, now) === 'approved');
      if (first) {
        throw new AppError('CONFLICT', { zh: `按先来后到，应先交给申请 ${first.id}（${requesterName(first)}）`, en: `First come, first served: request ${first.id} (${requesterName(first)}) is first` });
      }
      const borrower = request.requester ? findUserById(db, request.requester.id) : null;
      if (borrower && (borrower.status !== 'active' || borrower.clearance < dossier.level)) {
        throw new AppError('CONFLICT', {
          zh: borrower.status !== 'active' ? `${borrower.displayName} 的账户已停用，不能借出` : `${borrower.displayName} 的知悉范围低于此档案的密级，不能借出`,
          en: borrower.status !== 'active' ? `${borrower.displayName}’s account is disabled` : `${borrower.displayName}’s clearance is below this dossier’s level`,
        });
      }
      if (session.settings.blockBorrowingWhenOverdue && request.requester) {
        const overdue = overdueLoansOf(db, request.requester.id, today).filter((loan) => loan.id !== renewed);
        if (overdue.length > 0) {
          throw new AppError('CONFLICT', {
            zh: `${request.requester.displayName} 有逾期未还的档案（${overdue.map((l) => l.dossier.archiveNumber).join('、')}），归还后才能再借`,
            en: `${request.requester.displayName} holds overdue dossiers (${overdue.map((l) => l.dossier.archiveNumber).join(', ')}); they must come back first`,
          });
        }
      }
      const all = listDocuments(db, dossier.id);
      const wanted = request.documents ? new Set(request.documents.map((d) => d.id)) : null;
      const documents = all.filter((d) => wanted === null || wanted.has(d.id)).map((d) => ({ id: d.id, title: d.title, pages: d.pages }));
      const id = insertLoan(db, {
        requestId: request.id,
        dossierId: dossier.id,
        kind: request.kind as 'loan' | 'consultation',
        borrowerId: request.requester?.id ?? null,
        handedOutBy: session.record.id,
        handedOutAt: now.toISOString(),
        dueOn: dueDay(workingCalendar(db), today, request.periodDays ?? 1),
        documents,
        borrowerSignature: input.signature,
        note: input.note || null,
        continues: renewed !== null ? { loanId: renewed, how: 'renewal' } : passedOn !== null ? { loanId: passedOn, how: 'pass-on' } : null,
      });
      spendApproval(db, request.id, now);
      setDossierStatus(db, dossier.id, 'on-loan', now.toISOString());
      // Out now: the approvals waiting behind this one keep their place without their days running.
      settleApprovalTerms(db, dossier.id, now, session.settings.approvalValidDays);
      return id;
    },
    (loan) => ({
      action: 'loan:checkout',
      summary: { loanId: loan.id, requestId: loan.requestId, kind: loan.kind, borrower: loan.borrower?.login ?? loan.outsider?.name ?? '', dueOn: loan.dueOn, documents: loan.documents.length, pages: loan.pagesOut, signedBy: loan.borrowerSignature.name, renewalOf: renewed, passedOnFrom: passedOn },
    }),
  );
}

function requireHandable(db: Db, requestId: number, now: Date): RequestRecord {
  const request = findRequest(db, requestId);
  if (!request) throw new AppError('NOT_FOUND', { zh: `没有编号为 ${requestId} 的申请`, en: `There is no request no. ${requestId}` });
  if (request.kind !== 'loan' && request.kind !== 'consultation') {
    throw new AppError('VALIDATION', { zh: `申请 ${requestId} 不是借阅或查阅申请`, en: `Request ${requestId} is not a loan or consultation request` });
  }
  const state = stateOf(request, now);
  if (state !== 'approved') {
    throw new AppError(state === 'pending' ? 'APPROVAL_REQUIRED' : 'CONFLICT', { zh: `申请 ${requestId} ${stateWords[state]}，不能借出`, en: `Request ${requestId} is ${state}; nothing can be handed out on it` });
  }
  return request;
}
