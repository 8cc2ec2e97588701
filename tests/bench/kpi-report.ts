import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SampleData } from '../../electron/cli/bench/sample-data';
import { summarise, time, type Figure } from '../../electron/cli/bench/stats';
import { createCore, type Core } from '../../electron/core/core';
import { archivePaths } from '../../electron/core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../electron/core/vault/key-slots';
import { deriveSubkey } from '../../electron/core/vault/subkeys';
import { bulkDossierWriter } from '../../db/repositories/bulk-dossiers';
import { openArchiveDatabase } from '../../db/open';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { migrationsDir } from '../helpers/paths';

export interface KpiBenchOptions {
  /** Register entries in all: intakes, loans and their returns (half, a quarter, a quarter). */
  entries: number;
  runs: number;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
const DEPARTMENTS = ['XSB', 'SHB', 'FCB', 'KFB', 'CWB', 'ZJB', 'SCB', 'XZB'];
/** The registers span these years; the reports ask for their months. */
const FIRST_YEAR = 2022;
const YEARS = 5;
const DOSSIERS_PER_ENTRY = 0.2;

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in the registers' years, as the ISO time and its day (the bench runs in UTC days, as the machine does). */
function moment(data: SampleData): { iso: string; day: string; ms: number } {
  const ms = Date.UTC(FIRST_YEAR, 0, 1) + data.int(YEARS * 365) * 86_400_000 + (8 + data.int(9)) * 3_600_000 + data.int(3600) * 1000;
  const iso = new Date(ms).toISOString();
  return { iso, day: iso.slice(0, 10), ms };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Writes the registers straight into the archive's tables, in one transaction with prepared
 * statements (the way the catalogue bench files documents): dossiers of the new-vehicle type,
 * intakes of one dossier each – late by some working days now and then, an item missing now and
 * then – and loans with their approvals, most returned, a few of them late or with a lost document.
 */
function writeRegisters(dataDir: string, dataKey: Buffer, entries: number, ids: { type: number; departments: number[]; users: number[] }): void {
  const dbKey = deriveSubkey(dataKey, 'database');
  const database = openArchiveDatabase({ file: archivePaths(dataDir).database, key: dbKey, migrationsDir });
  dbKey.fill(0);
  const data = new SampleData(20261130);
  const { sqlite } = database;
  try {
    sqlite
      .transaction(() => {
        const dossiers = bulkDossierWriter(database.db);
        const count = Math.max(1, Math.round(entries * DOSSIERS_PER_ENTRY));
        const dossierIds: number[] = [];
        for (let i = 0; i < count; i += 1) {
          const opened = moment(data);
          dossierIds.push(
            dossiers.insertDossier({
              archiveNumber: `XC-B-${String(i + 1).padStart(7, '0')}`,
              title: `${data.name()} 新车档案`,
              typeId: ids.type,
              typeVersion: 1,
              fields: '{}',
              classification: data.pick(['一般', '特殊']),
              retention: null,
              carrier: 'paper',
              openedOn: opened.day,
              remarks: null,
              missingItems: '[]',
              complete: data.int(4) > 0,
              departmentId: data.pick(ids.departments),
              level: data.int(20) === 0 ? 2 : 1,
              custodianId: null,
              storedSeparately: false,
              createdAt: opened.iso,
              createdBy: ids.users[0] ?? 1,
              importId: null,
            }),
          );
        }
        const intake = sqlite.prepare(`INSERT INTO intakes (handed_over_at, from_department_id, handed_by_name, handed_by_user_id, received_by, shortage_note, handed_by_signature, receiver_signature, corrects_id, recorded_at)
          VALUES (?, ?, ?, ?, ?, NULL, '{"name":"移交人"}', '{"name":"档案员"}', NULL, ?)`);
        const line = sqlite.prepare(`INSERT INTO intake_dossiers (intake_id, dossier_id, opened_here, trigger_date, trigger_field, deadline, workdays_late, items, missing_count) VALUES (?, ?, 0, ?, 'deliveryDate', ?, ?, ?, ?)`);
        const whole = JSON.stringify([{ key: 'salesContract', name: '销售合同原件', status: 'present' }, { key: 'pdiChecklist', name: '新车PDI检查表', status: 'present' }]);
        const short = JSON.stringify([{ key: 'salesContract', name: '销售合同原件', status: 'present' }, { key: 'pdiChecklist', name: '新车PDI检查表', status: 'missing' }]);
        const intakes = Math.round(entries / 2);
        for (let i = 0; i < intakes; i += 1) {
          const at = moment(data);
          const late = data.int(6) === 0 ? 1 + data.int(8) : 0;
          const missing = data.int(12) === 0;
          const id = Number(intake.run(at.iso, data.pick(ids.departments), data.name(), data.int(3) === 0 ? data.pick(ids.users) : null, ids.users[0] ?? 1, at.iso).lastInsertRowid);
          line.run(id, data.pick(dossierIds), dayOf(at.ms - (5 + late) * 86_400_000), dayOf(at.ms - late * 86_400_000), late, missing ? short : whole, missing ? 1 : 0);
        }
        const request = sqlite.prepare(`INSERT INTO approval_requests (dossier_id, kind, requester_id, registered_by, purpose, route, requested_at, status, next_step, decided_at, used_at)
          VALUES (?, 'loan', ?, ?, '核对合同', '[]', ?, 'approved', 1, ?, ?)`);
        const loan = sqlite.prepare(`INSERT INTO loans (request_id, dossier_id, kind, borrower_id, handed_out_by, handed_out_at, due_on, documents, borrower_signature, note)
          VALUES (?, ?, 'loan', ?, ?, ?, ?, '[{"id":1,"title":"销售合同原件","pages":4}]', '{"name":"借阅人"}', NULL)`);
        const giveBack = sqlite.prepare(`INSERT INTO loan_returns (loan_id, received_by, returned_at, findings, returner_signature, note) VALUES (?, ?, ?, ?, '{"name":"借阅人"}', NULL)`);
        const lost = JSON.stringify([{ documentId: 1, issue: 'missing' }]);
        const loans = Math.round(entries / 4);
        for (let i = 0; i < loans; i += 1) {
          const out = moment(data);
          const dossierId = data.pick(dossierIds);
          const borrower = data.pick(ids.users);
          const requestId = Number(request.run(dossierId, borrower, ids.users[0] ?? 1, out.iso, out.iso, out.iso).lastInsertRowid);
          const loanId = Number(loan.run(requestId, dossierId, borrower, ids.users[0] ?? 1, out.iso, dayOf(out.ms + 3 * 86_400_000)).lastInsertRowid);
          // Nearly all come back – within the 3 days, or a few days late; a few lose a document.
          if (data.int(50) > 0) giveBack.run(loanId, ids.users[0] ?? 1, new Date(out.ms + (data.int(8) === 0 ? 4 + data.int(6) : data.int(3)) * 86_400_000).toISOString(), data.int(40) === 0 ? lost : '[]');
        }
      })
      .immediate();
  } finally {
    database.close();
  }
}

/**
 * `npm run bench` – the KPI report (12 months of figures) and the month's violation ledger over
 * `entries` register entries (half intakes, a quarter loans, a quarter their returns), through
 * the real core on an encrypted archive, for random months of the registers' years.
 */
export async function runKpiBench(options: KpiBenchOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-kpi-bench-'));
  const dataDir = join(root, 'archive');
  try {
    let core = createCore({ dataDir, migrationsDir, appVersion: 'bench', idleCheckIntervalMs: 0 });
    await must(core, 'archive:create', { admin: ADMIN });
    for (const code of DEPARTMENTS) await must(core, 'department:create', { code, name: `${code}部` });
    const users: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      users.push((await must(core, 'user:create', { login: `staff${i}`, displayName: `员工${i}`, roles: ['staff'], departmentCode: DEPARTMENTS[i % DEPARTMENTS.length] ?? 'DAS', clearance: 1, password: 'bench-staff-password-1', mustChangePassword: false })).id);
    }
    const type = (await must(core, 'type:list', {})).find((t) => t.key === 'vehicle-new');
    const departments = (await must(core, 'department:list', {})).filter((d) => DEPARTMENTS.includes(d.code));
    await must(core, 'session:lock', {});
    await core.close();

    options.progress(`kpi: writing ${options.entries} register entries …`);
    const written = performance.now();
    const dataKey = await openSlot(readKeySlotFile(archivePaths(dataDir).keySlots), ADMIN.login, ADMIN.password);
    const typeId = await typeIdOf(dataDir, dataKey, type?.key ?? 'vehicle-new');
    writeRegisters(dataDir, dataKey, options.entries, { type: typeId, departments: await departmentIds(dataDir, dataKey, departments.map((d) => d.code)), users });
    dataKey.fill(0);
    const writeSeconds = (performance.now() - written) / 1000;

    core = createCore({ dataDir, migrationsDir, appVersion: 'bench', idleCheckIntervalMs: 0 });
    await must(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const data = new SampleData(7);
    const month = () => `${FIRST_YEAR + 1 + data.int(YEARS - 2)}-${pad(1 + data.int(12))}`;
    // Any change of the archive (here the company name) makes every figure be worked out anew.
    let changes = 0;
    const changed = () => must(core, 'settings:update', { companyName: `基准测试公司 ${(changes += 1)}` });
    const afterChange = async <C extends Channel>(channel: C, input: () => InputOf<C>) => {
      const durations: number[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        await changed();
        durations.push(...(await time(1, () => must(core, channel, input()))));
      }
      return durations;
    };
    const context = `${options.entries} register entries, ${options.runs} runs`;
    options.progress('kpi: the KPI report …');
    await must(core, 'kpi:report', { month: month() });
    const report = await afterChange('kpi:report', () => ({ month: month() }));
    const oneDepartment = await afterChange('kpi:report', () => ({ month: month(), department: 'XSB' }));
    // The month picker moved on by one: eleven of the twelve months are kept.
    await changed();
    let next = '2024-01';
    await must(core, 'kpi:report', { month: next });
    const nextMonth = await time(options.runs, () => {
      const [year, number] = next.split('-').map(Number) as [number, number];
      next = number === 12 ? `${year + 1}-01` : `${year}-${pad(number + 1)}`;
      return must(core, 'kpi:report', { month: next });
    });
    options.progress('kpi: the violation ledger …');
    const violations = await afterChange('violation:report', () => ({ month: month() }));
    await core.close();
    return {
      figures: [
        summarise('KPI report, 12 months worked out (after a change)', context, report),
        summarise('KPI report of one department (after a change)', context, oneDepartment),
        summarise('KPI report, the next month picked (11 months kept)', context, nextMonth),
        summarise('violation ledger of a month (after a change)', context, violations),
      ],
      notes: [`kpi: ${options.entries} register entries written in ${writeSeconds.toFixed(1)} s`],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function withDatabase<T>(dataDir: string, dataKey: Buffer, read: (database: ReturnType<typeof openArchiveDatabase>) => T): Promise<T> {
  const dbKey = deriveSubkey(dataKey, 'database');
  const database = openArchiveDatabase({ file: archivePaths(dataDir).database, key: dbKey, migrationsDir });
  dbKey.fill(0);
  try {
    return await Promise.resolve(read(database));
  } finally {
    database.close();
  }
}

function typeIdOf(dataDir: string, dataKey: Buffer, key: string): Promise<number> {
  return withDatabase(dataDir, dataKey, (database) => database.sqlite.prepare('SELECT id FROM dossier_types WHERE key = ?').pluck().get(key) as number);
}

function departmentIds(dataDir: string, dataKey: Buffer, codes: string[]): Promise<number[]> {
  return withDatabase(dataDir, dataKey, (database) => codes.map((code) => database.sqlite.prepare('SELECT id FROM departments WHERE code = ?').pluck().get(code) as number));
}
