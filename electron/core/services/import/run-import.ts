import { allArchiveNumbers, bulkDossierWriter, type BulkDossierWriter } from '../../../../db/repositories/bulk-dossiers';
import { customerIdentities } from '../../../../db/repositories/customers';
import { listDepartments } from '../../../../db/repositories/departments';
import { addUniqueValues, uniqueValuesOfField } from '../../../../db/repositories/unique-values';
import { insertImport, setImportRows } from '../../../../db/repositories/imports';
import { SearchIndexMerge } from '../search/search-index-merge';
import { deferSegmentMerges, indexTokensOfDossiers, mergeAllSegments, resumeSegmentMerges, writeSearchText } from '../../../../db/repositories/search';
import { withBulkWriteCache, type Db } from '../../../../db/open';
import { IMPORT_PROBLEMS_SHOWN, type ExportFile, type ImportCheck, type ImportEncoding, type ImportProblem, type ImportResult, type ImportTarget } from '../../../../shared/contract';
import { customerFieldsOf, isUniqueField, withSequence } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { fileStamp, formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { toCsv } from '../../fs/csv';
import type { StagedImport } from '../../staged-import';
import { owningDepartment } from '../departments/owning-department';
import { requireType, type CurrentType } from '../types/type-catalog';
import { visibilityOf } from '../access/visibility';
import { custodyAt, newDossierDefaults } from '../dossiers/dossier-rules';
import { checkRows, type ArchiveKnown, type CheckedRow, type CheckSummary, type ImportDepartments } from './check-rows';
import { ImportCustomers } from './import-customers';
import { resolveMapping, type ColumnPlan } from './import-mapping';
import { startImportWorker, type ImportWorker } from './import-worker-host';
import { numberedSearchEntry, type PreparedRow } from './prepare-row';
import { readRows } from './read-sheet';
import { headersOf, requireStaged } from './staged-files';

export interface ImportPlan {
  importId: string;
  typeKey: string;
  encoding?: ImportEncoding | undefined;
  mapping: Record<string, ImportTarget>;
  departmentCode?: string | undefined;
  /** Import the good rows and report the others, instead of all or nothing. */
  skipBadRows?: boolean | undefined;
}

/**
 * Dossiers whose search tokens go to the index in one statement (see indexGramsFromText): each
 * statement holds the connection for it – about 70 ms for 2,000 rows with merges deferred – and
 * leaves a segment that the merge after the import folds in (SearchIndexMerge).
 */
const ROWS_PER_INDEX_STEP = 1_000;
/** Rows are written in slices of about this long, with a pause between (the queue's other calls run there). */
const SLICE_MS = 20;

interface Planned {
  staged: StagedImport;
  type: CurrentType;
  departments: ImportDepartments;
  encoding: ImportEncoding | null;
  columns: ColumnPlan[];
}

async function planOf(ctx: HandlerContext, plan: ImportPlan): Promise<Planned> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const staged = requireStaged(session, plan.importId);
  const type = requireType(db, plan.typeKey);
  const departments = importDepartments(ctx, plan.departmentCode);
  const encoding = staged.format === 'csv' ? (plan.encoding ?? staged.encoding) : null;
  const columns = resolveMapping(await headersOf(staged, encoding), plan.mapping, type.definition);
  if (!columns.some((c) => c.target.kind !== 'ignore')) {
    throw new AppError('VALIDATION', { zh: '没有任何列对应到档案字段，请设置列的对应关系', en: 'No column maps to a dossier field; set up the mapping' });
  }
  staged.cancelRequested = false;
  return { staged, type, departments, encoding, columns };
}

/**
 * The department of the whole import (the importer's own unless another is chosen), and those a
 * department column may name – by code or name – among the ones the importer may file into.
 */
function importDepartments(ctx: HandlerContext, code: string | undefined): ImportDepartments {
  const session = ctx.session();
  const { db } = session.archive.database;
  const fallback = owningDepartment(db, session, code);
  const scope = visibilityOf(db, session).departmentIds;
  const byCell: ImportDepartments['byCell'] = [];
  for (const department of listDepartments(db)) {
    if (scope !== null && !scope.includes(department.id)) continue;
    const target = { id: department.id, code: department.code };
    byCell.push([department.code.toUpperCase(), target], [department.name, target]);
  }
  return { fallback: { id: fallback.id, code: fallback.code }, byCell };
}

/** The archive numbers in use and the unique fields' values on file, which rows must not repeat. */
function knownToArchive(db: Db, type: CurrentType): ArchiveKnown {
  const unique = type.definition.fields.filter(isUniqueField);
  return { takenNumbers: allArchiveNumbers(db), uniqueValues: new Map(unique.map((f) => [f.key, uniqueValuesOfField(db, type.id, f.key)])) };
}

/** Every row checked in this thread (a dry run, the report): the summary and the first rows. */
async function checkAll(ctx: HandlerContext, plan: ImportPlan): Promise<Planned & { summary: CheckSummary; first: CheckedRow[] }> {
  const planned = await planOf(ctx, plan);
  const { staged, type, departments, encoding, columns } = planned;
  staged.progress = { phase: 'checking', done: 0, total: staged.progress.total };
  const first: CheckedRow[] = [];
  try {
    const summary = await checkRows(
      readRows(staged, encoding),
      knownToArchive(ctx.session().archive.database.db, type),
      { definition: type.definition, columns, departments, now: ctx.env.now(), onRow: (done) => (staged.progress = { ...staged.progress, done }) },
      (row) => void (first.length < 10 && first.push(row)),
    );
    return { ...planned, summary, first };
  } catch (error) {
    staged.progress = { ...staged.progress, phase: 'failed' };
    throw error;
  }
}

/** Checks every row of the staged file against the type and the archive; writes nothing. */
export async function checkImport(ctx: HandlerContext, plan: ImportPlan): Promise<ImportCheck> {
  const { staged, summary, first } = await checkAll(ctx, plan);
  const rowCount = summary.goodRows + summary.badRows;
  staged.progress = { phase: 'reading', done: rowCount, total: rowCount };
  return {
    rowCount,
    badRows: summary.badRows,
    problemCount: summary.problemCount,
    problems: summary.problems.slice(0, IMPORT_PROBLEMS_SHOWN),
    preview: first.map((row) => ({ row: row.line, archiveNumber: row.givenNumber ?? (row.numbering.hasSequence ? null : row.numbering.text), title: row.title })),
  };
}

/** The problems row by row, as a CSV the clerk opens in Excel next to the sheet. */
export async function importReport(ctx: HandlerContext, plan: ImportPlan): Promise<ExportFile> {
  const staged = requireStaged(ctx.session(), plan.importId);
  // Once the good rows are in, checking again would find them on file: the report is of the rows left out.
  const summary = staged.leftOut ?? (await checkAll(ctx, plan)).summary;
  staged.progress = { phase: 'reading', done: 0, total: 0 };
  const rows = summary.problems.map((p) => [String(p.row), p.column ?? '', p.message, p.messageEn]);
  if (summary.problemCount > summary.problems.length) rows.push(['', '', `另有 ${summary.problemCount - summary.problems.length} 个问题未列出`, `${summary.problemCount - summary.problems.length} more problems not listed`]);
  return {
    fileName: `导入问题-${staged.fileName.replace(/\.[^.]+$/, '')}-${fileStamp(ctx.env.now())}.csv`,
    mimeType: 'text/csv',
    bytes: toCsv(['行号', '列', '问题', 'Problem'], rows),
  };
}

/** The sheet had bad rows: nothing was written (raised inside the transaction, reported after it). */
class RowsRefused extends Error {
  constructor(readonly summary: CheckSummary) {
    super('rows refused');
  }
}

/**
 * Imports the staged file in one transaction, all or nothing. A second thread reads and checks
 * the sheet and prepares each row while this one writes the rows it has – numbered by the
 * type's rule (numbers given in the sheet are kept and never handed out again), with their
 * search text, their tokens indexed every 10,000 rows. If any row has a problem, writing stops,
 * the check runs to the end for the full report, and everything is rolled back; so does a
 * cancel or any failure. The import is recorded as one audit event.
 */
export async function runImport(ctx: HandlerContext, plan: ImportPlan): Promise<ImportResult> {
  const session = ctx.session();
  const { record, settings } = session;
  const { staged, type, departments, encoding, columns } = await planOf(ctx, plan);
  const { definition } = type;
  const skipBadRows = plan.skipBadRows === true;
  const now = ctx.env.now();
  const defaults = newDossierDefaults(definition, { defaultLevel: settings.defaultDossierLevel, clearance: record.clearance, today: formatLocalDate(now) });
  const custody = custodyAt(settings.levels, defaults.level, null, record.id);
  const at = now.toISOString();
  const total = staged.progress.total;
  staged.progress = { phase: 'writing', done: 0, total };
  let worker: ImportWorker | null = null;
  let leftOutProblems: ImportProblem[] = [];
  try {
    const result = await ctx.writeInSteps(
      (db, pause) =>
        withBulkWriteCache(db.$client, async () => {
          const known = knownToArchive(db, type);
          worker = startImportWorker({
            source: staged.source,
            format: staged.format,
            encoding,
            definition,
            columns,
            departments,
            now: at,
            takenNumbers: [...known.takenNumbers],
            uniqueValues: [...known.uniqueValues].map(([key, values]) => [key, [...values]]),
            customers: customerFieldsOf(definition) ? customerIdentities(db, visibilityOf(db, session)) : [],
          });
          const importId = insertImport(db, { fileName: staged.fileName, sha256: staged.sha256, format: staged.format, encoding, typeId: type.id, rows: 0, createdAt: at, createdBy: record.id });
          const writer = bulkDossierWriter(db);
          const customers = new ImportCustomers(db, { userId: record.id, at });
          let summary: CheckSummary | null = null;
          const numbers = new ArchiveNumbers(writer, known.takenNumbers);
          const tokens = new Map<number, string>();
          let written = 0;
          let lastId = 0;
          /** The first dossier whose tokens are not yet indexed (null until a row is written). */
          let pendingFrom: number | null = null;
          let first: string | null = null;
          let last: string | null = null;
          let sliceStart = performance.now();
          deferSegmentMerges(db);
          const indexPending = () => {
            if (pendingFrom === null) return;
            indexTokensOfDossiers(db, { from: pendingFrom, to: lastId }, (id) => tokens.get(id) ?? '');
            tokens.clear();
            pendingFrom = null;
          };
          for await (const message of worker.messages()) {
            if (message.kind === 'failed') {
              // An unexpected failure keeps its trace for the log; a refusal (an unreadable file) its message.
              if (message.error.code === 'INTERNAL') throw new Error(`import worker failed: ${message.detail}`);
              throw new AppError(message.error.code, { zh: message.error.message, en: message.error.messageEn }, message.error.issues ? { issues: message.error.issues } : undefined);
            }
            if (message.kind === 'given') {
              // Numbers the sheet gives are never handed out to its other rows, wherever they stand.
              for (const number of message.numbers) known.takenNumbers.add(number);
              continue;
            }
            if (message.kind === 'done') {
              if (message.summary.badRows > 0 && !skipBadRows) throw new RowsRefused(message.summary);
              summary = message.summary;
              break;
            }
            // All or nothing: after a bad row nothing more is written; the check goes on for the report, then all is rolled back.
            if (message.badRows === 0 || skipBadRows) {
              for (const row of message.rows) {
                const archiveNumber = numbers.next(row);
                first ??= archiveNumber;
                last = archiveNumber;
                const id = writer.insertDossier({
                  archiveNumber,
                  title: row.title,
                  typeId: type.id,
                  typeVersion: type.version,
                  fields: row.fieldsJson,
                  classification: row.classification,
                  retention: defaults.retention,
                  carrier: 'paper',
                  openedOn: row.openedOn ?? defaults.openedOn,
                  remarks: row.remarks,
                  missingItems: defaults.missingItems,
                  complete: defaults.complete,
                  departmentId: row.department.id,
                  level: defaults.level,
                  ...custody,
                  createdAt: at,
                  createdBy: record.id,
                  importId,
                });
                pendingFrom ??= id;
                lastId = id;
                addUniqueValues(db, id, type.id, row.uniqueValues);
                customers.fileUnder(id, row.line, row.customer, row.department.id);
                const entry = numberedSearchEntry(archiveNumber, row);
                writeSearchText(db, id, entry.text);
                tokens.set(id, entry.tokens);
                written += 1;
                // Calls beside the import (looking, searching in the same window) wait at most a slice.
                if (performance.now() - sliceStart >= SLICE_MS) {
                  await pause();
                  sliceStart = performance.now();
                }
              }
              if (tokens.size >= ROWS_PER_INDEX_STEP) indexPending();
            }
            worker.ack();
            staged.progress = { phase: 'writing', done: message.checked, total: Math.max(total, message.checked) };
            await pause();
            if (staged.cancelRequested) throw new AppError('CANCELLED', { zh: '导入已取消，未写入任何数据', en: 'The import was cancelled; nothing was written' });
          }
          if (written === 0 && summary?.badRows) throw new RowsRefused(summary);
          if (written === 0) throw new AppError('VALIDATION', { zh: '文件中没有数据行', en: 'The file has no data rows' });
          staged.progress = { phase: 'indexing', done: written, total: written };
          indexPending();
          // On the command line nobody waits beside the import: its segments are merged before the
          // commit. In the window they are merged after it, and merging as segments are written
          // resumes when that is done (SearchIndexMerge) – a write before then merges nothing.
          if (ctx.frontDoor === 'cli') {
            mergeAllSegments(db);
            resumeSegmentMerges(db);
          }
          numbers.store();
          setImportRows(db, importId, written);
          const skipped = summary?.badRows ?? 0;
          leftOutProblems = summary?.problems ?? [];
          return {
            importId,
            imported: written,
            firstNumber: first,
            lastNumber: last,
            skipped,
            problemCount: summary?.problemCount ?? 0,
            problems: summary?.problems.slice(0, IMPORT_PROBLEMS_SHOWN) ?? [],
            customers: { created: customers.created, linked: customers.linked },
          };
        }),
      (r) => ({
        action: 'import:commit',
        target: { type: 'import', id: r.importId, label: staged.fileName },
        summary: {
          type: definition.key,
          rows: r.imported,
          ...(r.skipped > 0 ? { skippedRows: r.skipped } : {}),
          first: r.firstNumber,
          last: r.lastNumber,
          department: departments.fallback.code,
          customers: r.customers,
          sha256: staged.sha256,
        },
      }),
      // Other programs are told how far the import has got (integrity/long-write-notice.ts).
      () => ({ done: staged.progress.done, total: staged.progress.total }),
    );
    staged.progress = { phase: 'done', done: result.imported, total: result.imported };
    // After a rebuild under way (or, if the session ends first, after the next sign-in in the window).
    if (ctx.frontDoor !== 'cli' && !ctx.session().background) ctx.inBackground(new SearchIndexMerge());
    if (result.skipped > 0) staged.leftOut = { problems: leftOutProblems, problemCount: result.problemCount };
    return result;
  } catch (error) {
    if (error instanceof RowsRefused) throw refuse(ctx, staged, definition.key, error.summary);
    const cancelled = error instanceof AppError && error.code === 'CANCELLED';
    staged.progress = { ...staged.progress, phase: cancelled ? 'cancelled' : 'failed' };
    if (cancelled) {
      ctx.write(() => undefined, { action: 'import:cancelled', target: { type: 'import-file', id: staged.sha256, label: staged.fileName }, summary: { type: definition.key, rows: staged.progress.done } });
    }
    throw error;
  } finally {
    await (worker as ImportWorker | null)?.stop();
  }
}

/** Records the refusal (nothing was written) and says which rows have which problems. */
function refuse(ctx: HandlerContext, staged: StagedImport, typeKey: string, summary: CheckSummary): AppError {
  staged.progress = { ...staged.progress, phase: 'failed' };
  ctx.write(() => undefined, { action: 'import:refused', target: { type: 'import-file', id: staged.sha256, label: staged.fileName }, summary: { type: typeKey, badRows: summary.badRows, problems: summary.problemCount } });
  return new AppError(
    'VALIDATION',
    { zh: `${summary.badRows} 行有问题，未导入任何数据（见问题清单）`, en: `${summary.badRows} rows have problems; nothing was imported (see the report)` },
    { issues: summary.problems.slice(0, 20).map((p) => ({ path: `row ${p.row}${p.column ? ` ${p.column}` : ''}`, message: p.message, messageEn: p.messageEn })) },
  );
}

/**
 * Archive numbers for imported rows: a number the sheet gives is kept; otherwise the rule's
 * running number, counted here and stored once at the end, skipping numbers in use.
 */
class ArchiveNumbers {
  private readonly sequences = new Map<string, number>();

  constructor(
    private readonly writer: BulkDossierWriter,
    private readonly taken: Set<string>,
  ) {}

  next(row: Pick<PreparedRow, 'givenNumber' | 'numbering'>): string {
    if (row.givenNumber) {
      this.taken.add(row.givenNumber);
      return row.givenNumber;
    }
    const scope = row.numbering.text;
    if (!row.numbering.hasSequence) return scope;
    let value = this.sequences.get(scope) ?? this.writer.lastSequence(scope);
    let number: string;
    do number = withSequence(scope, (value += 1));
    while (this.taken.has(number));
    this.sequences.set(scope, value);
    this.taken.add(number);
    return number;
  }

  store(): void {
    for (const [scope, value] of this.sequences) this.writer.setLastSequence(scope, value);
  }
}
