import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkDossierWriter } from '../../../db/repositories/bulk-dossiers';
import { openArchiveDatabase } from '../../../db/open';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { formatLocalDate } from '../../../shared/time';
import { createCore, type Core } from '../../core/core';
import { archivePaths } from '../../core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../core/vault/key-slots';
import { deriveSubkey } from '../../core/vault/subkeys';
import { SampleData } from './sample-data';
import { summarise, time, type Figure } from './stats';

export interface RegisterBenchOptions {
  migrationsDir: string;
  appVersion: string;
  /** Register entries in all: approval requests and their decisions, loans and their returns, intakes and their dossiers. */
  entries: number;
  keep: boolean;
  progress: (text: string) => void;
}

const ADMIN = { login: 'admin', displayName: '管理员', password: 'bench-admin-password-1' };
const CLERK = { login: 'clerk', password: 'bench-clerk-password-1' };
const MANAGER = { login: 'manager', password: 'bench-manager-password-1' };
const DOSSIERS = 20_000;
const BORROWERS = 8;
const YEARS = 5;

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

/**
 * The registers at scale: an archive whose registers hold `entries` entries over five years –
 * approval requests with their decisions, loans with their returns, intakes with their dossiers,
 * written straight into the database the way years of daily work would have – then, through the
 * real core, a month's page of the loan register and the intake book (targets: p95 ≤ 20 ms) and
 * the clerk's and the approver's workbench (target: p95 ≤ 50 ms).
 */
export async function runRegisterBench(options: RegisterBenchOptions): Promise<{ figures: Figure[]; notes: string[]; dataDir: string }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-register-bench-'));
  const dataDir = join(root, 'archive');
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    let core = createCore({ dataDir, migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0 });
    await must(core, 'archive:create', { admin: ADMIN });
    await must(core, 'department:create', { code: 'XSB', name: '销售部' });
    const user = (login: string, displayName: string, roles: ('clerk' | 'dept-manager' | 'staff')[], departmentCode: string, password: string) =>
      must(core, 'user:create', { login, displayName, roles, departmentCode, clearance: 4, password, mustChangePassword: false });
    await user(CLERK.login, '档案员', ['clerk'], 'DAS', CLERK.password);
    await user(MANAGER.login, '销售部经理', ['dept-manager'], 'XSB', MANAGER.password);
    for (let i = 0; i < BORROWERS; i += 1) await user(`staff${i}`, `销售员${i}`, ['staff'], 'XSB', `bench-staff-password-${i}`);
    await core.close();

    options.progress(`writing ${DOSSIERS} dossiers and ${options.entries} register entries …`);
    const started = performance.now();
    const written = await fillRegisters(dataDir, options, new SampleData());
    notes.push(`registers: ${written.summary} written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    core = createCore({ dataDir, migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0 });
    const size = `${options.entries} register entries`;
    await must(core, 'session:login', { login: CLERK.login, password: CLERK.password });
    const months = monthsBack(24);
    options.progress('register pages …');
    figures.push(
      summarise('registers: a month of the loan register (first page, total)', size, await time(200, (i) => {
        const [from, to] = months[i % months.length] ?? ['2026-01-01', '2026-01-31'];
        return must(core, 'loan:list', { from, to, limit: 50 });
      })),
    );
    figures.push(
      summarise('registers: a month of the intake book (first page, total)', size, await time(200, (i) => {
        const [from, to] = months[i % months.length] ?? ['2026-01-01', '2026-01-31'];
        return must(core, 'intake:list', { from, to, limit: 50 });
      })),
    );
    figures.push(summarise('registers: overdue loans (first page, total)', size, await time(100, () => must(core, 'loan:list', { state: 'overdue', limit: 50 }))));
    // What every window asks every five minutes: the notices due (issued once; later checks only list).
    figures.push(summarise('notices: check (reminders, escalations, expiries due)', size, await time(50, () => must(core, 'notice:check', {}))));
    options.progress('workbench …');
    figures.push(summarise('workbench: archive clerk', size, await time(100, () => must(core, 'workbench:get', {}))));
    await must(core, 'session:lock', {});
    await must(core, 'session:login', { login: MANAGER.login, password: MANAGER.password });
    if (process.env.RB_PROFILE) {
      for (const [name, call] of [
        ['inbox', () => must(core, 'approval:inbox', {})],
        ['mine', () => must(core, 'approval:mine', { limit: 100 })],
        ['overdue', () => must(core, 'loan:list', { state: 'overdue', limit: 8 })],
        ['open', () => must(core, 'loan:list', { state: 'open', limit: 8 })],
        ['late intakes', () => must(core, 'intake:list', { late: true, from: monthsBack(2)[1]?.[0] ?? '2026-01-01', limit: 8 })],
        ['recent intakes', () => must(core, 'intake:list', { from: monthsBack(1)[0]?.[0] ?? '2026-01-01', limit: 8 })],
        ['my requests', () => must(core, 'approval:mine', { limit: 100 })],
        ['shortages', () => must(core, 'intake:shortages', { limit: 8 })],
      ] as const) figures.push(summarise(`profile: ${name}`, size, await time(30, call)));
    }
    figures.push(summarise('workbench: department manager (inbox of pending requests)', size, await time(100, () => must(core, 'workbench:get', {}))));
    await core.close();
    return { figures, notes, dataDir };
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

/** The first and last day of each of the last `count` months. */
function monthsBack(count: number): [string, string][] {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const last = new Date(now.getFullYear(), now.getMonth() - i + 1, 0);
    return [formatLocalDate(first), formatLocalDate(last)];
  });
}

/**
 * Years of registers in one transaction: approval requests with their decisions and loans (nearly
 * all returned; in the last weeks partly out, some overdue), and intakes with their dossier lines
 * (some late).
 */
async function fillRegisters(dataDir: string, options: RegisterBenchOptions, data: SampleData): Promise<{ summary: string }> {
  const paths = archivePaths(dataDir);
  const dataKey = await openSlot(readKeySlotFile(paths.keySlots), ADMIN.login, ADMIN.password);
  {
    const dbKey = deriveSubkey(dataKey, 'database');
    const database = openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir: options.migrationsDir });
    dbKey.fill(0);
    try {
      const { sqlite } = database;
      const id = (login: string) => sqlite.prepare('SELECT id FROM users WHERE login = ?').pluck().get(login) as number;
      const clerk = id(CLERK.login);
      const manager = id(MANAGER.login);
      const borrowers = Array.from({ length: BORROWERS }, (_, i) => id(`staff${i}`));
      const department = sqlite.prepare("SELECT id FROM departments WHERE code = 'XSB'").pluck().get() as number;
      const span = YEARS * 365 * 86_400_000;
      const end = Date.now();
      const at = (i: number, n: number) => new Date(end - span + Math.floor((span * i) / n) + data.int(3_600_000));
      sqlite.transaction(() => {
        const writer = bulkDossierWriter(database.db);
        const created = new Date(end - span).toISOString();
        const dossiers: number[] = [];
        for (let i = 0; i < DOSSIERS; i += 1) {
          dossiers.push(writer.insertDossier({ archiveNumber: `KH-BENCH-${String(i + 1).padStart(6, '0')}`, title: `${data.pick(['张', '王', '李', '赵', '陈'])}${data.pick(['伟', '芳', '娜', '敏', '静'])} 新车档案`, typeId: null, typeVersion: null, fields: '{}', classification: null, retention: null, carrier: 'paper', openedOn: created.slice(0, 10), remarks: null, missingItems: '[]', complete: true, departmentId: department, level: 1, custodianId: null, storedSeparately: false, createdAt: created, createdBy: clerk, importId: null }));
        }
        const request = sqlite.prepare(`INSERT INTO approval_requests (dossier_id, kind, requester_id, registered_by, purpose, route, requested_at, status, next_step, decided_at, valid_until, used_at)
          VALUES (?, ?, ?, ?, '核对合同', ?, ?, ?, ?, ?, ?, ?)`);
        const decision = sqlite.prepare("INSERT INTO approval_decisions (request_id, step, approver_id, decision, decided_at) VALUES (?, 0, ?, 'approve', ?)");
        const loan = sqlite.prepare(`INSERT INTO loans (request_id, dossier_id, kind, borrower_id, handed_out_by, handed_out_at, due_on, documents, borrower_signature)
          VALUES (?, ?, 'loan', ?, ?, ?, ?, '[]', '{"name":"借阅人"}')`);
        const loanReturn = sqlite.prepare(`INSERT INTO loan_returns (loan_id, received_by, returned_at, findings, returner_signature) VALUES (?, ?, ?, '[]', '{"name":"借阅人"}')`);
        const intake = sqlite.prepare(`INSERT INTO intakes (handed_over_at, from_department_id, handed_by_name, received_by, handed_by_signature, receiver_signature, recorded_at)
          VALUES (?, ?, '销售员', ?, '{"name":"销售员"}', '{"name":"档案员"}', ?)`);
        const intakeLine = sqlite.prepare(`INSERT INTO intake_dossiers (intake_id, dossier_id, opened_here, trigger_date, deadline, workdays_late, items, missing_count)
          VALUES (?, ?, 0, ?, ?, ?, '[]', 0)`);
        const use = sqlite.prepare('UPDATE approval_requests SET used_at = ? WHERE id = ?');
        const route = JSON.stringify([{ role: 'dept-manager', departmentId: department, rule: 'own-department' }]);
        // Approval requests for loans: each of the first half handed out and (but for the last weeks) returned.
        // A fifth of the entries are loans: each with its request and decision, nearly each with its return.
        const loans = Math.floor(options.entries / 5);
        let open = 0;
        for (let i = 0; i < loans; i += 1) {
          const when = at(i, loans);
          const dossier = dossiers[i % dossiers.length] ?? 0;
          const borrower = borrowers[i % borrowers.length] ?? 0;
          const recent = end - when.getTime() < 30 * 86_400_000;
          const pending = recent && i % 50 === 0;
          const requestId = Number(
            request.run(dossier, 'loan', borrower, clerk, route, when.toISOString(), pending ? 'pending' : 'approved', pending ? 0 : 1, pending ? null : when.toISOString(), pending ? null : new Date(when.getTime() + 7 * 86_400_000).toISOString(), null).lastInsertRowid,
          );
          if (pending) continue;
          decision.run(requestId, manager, when.toISOString());
          // The approval is used by the loan, as the engine sets it (an UPDATE the triggers allow).
          use.run(when.toISOString(), requestId);
          const loanId = Number(loan.run(requestId, dossier, borrower, clerk, when.toISOString(), formatLocalDate(new Date(when.getTime() + 3 * 86_400_000))).lastInsertRowid);
          if (recent && i % 3 === 0) open += 1;
          else loanReturn.run(loanId, clerk, new Date(when.getTime() + (1 + data.int(5)) * 86_400_000).toISOString());
        }
        // A tenth are intakes, each with one dossier line.
        const intakes = Math.floor(options.entries / 10);
        for (let i = 0; i < intakes; i += 1) {
          const when = at(i, intakes);
          const intakeId = Number(intake.run(when.toISOString(), department, clerk, when.toISOString()).lastInsertRowid);
          const day = formatLocalDate(when);
          intakeLine.run(intakeId, dossiers[(i * 7) % dossiers.length] ?? 0, day, day, i % 9 === 0 ? 1 + data.int(4) : 0);
        }
        return open;
      })();
      const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const tables = ['approval_requests', 'approval_decisions', 'loans', 'loan_returns', 'intakes', 'intake_dossiers'];
      return { summary: tables.map((t) => `${count(t)} ${t}`).join(', ') };
    } finally {
      database.close();
      dataKey.fill(0);
    }
  }
}
