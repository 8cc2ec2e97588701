import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import { archiveMeta, settings } from '../schema';

export interface ArchiveMetaRecord {
  archiveId: string;
  createdAt: string;
  createdByBuild: string;
}

const metaKeys = { archiveId: 'archive_id', createdAt: 'created_at', createdByBuild: 'created_by_build' } as const;

export function writeArchiveMeta(db: Db, record: ArchiveMetaRecord): void {
  for (const [field, key] of Object.entries(metaKeys)) {
    db.insert(archiveMeta)
      .values({ key, value: record[field as keyof ArchiveMetaRecord] })
      .run();
  }
}

export function readArchiveMeta(db: Db): ArchiveMetaRecord {
  const rows = new Map(db.select().from(archiveMeta).all().map((r) => [r.key, r.value]));
  return {
    archiveId: rows.get(metaKeys.archiveId) ?? '',
    createdAt: rows.get(metaKeys.createdAt) ?? '',
    createdByBuild: rows.get(metaKeys.createdByBuild) ?? '',
  };
}

/** One archive fact by key (e.g. the sign-in private key), or null. */
export function readMetaValue(db: Db, key: string): string | null {
  return db.select().from(archiveMeta).where(eq(archiveMeta.key, key)).get()?.value ?? null;
}

export function writeMetaValue(db: Db, key: string, value: string): void {
  db.insert(archiveMeta).values({ key, value }).onConflictDoUpdate({ target: archiveMeta.key, set: { value } }).run();
}

/** Stored setting values (JSON-decoded); defaults and validation live with the settings service. */
export function readSettingValues(db: Db): Record<string, unknown> {
  return Object.fromEntries(db.select().from(settings).all().map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function writeSettingValue(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

export function deleteSettingValue(db: Db, key: string): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
