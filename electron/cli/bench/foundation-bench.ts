import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchiveDatabase } from '../../../db/open';
import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import { createCore, type Core } from '../../core/core';
import { archivePaths } from '../../core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../core/vault/key-slots';
import { deriveSubkey } from '../../core/vault/subkeys';
import { summarise, time, type Figure } from './stats';
import { writeHighWaterMark } from '../../core/integrity/high-water-mark';
import { databaseState } from '../../core/integrity/rollback-check';

export interface BenchOptions {
  migrationsDir: string;
  appVersion: string;
  dossiers: number;
  keep: boolean;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const KINDS = ['新车档案', '售后档案', '房产客户档案', '企业客户档案'];

/**
 * The foundation's figures (archive creation, unlock, one-by-one creates), measured through the real core with the product's key-derivation
 * cost on a fresh encrypted archive in a temporary folder.
 */
export async function runFoundationBench(options: BenchOptions): Promise<{ figures: Figure[]; dataDir: string }> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'dossierdesk-bench-')), 'archive');
  const figures: Figure[] = [];
  try {
    const core = createCore({ dataDir, migrationsDir: options.migrationsDir, appVersion: options.appVersion, idleCheckIntervalMs: 0 });
    options.progress('archive creation …');
    figures.push(summarise('archive creation (KDF + schema)', 'empty archive', await time(1, () => must(core, 'archive:create', { admin: ADMIN }))));
    await must(core, 'session:lock', {});

    options.progress('unlock …');
    const unlock = await time(5, async () => {
      await must(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
      await must(core, 'session:lock', {});
    });
    figures.push(summarise('unlock (scrypt KDF + open + audit)', 'login + lock', unlock));

    options.progress('open with the raw key …');
    const paths = archivePaths(dataDir);
    const dataKey = await openSlot(readKeySlotFile(paths.keySlots), ADMIN.login, ADMIN.password);
    const dbKey = deriveSubkey(dataKey, 'database');
    figures.push(summarise('open with raw key (no KDF)', 'database only', await time(20, () => openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir: options.migrationsDir }).close())));
    // What every commit adds for the rollback check: read the database's state, seal it, rename it into place.
    const opened = openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir: options.migrationsDir });
    const archiveId = readKeySlotFile(paths.keySlots).archiveId;
    const markFile = join(dataDir, '..', 'bench-high-water.json');
    const markCost = await time(200, () => writeHighWaterMark(markFile, dataKey, archiveId, { databaseSalt: '00'.repeat(16), ...databaseState(opened.db) }));
    figures.push(summarise('high-water mark per commit (state + seal + rename)', 'no fsync', markCost));
    opened.close();
    dbKey.fill(0);
    dataKey.fill(0);

    await must(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    options.progress(`creating ${options.dossiers} dossiers …`);
    const creates = await time(options.dossiers, (i) => must(core, 'dossier:create', { title: sampleTitle(i) }));
    figures.push(summarise('dossier create (validate+audit+commit)', `${options.dossiers} dossiers`, creates));

    await core.close();
    return { figures, dataDir };
  } finally {
    if (!options.keep) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
}

function sampleTitle(i: number): string {
  const surname = SURNAMES[i % SURNAMES.length] ?? '王';
  const kind = KINDS[i % KINDS.length] ?? '新车档案';
  return `${surname}${'某'.repeat(1 + (i % 2))}的${kind} ${i}`;
}

async function must<C extends Channel>(core: Core, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.invoke(channel, input, 'cli');
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.messageEn}`);
  return result.data as OutputOf<C>;
}
