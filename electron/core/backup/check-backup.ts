import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../../../db/connection';
import { openArchiveDatabase } from '../../../db/open';
import { applyKey } from '../../../db/raw-key';
import type { BackupCheck, BackupSummary } from '../../../shared/contract';
import type { Message } from '../../../shared/errors';
import { sealedSize } from '../attachments/sealed-file';
import { DATABASE_CHECKS_ONLY, verifyArchive } from '../services/archive/verify-archive';
import { archivePaths } from '../vault/archive-files';
import { deriveSubkey } from '../vault/subkeys';
import { ENTRY, manifestKeyOf, type BackupManifest } from './backup-format';
import { snapshotFacts, type SnapshotFacts } from './snapshot-facts';
import { unpackBackup } from './unpack-backup';

/** What a check or a restore needs besides the backup's bytes. */
export interface BackupKeys {
  /** A copy of the data key, wiped when the job ends. */
  dataKey: Uint8Array;
  archiveId: string;
  migrationsDir: string;
  now: string;
}

export interface CheckedBackup {
  ok: boolean;
  summary: BackupSummary | null;
  checks: BackupCheck[];
}

/**
 * Unpacks a backup's database and key slots into `folder` (created, and removed after) – `scansRoot`
 * also gets its scans – and checks it: every entry against the manifest's hashes, the snapshot's
 * counts, audit head and scans against what the manifest says was taken, then the database as
 * `verify` checks an archive (pages, version, key slots, audit trail). `keep` leaves the unpacked
 * parts in `folder` when every check passed (a restore moves them into place).
 */
export async function checkBackup(chunks: AsyncIterable<Uint8Array>, folder: string, scansRoot: string | null, keys: BackupKeys): Promise<CheckedBackup> {
  const manifestKey = manifestKeyOf(keys.dataKey);
  const databaseKey = deriveSubkey(keys.dataKey, 'database');
  try {
    mkdirSync(folder, { recursive: false, mode: 0o700 });
    const unpacked = await unpackBackup(chunks, { folder, scansRoot }, manifestKey, keys.archiveId);
    if (!unpacked.ok) return { ok: false, summary: null, checks: [failed('backup-contents', unpacked.problem)] };
    const { manifest } = unpacked;
    const scanCount = Object.keys(manifest.scans).length;
    const checks: BackupCheck[] = [
      passed('backup-contents', { zh: `备份完整：数据库、密钥槽和 ${scanCount} 个扫描文件与清单的校验值一致`, en: `The backup is whole: the database, the key slots and the scan files (${scanCount}) match the hashes of its manifest` }),
      snapshotCheck(manifest, factsOf(join(folder, ENTRY.database), databaseKey)),
    ];
    const database = openArchiveDatabase({ file: join(folder, ENTRY.database), key: databaseKey, migrationsDir: keys.migrationsDir });
    try {
      const report = verifyArchive({ paths: archivePaths(folder), archiveId: keys.archiveId, database, dataKey: Buffer.from(keys.dataKey.buffer, keys.dataKey.byteOffset, keys.dataKey.byteLength) }, new Date(keys.now), [], DATABASE_CHECKS_ONLY);
      checks.push(...report.checks);
    } finally {
      database.close();
    }
    return { ok: checks.every((c) => c.ok), summary: summaryOf(manifest), checks };
  } finally {
    manifestKey.fill(0);
    databaseKey.fill(0);
  }
}

export function summaryOf(manifest: BackupManifest): BackupSummary {
  return {
    backupId: manifest.backupId,
    takenAt: manifest.takenAt,
    takenBy: manifest.takenBy,
    reason: manifest.reason,
    appVersion: manifest.appVersion,
    counts: manifest.counts,
    auditHead: manifest.auditHead,
    missingScans: manifest.missingScans.length,
    damagedScans: manifest.damagedScans.length,
  };
}

function factsOf(file: string, databaseKey: Uint8Array): SnapshotFacts {
  const sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, databaseKey);
    return snapshotFacts(sqlite);
  } finally {
    sqlite.close();
  }
}

/** The snapshot holds what the manifest says was taken: the same counts, audit head, running numbers and scans. */
function snapshotCheck(manifest: BackupManifest, facts: SnapshotFacts): BackupCheck {
  const differences: string[] = [];
  if (facts.schemaVersion !== manifest.schemaVersion) differences.push(`schema ${facts.schemaVersion} ≠ ${manifest.schemaVersion}`);
  for (const [name, value] of Object.entries(manifest.counts)) {
    const found = facts.counts[name as keyof BackupManifest['counts']];
    if (found !== value) differences.push(`${name} ${found} ≠ ${value}`);
  }
  if (JSON.stringify(facts.auditHead) !== JSON.stringify(manifest.auditHead)) differences.push('audit head');
  if (JSON.stringify(sorted(facts.numbers)) !== JSON.stringify(sorted(manifest.numbers))) differences.push('running numbers');
  const missing = new Set(manifest.missingScans);
  for (const [address, size] of facts.scanFiles) {
    const entry = manifest.scans[address];
    if (entry ? entry.size !== sealedSize(size) : !missing.has(address)) differences.push(`scan ${address.slice(0, 12)}…`);
  }
  if (facts.scanFiles.size !== Object.keys(manifest.scans).length + missing.size) differences.push('scan count');
  if (differences.length > 0) {
    return failed('backup-snapshot', { zh: `备份中的数据库与清单记录不符（${differences.slice(0, 5).join('；')}）`, en: `The database in the backup differs from what its manifest records (${differences.slice(0, 5).join('; ')})` });
  }
  const head = manifest.auditHead ? manifest.auditHead.id : 0;
  return passed('backup-snapshot', {
    zh: `备份时的档案库：${manifest.counts.dossiers} 份档案、${manifest.counts.documents} 份卷内文件、${manifest.counts.scanFiles} 个扫描文件，审计记录至第 ${head} 条`,
    en: `The archive as backed up – dossiers: ${manifest.counts.dossiers}, documents: ${manifest.counts.documents}, scan files: ${manifest.counts.scanFiles}; audit trail up to event ${head}`,
  });
}

const sorted = (record: Record<string, number>) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));

function passed(name: BackupCheck['name'], message: Message): BackupCheck {
  return { name, ok: true, message: message.zh, messageEn: message.en };
}

function failed(name: BackupCheck['name'], message: Message): BackupCheck {
  return { name, ok: false, message: message.zh, messageEn: message.en };
}
