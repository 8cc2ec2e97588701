import type { DossierColumn, ImportProblem } from '../../../../shared/contract';
import { numberTemplate, type FieldDefinition, type TypeDefinition } from '../../../../shared/dossier-types';
import type { Message } from '../../../../shared/errors';
import { checkDescription, uniqueValuesOf, type UniqueValueLookup } from '../dossiers/dossier-rules';
import { normaliseDay, type FieldValues } from '../dossiers/field-values';
import type { ColumnPlan } from './import-mapping';

/** A department rows may be filed under. */
export interface ImportDepartment {
  id: number;
  code: string;
}

/**
 * Where the rows go: the department chosen for the whole import, unless a column names another –
 * by code or by name, among the departments the importing user may file into.
 */
export interface ImportDepartments {
  fallback: ImportDepartment;
  /** Cell text (a code in capitals, or a name) → department. */
  byCell: [string, ImportDepartment][];
}

export interface CheckedRow {
  line: number;
  /** A number the sheet brings along, kept as it is. */
  givenNumber: string | null;
  /** Otherwise the type's rule with everything but the running number filled in. */
  numbering: { text: string; hasSequence: boolean };
  fields: FieldValues;
  title: string;
  classification: string | null;
  openedOn: string | null;
  remarks: string | null;
  department: ImportDepartment;
}

/** What the check found, besides the good rows (handed over one by one as they are checked). */
export interface CheckSummary {
  goodRows: number;
  problems: ImportProblem[];
  problemCount: number;
  badRows: number;
}

/** What the archive already holds that a row must not repeat (see knownToArchive). */
export interface ArchiveKnown {
  takenNumbers: Set<string>;
  /** By field key: the values of unique fields (VINs) already on file. */
  uniqueValues: Map<string, Set<string>>;
}

export interface CheckContext {
  definition: TypeDefinition;
  columns: readonly ColumnPlan[];
  departments: ImportDepartments;
  now: Date;
  /** Told every few thousand rows, so the clerk sees the check move. */
  onRow(done: number): void;
}

/** Problems kept for the report; beyond this only their number is known. */
const MAX_PROBLEMS_KEPT = 100_000;
const ARCHIVE_NUMBER = /^[^\s/\\]{1,64}$/u;

const ON_FILE: Message = { zh: '档案库中已有的档案', en: 'a dossier already on file' };

/**
 * Unique values (VINs) on file and in the rows read so far. A row's values are noted once the
 * row is checked, so a value repeated in the sheet is reported at its second row, naming the first.
 */
class ImportUniqueValues implements UniqueValueLookup {
  private readonly inFile = new Map<string, number>();

  constructor(private readonly onFile: Map<string, Set<string>>) {}

  holder(field: FieldDefinition, value: string): Message | null {
    if (this.onFile.get(field.key)?.has(value)) return ON_FILE;
    const line = this.inFile.get(`${field.key}\u0000${value}`);
    return line === undefined ? null : { zh: `第 ${line} 行`, en: `row ${line}` };
  }

  note(definition: TypeDefinition, fields: FieldValues, line: number): void {
    for (const { fieldKey, value } of uniqueValuesOf(definition, fields)) {
      const key = `${fieldKey}\u0000${value}`;
      if (!this.inFile.has(key)) this.inFile.set(key, line);
    }
  }
}

/** The cell of a dossier column in this row, if the sheet maps one. */
type OwnCells = Partial<Record<DossierColumn, string>>;

/**
 * Checks every row before anything is written, by the same rules as typing a dossier in (see
 * dossier-rules: fields by kind and role, required fields, the classification scheme, the title,
 * unique fields on file and within the sheet), and what only an import has: archive numbers given
 * in the sheet or made from fields – repeated in the file or already taken –, the day opened as
 * clerks write it, and the department a row names.
 */
export async function checkRows(
  rows: AsyncIterable<{ line: number; cells: string[] }>,
  known: ArchiveKnown,
  context: CheckContext,
  onGoodRow: (row: CheckedRow) => void | Promise<void>,
): Promise<CheckSummary> {
  const { definition, columns } = context;
  const { takenNumbers } = known;
  const unique = new ImportUniqueValues(known.uniqueValues);
  const departments = new Map(context.departments.byCell);
  const numbersInFile = new Map<string, number>();
  let goodRows = 0;
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let badRows = 0;
  let header = true;

  for await (const { line, cells } of rows) {
    if (header) {
      header = false;
      continue;
    }
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string | null, zh: string, en: string) => rowProblems.push({ row: line, column, message: zh, messageEn: en });
    const raw: Record<string, string> = {};
    const own: OwnCells = {};
    const headerOf = new Map<string, string>();
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (column.target.kind === 'field') {
        raw[column.target.key] = value;
        headerOf.set(`fields.${column.target.key}`, column.header);
      } else if (column.target.kind === 'dossier' && value !== '') {
        own[column.target.column] = value;
        headerOf.set(column.target.column, column.header);
      }
    }
    const columnOf = (path: string) => headerOf.get(path) ?? (path.startsWith('fields.') ? (definition.fields.find((f) => `fields.${f.key}` === path)?.label ?? path) : path);

    const checked = checkDescription(definition, { fields: raw, title: own.title, classification: own.classification ?? null, remarks: own.remarks ?? null }, { unique });
    for (const issue of checked.issues) problem(columnOf(issue.path), issue.message, issue.messageEn);

    const openedOn = own.openedOn === undefined ? null : normaliseDay(own.openedOn);
    if (own.openedOn !== undefined && openedOn === null) problem(headerOf.get('openedOn') ?? '建档日期', '建档日期应为真实存在的日期，如 2026-11-02', 'The date opened must be a real day, e.g. 2026-11-02');

    const department = own.department === undefined ? context.departments.fallback : (departments.get(own.department.toUpperCase()) ?? departments.get(own.department));
    if (!department) problem(headerOf.get('department') ?? '部门', `没有部门“${own.department ?? ''}”，或您无权为其建档`, `There is no department "${own.department ?? ''}", or you may not file dossiers for it`);

    const givenNumber = own.archiveNumber ?? null;
    const fieldProblems = checked.issues.some((i) => i.path.startsWith('fields.'));
    const numbering = numberTemplate(definition.numbering, { typeCode: definition.code, date: context.now, departmentCode: (department ?? context.departments.fallback).code, fields: checked.fields, definitionFields: definition.fields });
    const fixedNumber = givenNumber ?? (numbering.hasSequence || fieldProblems ? null : numbering.text);
    if (givenNumber !== null && !ARCHIVE_NUMBER.test(givenNumber)) problem(headerOf.get('archiveNumber') ?? '档号', '档号不能含空格或斜杠，最长 64 字', 'An archive number has no spaces or slashes and at most 64 characters');
    else if (fixedNumber !== null) {
      const earlier = numbersInFile.get(fixedNumber);
      if (takenNumbers.has(fixedNumber)) problem(headerOf.get('archiveNumber') ?? '档号', `档号 ${fixedNumber} 已存在`, `The archive number ${fixedNumber} is already taken`);
      else if (earlier !== undefined) problem(headerOf.get('archiveNumber') ?? '档号', `档号 ${fixedNumber} 与第 ${earlier} 行重复`, `The archive number ${fixedNumber} repeats row ${earlier}`);
    }

    if (rowProblems.length > 0 || !department || checked.title === null) {
      badRows += 1;
      problemCount += rowProblems.length;
      if (problems.length < MAX_PROBLEMS_KEPT) problems.push(...rowProblems);
    } else {
      // Only a row that goes in holds its number and unique values: a row left out blocks no other.
      if (fixedNumber !== null) numbersInFile.set(fixedNumber, line);
      unique.note(definition, checked.fields, line);
      goodRows += 1;
      await onGoodRow({ line, givenNumber, numbering, fields: checked.fields, title: checked.title, classification: own.classification ?? null, openedOn, remarks: own.remarks ?? null, department });
    }
    if ((goodRows + badRows) % 2000 === 0) context.onRow(goodRows + badRows);
  }
  context.onRow(goodRows + badRows);
  return { goodRows, problems, problemCount, badRows };
}
