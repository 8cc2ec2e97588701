import type { ImportProblem } from '../../../../shared/contract';
import { numberTemplate, titleFromTemplate, type TypeDefinition } from '../../../../shared/dossier-types';
import { checkFieldValues, normaliseDay, type FieldValues } from '../dossiers/field-values';
import type { ColumnPlan } from './import-mapping';

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
  departmentCode: string;
  now: Date;
  /** Told every few thousand rows, so the clerk sees the check move. */
  onRow(done: number): void;
}

/** Problems kept for the report; beyond this only their number is known. */
const MAX_PROBLEMS_KEPT = 100_000;
const ARCHIVE_NUMBER = /^[^\s/\\]{1,64}$/u;

/**
 * Checks every row before anything is written: each field by its kind and role (the same rules
 * as typing a dossier in), required fields, choices and the classification scheme, dates, titles,
 * and duplicates – archive numbers given in the sheet or made from fields, and VINs – both
 * within the file and against the archive.
 */
export async function checkRows(
  rows: AsyncIterable<{ line: number; cells: string[] }>,
  known: ArchiveKnown,
  context: CheckContext,
  onGoodRow: (row: CheckedRow) => void | Promise<void>,
): Promise<CheckSummary> {
  const { definition, columns } = context;
  const { takenNumbers } = known;
  const uniqueFields = uniqueFieldsOf(definition).map((f) => ({ field: f, seen: known.uniqueValues.get(f.key) ?? new Set<string>() }));
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
    const own: Partial<Record<'archiveNumber' | 'title' | 'classification' | 'openedOn' | 'remarks', string>> = {};
    const headerOf = new Map<string, string>();
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (column.target.kind === 'field') {
        raw[column.target.key] = value;
        headerOf.set(column.target.key, column.header);
      } else if (column.target.kind === 'dossier' && value !== '') {
        own[column.target.column] = value;
        headerOf.set(column.target.column, column.header);
      }
    }

    const { values, issues } = checkFieldValues(definition, raw);
    for (const issue of issues) {
      const key = issue.path.replace(/^fields\./, '');
      problem(headerOf.get(key) ?? definition.fields.find((f) => f.key === key)?.label ?? key, issue.message, issue.messageEn);
    }
    for (const { field, seen } of uniqueFields) {
      const value = values[field.key];
      if (typeof value !== 'string') continue;
      if (seen.has(value)) problem(headerOf.get(field.key) ?? field.label, `${field.label} ${value} 已有档案或在本文件中重复`, `${field.labelEn ?? field.key} ${value} is already on file or repeated in this file`);
      else seen.add(value);
    }

    const classification = own.classification ?? null;
    if (classification !== null && !definition.classification?.values.includes(classification)) {
      const scheme = definition.classification;
      problem(
        headerOf.get('classification') ?? '分类',
        scheme ? `${scheme.name}应为 ${scheme.values.join('、')} 之一` : '此类档案没有分类方案',
        scheme ? `${scheme.name} must be one of ${scheme.values.join(', ')}` : 'Dossiers of this type have no classification scheme',
      );
    }
    const openedOn = own.openedOn === undefined ? null : normaliseDay(own.openedOn);
    if (own.openedOn !== undefined && openedOn === null) problem(headerOf.get('openedOn') ?? '建档日期', '建档日期应为 YYYY-MM-DD', 'The date opened must be YYYY-MM-DD');
    const title = own.title ?? titleFromTemplate(definition.titleTemplate, definition.fields, values) ?? '';
    if (title === '' && issues.length === 0) problem(headerOf.get('title') ?? '案卷题名', '缺少案卷题名', 'The title is missing');
    if (title.length > 200) problem(headerOf.get('title') ?? '案卷题名', '案卷题名超过 200 字', 'The title is longer than 200 characters');

    const givenNumber = own.archiveNumber ?? null;
    const numbering = numberTemplate(definition.numbering, { typeCode: definition.code, date: context.now, departmentCode: context.departmentCode, fields: values, definitionFields: definition.fields });
    const fixedNumber = givenNumber ?? (numbering.hasSequence || issues.length > 0 ? null : numbering.text);
    if (givenNumber !== null && !ARCHIVE_NUMBER.test(givenNumber)) problem(headerOf.get('archiveNumber') ?? '档号', '档号不能含空格或斜杠，最长 64 字', 'An archive number has no spaces or slashes and at most 64 characters');
    else if (fixedNumber !== null) {
      const earlier = numbersInFile.get(fixedNumber);
      if (takenNumbers.has(fixedNumber)) problem(headerOf.get('archiveNumber') ?? '档号', `档号 ${fixedNumber} 已存在`, `The archive number ${fixedNumber} is already taken`);
      else if (earlier !== undefined) problem(headerOf.get('archiveNumber') ?? '档号', `档号 ${fixedNumber} 与第 ${earlier} 行重复`, `The archive number ${fixedNumber} repeats row ${earlier}`);
      else numbersInFile.set(fixedNumber, line);
    }

    if (rowProblems.length > 0) {
      badRows += 1;
      problemCount += rowProblems.length;
      if (problems.length < MAX_PROBLEMS_KEPT) problems.push(...rowProblems);
    } else {
      goodRows += 1;
      await onGoodRow({ line, givenNumber, numbering, fields: values, title, classification, openedOn, remarks: own.remarks ?? null });
    }
    if ((goodRows + badRows) % 2000 === 0) context.onRow(goodRows + badRows);
  }
  context.onRow(goodRows + badRows);
  return { goodRows, problems, problemCount, badRows };
}

/** Fields whose values no two dossiers of a type share (a VIN names one vehicle). */
export function uniqueFieldsOf(definition: TypeDefinition) {
  return definition.fields.filter((f) => f.search === 'vin');
}
