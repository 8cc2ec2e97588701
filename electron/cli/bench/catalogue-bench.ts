import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { pinyin } from 'pinyin-pro';
import { bulkDocumentWriter } from '../../../db/repositories/bulk-dossiers';
import { openArchiveDatabase } from '../../../db/open';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { createCore, type Core } from '../../core/core';
import { rebuildSearchIndex } from '../../core/services/search/index-dossier';
import { archivePaths } from '../../core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../core/vault/key-slots';
import { deriveSubkey } from '../../core/vault/subkeys';
import { stageLocalFile } from '../../core/staging/stage-local-file';
import { SampleData } from './sample-data';
import { summarise, time, type Figure } from './stats';

export interface CatalogueBenchOptions {
  migrationsDir: string;
  appVersion: string;
  dossiers: number;
  documents: number;
  keep: boolean;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '车型', '交车日期', '联系地址'];
/** Dossiers that get 50 documents each, for the dossier-page figure. */
const FULL_DOSSIERS = 200;
const QUERIES_PER_CLASS = 200;

interface Customer {
  name: string;
  phone: string;
  plate: string;
}

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}

/** Streams the sheet to disk like a clerk's export would be: UTF-8 with BOM, CRLF. */
export async function writeSheet(file: string, count: number, data: SampleData): Promise<Customer[]> {
  const out = createWriteStream(file);
  const sample: Customer[] = [];
  out.write(`\uFEFF${HEADER.join(',')}\r\n`);
  for (let i = 0; i < count; i += 1) {
    const customer = { name: data.name(), phone: data.phone(), plate: data.plate() };
    if (i % Math.max(1, Math.floor(count / 2000)) === 0) sample.push(customer);
    const line = [customer.name, customer.phone, data.vin(), customer.plate, data.model(), data.day(2015, 2026), `"${data.address()}"`].join(',');
    if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return sample;
}

/**
 * CPU seconds this process (all its threads) used since `from`: on a shared, busy machine the
 * wall-clock time of a long step says more about the neighbours than about the step.
 */
function cpuSeconds(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

/** The highest resident memory seen while `task` runs (sampled every 20 ms). */
async function peakMemory<T>(task: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await task();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Files documents into the imported dossiers – checklist items first, then free documents – so
 * the archive holds `documents` in all, FULL_DOSSIERS of them with 50 each; then completeness
 * is brought up to date and the search index rebuilt (document titles are searchable).
 */
function fileDocuments(dataDir: string, dataKey: Buffer, migrationsDir: string, count: number, checklist: { key: string; name: string; required: boolean }[], data: SampleData): { rebuildMs: number; rebuildCpuS: number; fullNumbers: string[] } {
  const dbKey = deriveSubkey(dataKey, 'database');
  const database = openArchiveDatabase({ file: archivePaths(dataDir).database, key: dbKey, migrationsDir });
  dbKey.fill(0);
  try {
    const { db } = database;
    const ids = database.sqlite.prepare('SELECT id FROM dossiers ORDER BY id').pluck().all() as number[];
    const userId = database.sqlite.prepare('SELECT id FROM users ORDER BY id LIMIT 1').pluck().get() as number;
    const at = new Date().toISOString();
    const fullIds = ids.filter((_, i) => i % Math.floor(ids.length / FULL_DOSSIERS) === 0).slice(0, FULL_DOSSIERS);
    const full = new Set(fullIds);
    const perOther = Math.max(0, (count - FULL_DOSSIERS * 50) / Math.max(1, ids.length - FULL_DOSSIERS));
    const required = checklist.filter((c) => c.required).map((c) => c.key);
    database.sqlite
      .transaction(() => {
        const writer = bulkDocumentWriter(db);
        let carry = 0;
        for (const id of ids) {
          carry += full.has(id) ? 50 : perOther;
          const n = Math.floor(carry);
          carry -= n;
          const filed = new Set<string>();
          for (let position = 1; position <= n; position += 1) {
            const item = position <= checklist.length ? checklist[position - 1] : undefined;
            if (item) filed.add(item.key);
            writer.insert({
              dossierId: id,
              checklistItem: item?.key ?? null,
              title: item?.name ?? `补充材料${position - checklist.length}（${data.pick(['保险续保', '维修记录', '客户来函', '回访记录', '变更申请'])}）`,
              docDate: data.day(2015, 2026),
              form: data.int(3) === 0 ? 'copy' : 'original',
              pages: 1 + data.int(8),
              groupKey: null,
              position,
              level: 1,
              createdAt: at,
              createdBy: userId,
            });
          }
          writer.setCompleteness(
            id,
            required.filter((key) => !filed.has(key)),
          );
        }
      })
      .immediate();
    const start = performance.now();
    const cpu = process.cpuUsage();
    database.sqlite.transaction(() => rebuildSearchIndex(db)).immediate();
    const rebuildCpuS = cpuSeconds(cpu);
    const numberOf = database.sqlite.prepare('SELECT archive_number FROM dossiers WHERE id = ?').pluck();
    return { rebuildMs: performance.now() - start, rebuildCpuS, fullNumbers: fullIds.map((id) => numberOf.get(id) as string) };
  } finally {
    database.close();
  }
}

function initials(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s[0] ?? '')
    .join('');
}

/**
 * The catalogue's figures on an archive of `dossiers` dossiers and `documents` documents: CSV
 * import end to end with its peak memory, search per query class, list pages at any depth, and
 * the dossier page with 50 documents – all through the real core on an encrypted archive.
 */
export async function runCatalogueBench(options: CatalogueBenchOptions): Promise<{ figures: Figure[]; notes: string[]; dataDir: string }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-catalogue-bench-'));
  const dataDir = join(root, 'archive');
  const figures: Figure[] = [];
  const notes: string[] = [];
  const size = `${options.dossiers} dossiers, ${options.documents} documents`;
  const data = new SampleData();
  try {
    let core = createCore({ dataDir, migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0 });
    await must(core, 'archive:create', { admin: ADMIN });

    options.progress(`writing a sheet of ${options.dossiers} customers …`);
    const sheet = join(root, '新车客户.csv');
    const customers = await writeSheet(sheet, options.dossiers, data);

    options.progress('importing it …');
    const before = process.memoryUsage().rss / 1024 / 1024;
    const start = performance.now();
    const importCpu = process.cpuUsage();
    const phases = new Map<string, number>();
    const { result, peakMb } = await peakMemory(async () => {
      const staged = await stageLocalFile(sheet, 'import', (channel, input) => must(core, channel, input));
      const opened = await must(core, 'import:open', { stagedFileId: staged.stagedFileId });
      phases.set('reading', performance.now());
      // The import answers progress while it runs: when each phase began shows where the time goes.
      const watch = setInterval(() => {
        void must(core, 'import:progress', { importId: opened.importId }).then(({ phase }) => {
          if (!phases.has(phase)) phases.set(phase, performance.now());
        }, () => undefined);
      }, 50);
      try {
        return await must(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
      } finally {
        clearInterval(watch);
      }
    });
    const importMs = performance.now() - start;
    phases.set('done', performance.now());
    const marks = [...phases].sort((a, b) => a[1] - b[1]);
    const spans = marks.slice(0, -1).map(([phase, at], i) => `${phase} ${(((marks[i + 1]?.[1] ?? at) - at) / 1000).toFixed(1)} s`);
    notes.push(`CSV import phases: ${spans.join(', ')} (the last one includes the commit)`);
    figures.push(summarise('CSV import end to end (read, check, write, index)', `${result.imported} rows`, [importMs]));
    notes.push(`CSV import: ${result.imported} rows in ${(importMs / 1000).toFixed(1)} s (CPU ${cpuSeconds(importCpu).toFixed(1)} s, both threads); peak resident memory ${peakMb.toFixed(0)} MB (${before.toFixed(0)} MB before)`);

    const type = (await must(core, 'type:list', {})).find((t) => t.key === 'vehicle-new');
    const checklist = (type?.checklist ?? []).map((c) => ({ key: c.key, name: c.name, required: c.requirement === 'required' }));
    await must(core, 'session:lock', {});
    options.progress(`filing ${options.documents} documents and rebuilding the search index …`);
    const paths = archivePaths(dataDir);
    const dataKey = await openSlot(readKeySlotFile(paths.keySlots), ADMIN.login, ADMIN.password);
    const { rebuildMs, rebuildCpuS, fullNumbers } = fileDocuments(dataDir, dataKey, options.migrationsDir, options.documents, checklist, data);
    notes.push(`search index rebuild: CPU ${rebuildCpuS.toFixed(1)} s`);
    dataKey.fill(0);
    figures.push(summarise('search index rebuild (all dossiers with document titles)', size, [rebuildMs]));
    await core.close();

    core = createCore({ dataDir, migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0 });
    await must(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const pickCustomer = (i: number) => customers[(i * 7919) % customers.length] as Customer;
    const classes: [string, (i: number) => string][] = [
      ['search: 1 character (surname)', (i) => pickCustomer(i).name.slice(0, 1)],
      ['search: 2 characters (name)', (i) => pickCustomer(i).name.slice(0, 2)],
      ['search: 3+ characters (full name)', (i) => (pickCustomer(i).name.length >= 3 ? pickCustomer(i).name : `${pickCustomer(i).name}路`)],
      ['search: pinyin initials', (i) => initials(pickCustomer(i).name)],
      ['search: plate fragment', (i) => pickCustomer(i).plate.slice(1, 5)],
      ['search: phone fragment (4 digits)', (i) => pickCustomer(i).phone.replace(/\D/g, '').slice(-4)],
      ['search: phone fragment (7 digits)', (i) => pickCustomer(i).phone.replace(/\D/g, '').slice(3, 10)],
      ['search: document title', (i) => ['发票', '合同', '保险', '回访记录'][i % 4] ?? '发票'],
      ['search: pinyin beginning (1–2 letters)', (i) => initials(pickCustomer(i).name).slice(0, 1 + (i % 2))],
      ['search: exact plate or phone', (i) => (i % 2 ? pickCustomer(i).plate : pickCustomer(i).phone)],
      ['search: two terms (surname and plate province)', (i) => `${pickCustomer(i).name.slice(0, 1)} ${pickCustomer(i).plate.slice(0, 1)}`],
    ];
    for (const [name, query] of classes) {
      options.progress(name);
      figures.push(summarise(name, size, await time(QUERIES_PER_CLASS, (i) => must(core, 'dossier:list', { query: query(i), limit: 50 }))));
    }

    options.progress('search: a later page …');
    // The 5th page of a common query (the ranks of a surname: its names, then addresses and titles).
    const later: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      let page = await must(core, 'dossier:list', { query: pickCustomer(i).name.slice(0, 1), limit: 50 });
      for (let p = 0; p < 4 && page.nextCursor; p += 1) page = await must(core, 'dossier:list', { query: pickCustomer(i).name.slice(0, 1), limit: 50, cursor: page.nextCursor });
      if (page.nextCursor) later.push(JSON.stringify([pickCustomer(i).name.slice(0, 1), page.nextCursor]));
    }
    figures.push(
      summarise('search: 6th page (1 character)', size, await time(QUERIES_PER_CLASS, (i) => {
        const [query, cursor] = JSON.parse(later[i % later.length] ?? '["张",""]') as [string, string];
        return must(core, 'dossier:list', { query, limit: 50, ...(cursor ? { cursor } : {}) });
      })),
    );

    options.progress('list pages …');
    figures.push(summarise('list: first page with total', size, await time(100, () => must(core, 'dossier:list', { limit: 50 }))));
    const deepCursors: string[] = [];
    for (const by of ['created', 'archiveNumber'] as const) {
      let page = await must(core, 'dossier:list', { limit: 200, sort: { by, direction: 'desc' } });
      for (let i = 0; i < Math.floor(options.dossiers / 200) - 2 && page.nextCursor; i += 1) {
        if (i % 97 === 0) deepCursors.push(page.nextCursor);
        page = await must(core, 'dossier:list', { limit: 200, sort: { by, direction: 'desc' }, cursor: page.nextCursor });
      }
      const cursors = deepCursors.splice(0);
      figures.push(
        summarise(`list: a page at any depth (sorted by ${by === 'created' ? 'newest' : 'archive number'})`, size, await time(200, (i) => must(core, 'dossier:list', { limit: 50, sort: { by, direction: 'desc' }, cursor: cursors[i % cursors.length] ?? '' }))),
      );
    }

    options.progress('dossier pages …');
    figures.push(summarise('dossier page data (50 documents)', size, await time(200, (i) => must(core, 'dossier:get', { archiveNumber: fullNumbers[i % fullNumbers.length] ?? '' }))));

    options.progress('list exports …');
    const wholeList = await peakMemory(() => time(1, () => must(core, 'dossier:export-list', { format: 'xlsx' })));
    figures.push(summarise('list export: the whole list as .xlsx', size, wholeList.result));
    notes.push(`list export (.xlsx, every dossier): peak resident memory ${wholeList.peakMb.toFixed(0)} MB, the SQLite page cache included`);
    // A printed catalogue is limited (CATALOGUE_MAX_ROWS.pdf): one surname's dossiers.
    const surname = pickCustomer(0).name.slice(0, 1);
    const printed = (await must(core, 'dossier:list', { query: surname, limit: 1 })).total ?? 0;
    figures.push(summarise('list export: printed catalogue (PDF) of a search', `${printed}${printed >= 1000 ? '+' : ''} rows`, await time(1, () => must(core, 'dossier:export-list', { format: 'pdf', query: surname }))));
    await core.close();
    return { figures, notes, dataDir };
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}
