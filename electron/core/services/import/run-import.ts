import { allArchiveNumbers, bulkDossierWriter } from '../../../../db/repositories/bulk-dossiers';
import { insertImport } from '../../../../db/repositories/imports';
import { writeSearchText } from '../../../../db/repositories/search';
import { IMPORT_PROBLEMS_SHOWN, type ExportFile, type ImportCheck, type ImportEncoding, type ImportResult, type ImportTarget } from '../../../../shared/contract';
import { withSequence } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import { fileStamp, formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { toCsv } from '../../fs/csv';
import type { StagedImport } from '../../staged-import';
import { owningDepartment } from '../dossiers/create-dossier';
import { dossierSearchText, indexSearchGrams } from '../search/index-dossier';
import { requireType, type CurrentType } from '../types/type-catalog';
import { checkRows, type SheetCheck } from './check-rows';
import { resolveMapping } from './import-mapping';
import { headersOf, requireStaged } from './staged-files';

export interface ImportPlan {
  importId: string;
  typeKey: string;
  encoding?: ImportEncoding | undefined;
  mapping: Record<string, ImportTarget>;
  departmentCode?: string | undefined;
}

/** Rows written between pauses, where progress is reported and a cancel is noticed. */
const ROWS_PER_STEP = 1000;
/** Dossiers indexed per statement (see indexGramsFromText). */
const ROWS_PER_INDEX_STEP = 25_000;

async function checkPlan(ctx: HandlerContext, plan: ImportPlan): Promise<{ staged: StagedImport; type: CurrentType; department: { id: number; code: string }; encoding: ImportEncoding | null; check: SheetCheck }> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const staged = requireStaged(session, plan.importId);
  const type = requireType(db, plan.typeKey);
  const department = owningDepartment(db, session, plan.departmentCode);
  const encoding = staged.format === 'csv' ? (plan.encoding ?? staged.encoding) : null;
  const columns = resolveMapping(await headersOf(staged, encoding), plan.mapping, type.definition);
  if (!columns.some((c) => c.target.kind !== 'ignore')) {
    throw new AppError('VALIDATION', { zh: '没有任何列对应到档案字段，请设置列的对应关系', en: 'No column maps to a dossier field; set up the mapping' });
  }
  staged.cancelRequested = false;
  staged.progress = { phase: 'checking', done: 0, total: staged.progress.total };
  try {
    const check = await checkRows(db, staged, encoding, {
      definition: type.definition,
      typeId: type.id,
      columns,
      departmentCode: department.code,
      now: ctx.env.now(),
      onRow: (done) => {
        staged.progress = { ...staged.progress, done };
      },
    });
    return { staged, type, department, encoding, check };
  } catch (error) {
    staged.progress = { ...staged.progress, phase: 'failed' };
    throw error;
  }
}

/** Checks every row of the staged file against the type and the archive; writes nothing. */
export async function checkImport(ctx: HandlerContext, plan: ImportPlan): Promise<ImportCheck> {
  const { staged, check } = await checkPlan(ctx, plan);
  staged.progress = { phase: 'reading', done: check.rows.length + check.badRows, total: check.rows.length + check.badRows };
  return {
    rowCount: check.rows.length + check.badRows,
    badRows: check.badRows,
    problemCount: check.problemCount,
    problems: check.problems.slice(0, IMPORT_PROBLEMS_SHOWN),
    preview: check.rows.slice(0, 10).map((row) => ({ row: row.line, archiveNumber: row.givenNumber ?? (row.numbering.hasSequence ? null : row.numbering.text), title: row.title })),
  };
}

/** The problems row by row, as a CSV the clerk opens in Excel next to the sheet. */
export async function importReport(ctx: HandlerContext, plan: ImportPlan): Promise<ExportFile> {
  const { staged, check } = await checkPlan(ctx, plan);
  staged.progress = { phase: 'reading', done: 0, total: 0 };
  const rows = check.problems.map((p) => [String(p.row), p.column ?? '', p.message, p.messageEn]);
  if (check.problemCount > check.problems.length) rows.push(['', '', `另有 ${check.problemCount - check.problems.length} 个问题未列出`, `${check.problemCount - check.problems.length} more problems not listed`]);
  return {
    fileName: `导入问题-${staged.fileName.replace(/\.[^.]+$/, '')}-${fileStamp(ctx.env.now())}.csv`,
    mimeType: 'text/csv',
    bytes: toCsv(['行号', '列', '问题', 'Problem'], rows),
  };
}

/**
 * Imports the staged file: every row is checked first, and if any has a problem nothing is
 * written. Then all rows go in one transaction – numbered by the type's rule (numbers given in
 * the sheet are kept and never handed out again), indexed for search, recorded as one audit
 * event – which a cancel, or any failure, rolls back completely.
 */
export async function runImport(ctx: HandlerContext, plan: ImportPlan): Promise<ImportResult> {
  const session = ctx.session();
  const { record, settings } = session;
  const { staged, type, department, encoding, check } = await checkPlan(ctx, plan);
  const { definition } = type;
  if (check.badRows > 0) {
    staged.progress = { ...staged.progress, phase: 'failed' };
    ctx.write(() => undefined, { action: 'import:refused', target: { type: 'import-file', id: staged.sha256, label: staged.fileName }, summary: { type: definition.key, badRows: check.badRows, problems: check.problemCount } });
    const first = check.problems.slice(0, 20);
    throw new AppError(
      'VALIDATION',
      { zh: `${check.badRows} 行有问题，未导入任何数据（见问题清单）`, en: `${check.badRows} rows have problems; nothing was imported (see the report)` },
      { issues: first.map((p) => ({ path: `row ${p.row}${p.column ? ` ${p.column}` : ''}`, message: p.message, messageEn: p.messageEn })) },
    );
  }
  if (check.rows.length === 0) throw new AppError('VALIDATION', { zh: '文件中没有数据行', en: 'The file has no data rows' });

  const level = Math.min(definition.defaultLevel, record.clearance);
  const marked = levelAt(settings.levels, level).marked;
  const now = ctx.env.now();
  const at = now.toISOString();
  const missing = definition.checklist.filter((item) => item.requirement === 'required').map((item) => item.key);
  const total = check.rows.length;
  staged.progress = { phase: 'writing', done: 0, total };
  try {
    const result = await ctx.writeInSteps(
      async (db, pause) => {
        const importId = insertImport(db, { fileName: staged.fileName, sha256: staged.sha256, format: staged.format, encoding, typeId: type.id, rows: total, createdAt: at, createdBy: record.id });
        const writer = bulkDossierWriter(db);
        const taken = allArchiveNumbers(db);
        for (const row of check.rows) if (row.givenNumber) taken.add(row.givenNumber);
        // Running numbers are counted here and stored once at the end, in the same transaction.
        const sequences = new Map<string, number>();
        const numberFor = (row: (typeof check.rows)[number]): string => {
          if (row.givenNumber) return row.givenNumber;
          const scope = row.numbering.text;
          if (!row.numbering.hasSequence) return scope;
          let value = sequences.get(scope) ?? writer.lastSequence(scope);
          let number: string;
          do number = withSequence(scope, (value += 1));
          while (taken.has(number));
          sequences.set(scope, value);
          taken.add(number);
          return number;
        };
        let firstId = 0;
        let lastId = 0;
        const step = async (phase: 'writing' | 'indexing', done: number, of: number) => {
          staged.progress = { phase, done, total: of };
          await pause();
          if (staged.cancelRequested) throw new AppError('CANCELLED', { zh: '导入已取消，未写入任何数据', en: 'The import was cancelled; nothing was written' });
        };
        let first: string | null = null;
        let last: string | null = null;
        for (const [i, row] of check.rows.entries()) {
          const archiveNumber = numberFor(row);
          first ??= archiveNumber;
          last = archiveNumber;
          const id = writer.insertDossier({
            archiveNumber,
            title: row.title,
            typeId: type.id,
            typeVersion: type.version,
            fields: JSON.stringify(row.fields),
            classification: row.classification,
            retention: JSON.stringify(definition.retention),
            carrier: 'paper',
            openedOn: row.openedOn ?? formatLocalDate(now),
            remarks: row.remarks,
            missingItems: JSON.stringify(missing),
            complete: missing.length === 0,
            departmentId: department.id,
            level,
            custodianId: marked ? record.id : null,
            storedSeparately: marked,
            createdAt: at,
            createdBy: record.id,
            importId,
          });
          writeSearchText(db, id, dossierSearchText({ archiveNumber, title: row.title, definition, fields: row.fields, documentTitles: [] }));
          firstId ||= id;
          lastId = id;
          if ((i + 1) % ROWS_PER_STEP === 0) await step('writing', i + 1, total);
        }
        for (const [scope, value] of sequences) writer.setLastSequence(scope, value);
        // The grams after all rows, in large ranges: FTS5 writes out its pending data at each statement.
        for (let from = firstId; from <= lastId; from += ROWS_PER_INDEX_STEP) {
          indexSearchGrams(db, { from, to: Math.min(lastId, from + ROWS_PER_INDEX_STEP - 1) });
          await step('indexing', Math.min(lastId, from + ROWS_PER_INDEX_STEP - 1) - firstId + 1, lastId - firstId + 1);
        }
        return { importId, imported: total, firstNumber: first, lastNumber: last };
      },
      (r) => ({
        action: 'import:commit',
        target: { type: 'import', id: r.importId, label: staged.fileName },
        summary: { type: definition.key, rows: r.imported, first: r.firstNumber, last: r.lastNumber, department: department.code, sha256: staged.sha256 },
      }),
    );
    staged.progress = { phase: 'done', done: total, total };
    return result;
  } catch (error) {
    const cancelled = error instanceof AppError && error.code === 'CANCELLED';
    staged.progress = { ...staged.progress, phase: cancelled ? 'cancelled' : 'failed' };
    if (cancelled) {
      ctx.write(() => undefined, { action: 'import:cancelled', target: { type: 'import-file', id: staged.sha256, label: staged.fileName }, summary: { type: definition.key, rows: total } });
    }
    throw error;
  }
}
