import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { Message } from '../../../shared/errors';
import { formatLocalDateTime } from '../../../shared/time';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * The damage record (`damage.json`): written the first time any program sees a page of the
 * database fail its check, so that every program – this one, the next command on the command
 * line, the window – refuses writes until `verify` finds the database whole again. It lives
 * outside the database because a damaged database cannot be trusted to remember it, and holds no
 * business data: when, where, and SQLite's words.
 */
const recordSchema = z.object({
  seenAt: z.string(),
  /** The operation that met the damage (a channel name, or `verify`). */
  seenBy: z.string(),
  detail: z.string(),
  /** Damaged tables and indexes, when `verify` could name them. */
  structures: z.array(z.string()).default([]),
});
export type DamageRecord = z.infer<typeof recordSchema>;

export function readDamageRecord(path: string): DamageRecord | null {
  if (!existsSync(path)) return null;
  try {
    return recordSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    // An unreadable record still says that damage was seen.
    return { seenAt: '', seenBy: 'unknown', detail: 'damage.json unreadable', structures: [] };
  }
}

/** Remembers damage; the first sighting is kept unless `verify` names the damaged structures. */
export function recordDamage(path: string, record: DamageRecord): void {
  const previous = readDamageRecord(path);
  if (previous && record.structures.length === 0) return;
  writeFileAtomic(path, `${JSON.stringify(previous ? { ...previous, structures: record.structures } : record, null, 2)}\n`);
}

export function clearDamageRecord(path: string): void {
  rmSync(path, { force: true });
}

export function damageMessage(record: DamageRecord): Message {
  const seen = record.seenAt ? formatLocalDateTime(new Date(record.seenAt)) : '—';
  const where = record.structures.length > 0 ? { zh: `（损坏的部分：${record.structures.join('、')}）`, en: ` (damaged: ${record.structures.join(', ')})` } : { zh: '', en: '' };
  return {
    zh: `档案库文件已损坏，${seen} 发现${where.zh}。在运行“校验”确认损坏已修复之前不能写入；检索索引可以重建，记录本身只能从副本恢复`,
    en: `The archive files are damaged, found ${seen}${where.en}. Nothing can be written until verify finds the damage repaired; the search index can be rebuilt, the records themselves only restored from a copy`,
  };
}
