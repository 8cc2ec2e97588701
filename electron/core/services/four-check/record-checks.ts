import type { DocumentRow } from '../../../../db/repositories/documents';
import { importOfDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import type { UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { evidenceOf, PLAIN_NUMBERING, type TypeDefinition } from '../../../../shared/dossier-types';
import { levelAt, type ConfidentialityLevel } from '../../../../shared/levels';
import { checklistStatus } from '../dossiers/completeness';
import { mayHold } from '../dossiers/dossier-access';
import type { CheckTally } from './check-tally';
import { numberPattern } from './number-rule';

export type RecordTallies = Record<'metadata' | 'sequence' | 'checklist' | 'pageCounts' | 'accessRules', CheckTally>;

export interface DossierUnderCheck {
  record: DossierRecord;
  definition: TypeDefinition | null;
  documents: readonly DocumentRow[];
  /** Live scanned pages per document; documents that ever had scans have an entry (0 when all were removed). */
  scannedPages: ReadonlyMap<number, number>;
}

export interface CheckRules {
  db: Db;
  today: string;
  levels: readonly ConfidentialityLevel[];
  activeUsers: readonly UserRecord[];
  threeRoleSeparation: boolean;
}

const EARLIEST_DAY = '1900-01-01';
/** A subject date may lie ahead (a delivery, a contract's end); not beyond this. */
const LATEST_SUBJECT_DAY = '2099-12-31';

function validDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Why a date is out of its range (not a day, before 1900, after `latest`), or null. */
function dayProblem(value: string, latest: string, today: string): { zh: string; en: string } | null {
  if (!validDay(value)) return { zh: `“${value}”不是有效日期`, en: `"${value}" is not a valid date` };
  if (value < EARLIEST_DAY) return { zh: `${value} 早于 ${EARLIEST_DAY}`, en: `${value} is before ${EARLIEST_DAY}` };
  if (value > latest) return latest === today ? { zh: `${value} 晚于今天`, en: `${value} is in the future` } : { zh: `${value} 晚于 ${latest}`, en: `${value} is after ${latest}` };
  return null;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function groupName(definition: TypeDefinition | null, key: string | null): string | null {
  return key === null ? null : (definition?.groups.find((g) => g.key === key)?.name ?? key);
}

function checkMetadata(tally: CheckTally, dossier: DossierUnderCheck, rules: CheckRules): void {
  const { record, definition } = dossier;
  const number = record.archiveNumber;
  tally.checked += 1;
  const numbering = definition?.numbering ?? PLAIN_NUMBERING;
  // An import may bring the numbers of the register it came from: those keep their own form.
  if (!numberPattern(numbering, definition).test(number) && importOfDossier(rules.db, record.id) === null) {
    tally.fail(number, null, `档号不符合编号规则 ${numbering}`, `The archive number does not follow the numbering rule ${numbering}`);
  }
  if (record.title.trim() === '') tally.fail(number, null, '题名为空', 'The title is empty');
  const values = JSON.parse(record.fields) as Record<string, unknown>;
  for (const field of definition?.fields ?? []) {
    const value = values[field.key];
    if (field.required && isEmpty(value)) tally.fail(number, null, `必填项“${field.label}”为空`, `Required field "${field.labelEn ?? field.label}" is empty`);
    if (field.kind === 'date' && typeof value === 'string' && value !== '') {
      const problem = dayProblem(value, LATEST_SUBJECT_DAY, rules.today);
      if (problem) tally.fail(number, null, `“${field.label}”：${problem.zh}`, `"${field.labelEn ?? field.label}": ${problem.en}`);
    }
  }
  if (record.openedOn) {
    const problem = dayProblem(record.openedOn, rules.today, rules.today);
    if (problem) tally.fail(number, null, `建档日期：${problem.zh}`, `Date opened: ${problem.en}`);
  }
  for (const document of dossier.documents) {
    const problem = document.docDate ? dayProblem(document.docDate, rules.today, rules.today) : null;
    if (problem) tally.fail(number, { group: groupName(definition, document.groupKey), position: document.position }, `文件日期：${problem.zh}`, `Document date: ${problem.en}`);
  }
}

/** Each group's documents are numbered 1, 2, 3 … without a gap or a repeat. */
function checkSequence(tally: CheckTally, { record, definition, documents }: DossierUnderCheck): void {
  const byGroup = new Map<string | null, number[]>();
  for (const document of documents) byGroup.set(document.groupKey, [...(byGroup.get(document.groupKey) ?? []), document.position]);
  for (const [key, positions] of byGroup) {
    tally.checked += positions.length;
    const sorted = [...positions].sort((a, b) => a - b);
    sorted.forEach((position, index) => {
      const expected = index + 1;
      if (position === expected) return;
      const group = groupName(definition, key);
      const where = { group, position };
      if (sorted[index - 1] === position) tally.fail(record.archiveNumber, where, `序号 ${position} 重复`, `Sequence number ${position} repeats`);
      else tally.fail(record.archiveNumber, where, `序号不连续：应为 ${expected}，实为 ${position}`, `A gap in the sequence: ${expected} expected, ${position} found`);
    });
  }
}

function checkChecklist(tally: CheckTally, { record, definition, documents, scannedPages }: DossierUnderCheck): void {
  const { checklist, missing } = checklistStatus(definition, documents, scannedPages);
  tally.checked += checklist.filter((c) => c.item.requirement === 'required').length;
  for (const item of missing) {
    const paper = evidenceOf(item) === 'paper';
    tally.fail(record.archiveNumber, null, `必备文件“${item.name}”缺少${paper ? '文件' : '扫描件'}`, `Required item "${item.nameEn ?? item.name}" lacks its ${paper ? 'document' : 'scan'}`);
  }
}

/** A document with scans counts as many pages as it has scanned pages (scan-edits.ts keeps them equal). */
function checkPageCounts(tally: CheckTally, { record, definition, documents, scannedPages }: DossierUnderCheck): void {
  for (const document of documents) {
    const scanned = scannedPages.get(document.id);
    if (scanned === undefined) continue;
    tally.checked += 1;
    if (document.pages !== scanned) {
      tally.fail(record.archiveNumber, { group: groupName(definition, document.groupKey), position: document.position }, `登记 ${document.pages} 页，扫描页 ${scanned} 页`, `${document.pages} pages recorded, ${scanned} scanned`);
    }
  }
}

/**
 * CF-01 and clearances: a marked dossier (机密 and above) is stored separately with a custodian; a
 * custodian is an active user who may see it; a dossier above every active user's clearance has
 * a custodian, or no one could ever read it.
 */
function checkAccess(tally: CheckTally, { record }: DossierUnderCheck, rules: CheckRules): void {
  tally.checked += 1;
  const level = levelAt(rules.levels, record.level);
  const number = record.archiveNumber;
  if (level.marked && !record.custodian) tally.fail(number, null, `${level.name}档案没有指定保管人`, `A ${level.nameEn ?? level.name} dossier has no custodian`);
  if (level.marked && !record.storedSeparately) tally.fail(number, null, `${level.name}档案未单独存放`, `A ${level.nameEn ?? level.name} dossier is not stored separately`);
  if (record.custodian) {
    const custodian = rules.activeUsers.find((user) => user.id === record.custodian?.id);
    if (!custodian) tally.fail(number, null, `保管人 ${record.custodian.displayName} 已停用`, `Custodian ${record.custodian.displayName} is disabled`);
    else if (!mayHold(rules.db, custodian, record, rules.threeRoleSeparation)) tally.fail(number, null, `保管人 ${custodian.displayName} 无权查看此档案`, `Custodian ${custodian.displayName} may not see this dossier`);
  } else if (!rules.activeUsers.some((user) => user.clearance >= record.level)) {
    tally.fail(number, null, `密级 ${level.name} 高于所有在用用户的知悉范围，且没有保管人`, `Level ${level.nameEn ?? level.name} is above every active user's clearance, and there is no custodian`);
  }
}

/** The checks of one dossier's records: metadata, sequence numbers, checklist, page counts, access rules. */
export function checkDossierRecords(tallies: RecordTallies, dossier: DossierUnderCheck, rules: CheckRules): void {
  checkMetadata(tallies.metadata, dossier, rules);
  checkSequence(tallies.sequence, dossier);
  checkAccess(tallies.accessRules, dossier, rules);
  // A destroyed dossier keeps its catalogue record; its scans are erased on purpose.
  if (dossier.record.status === 'destroyed') return;
  checkChecklist(tallies.checklist, dossier);
  checkPageCounts(tallies.pageCounts, dossier);
}
