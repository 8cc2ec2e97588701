import { findDepartmentByCode } from '../../../db/repositories/departments';
import type { ExportFile, RegisterKind } from '../../../shared/contract';
import { registerKindLabels } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { readsRegisters } from '../../../shared/register-readers';
import { fileStamp, formatLocalDateTime, parseTimeBound } from '../../../shared/time';
import type { HandlerContext } from '../context';
import { visibilityOf } from '../services/access/visibility';
import { exportedBy, watermarkText } from '../services/exports/watermark';
import type { RegisterQuery } from './register-source';
import type { RegisterSpec } from './register-spec';
import { renderRegisterXlsx } from './register-xlsx';
import { registerSources } from './sources';

const mimeTypes = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * A register for a period as PDF or .xlsx, for auditors: only entries on dossiers the reader may
 * see; classified entries marked and the export watermarked when any is listed. Recorded with its
 * period, filters, row count and size.
 */
export async function exportRegister(ctx: HandlerContext, input: { kind: RegisterKind; from: string; to: string; format: 'pdf' | 'xlsx'; department?: string | undefined }): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const label = registerKindLabels[input.kind];
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: `只有档案管理员、审批人和审计员可以导出${label.zh}`, en: `Only archive clerks, approvers and auditors export the ${label.en.toLowerCase()}` }, { summary: { kind: input.kind } });
  }
  const department = input.department ? findDepartmentByCode(db, input.department) : null;
  if (input.department && !department) {
    throw new AppError('VALIDATION', { zh: `没有代码为 ${input.department} 的部门`, en: `There is no department ${input.department}` }, { issues: [{ path: 'department', message: `没有代码为 ${input.department} 的部门`, messageEn: `There is no department ${input.department}` }] });
  }
  const now = ctx.env.now();
  const query: RegisterQuery = {
    from: input.from,
    to: input.to,
    fromTime: parseTimeBound(input.from, false).toISOString(),
    toTime: new Date(parseTimeBound(input.to, true).getTime() - 1).toISOString(),
    departmentId: department?.id ?? null,
    visibility: visibilityOf(db, session),
    settings: session.settings,
    now,
  };
  const source = registerSources[input.kind](db, query);
  let rows = 0;
  let classified = 0;
  const counted = (function* () {
    for (const row of source.rows) {
      rows += 1;
      if (row.level) classified += 1;
      yield row;
    }
  })();
  const spec: RegisterSpec = {
    name: source.name,
    companyName: session.settings.companyName,
    period: { from: input.from, to: input.to },
    filters: department ? `部门：${department.name}（${department.code}）` : '',
    printedBy: exportedBy(session),
    printedAt: formatLocalDateTime(now),
    columns: source.columns,
    rows: counted,
    ...(source.summary ? { summary: source.summary } : {}),
    ...(source.signatures ? { signatures: source.signatures } : {}),
    watermark: watermarkText(session, now),
  };
  // The PDF's code (with fontkit) loaded when a register is first printed, not at every start.
  const bytes = input.format === 'pdf' ? await (await import('../pdf/register')).renderRegisterPdf(spec) : await renderRegisterXlsx(spec);
  return ctx.write(
    () => ({ fileName: `${source.name}-${input.from}-${input.to}-${fileStamp(now)}.${input.format}`, mimeType: mimeTypes[input.format], bytes }),
    { action: 'register:export', summary: { kind: input.kind, from: input.from, to: input.to, department: department?.code ?? null, format: input.format, rows, classified, bytes: bytes.length } },
  );
}
