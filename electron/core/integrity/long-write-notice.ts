import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { formatLocalDateTime } from '../../../shared/time';
import { writeFileAtomic } from '../fs/atomic-write';
import { processAlive } from '../../../db/process-alive';

/**
 * The long-write notice (`writing.json`): while one program holds the archive for a long write (an
 * import), it says so beside the database, with its progress. Another program then knows at once
 * why it cannot write – and says so, with the progress – instead of waiting for SQLite's lock to
 * time out; and it signs in for reading without waiting at all. No names, no business data.
 */
const noticeSchema = z.object({
  writer: z.string(),
  pid: z.number().int(),
  kind: z.literal('import'),
  startedAt: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type LongWriteNotice = z.infer<typeof noticeSchema>;

/** Progress is rewritten at most this often. */
const UPDATE_EVERY_MS = 1000;
/**
 * A notice not rewritten for this long is left over (its program died, and the pid now belongs to
 * another): an import pauses between batches of rows far more often than that.
 */
const STALE_AFTER_MS = 5 * 60_000;

export class LongWrite {
  private readonly writer = randomUUID();
  private lastUpdate = 0;
  private progress = { done: 0, total: 0 };

  constructor(
    private readonly path: string,
    private readonly startedAt: Date,
  ) {}

  update(progress: { done: number; total: number }, now = Date.now()): void {
    this.progress = progress;
    if (now - this.lastUpdate < UPDATE_EVERY_MS) return;
    this.lastUpdate = now;
    writeFileAtomic(this.path, `${JSON.stringify(this.current())}\n`, { durable: false });
  }

  /** The notice as it stands, progress up to the last step. */
  current(): LongWriteNotice {
    return { writer: this.writer, pid: process.pid, kind: 'import', startedAt: this.startedAt.toISOString(), ...this.progress };
  }

  end(): void {
    if (this.mine()) rmSync(this.path, { force: true });
  }

  /** Whether the notice on disk is this write's own. */
  mine(): boolean {
    return readNotice(this.path)?.writer === this.writer;
  }
}

/** Another write in progress that holds the archive, or null (none, or one whose program has ended). */
export function longWriteElsewhere(path: string, own: LongWrite | null): LongWriteNotice | null {
  const notice = readNotice(path);
  if (!notice || (own?.mine() ?? false) || !processAlive(notice.pid)) return null;
  try {
    return Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS ? null : notice;
  } catch {
    return null;
  }
}

export function busyError(notice: LongWriteNotice, whose: 'elsewhere' | 'here' = 'elsewhere'): AppError {
  const share = notice.total > 0 ? Math.floor((notice.done / notice.total) * 100) : 0;
  const started = formatLocalDateTime(new Date(notice.startedAt));
  const who = whose === 'here' ? { zh: '正在导入', en: 'An import is running' } : { zh: '另一程序正在导入', en: 'Another program is importing' };
  return new AppError('ARCHIVE_BUSY', {
    zh: `${who.zh}（${started} 开始，已处理 ${notice.done} / ${notice.total} 行，${share}%），导入结束前不能写入；查看和查找不受影响，请稍后再试`,
    en: `${who.en} (started ${started}, ${notice.done} of ${notice.total} rows, ${share}%); nothing can be written until it ends. Looking and searching go on; try again later`,
  });
}

function readNotice(path: string): LongWriteNotice | null {
  if (!existsSync(path)) return null;
  try {
    return noticeSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

