import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isSqliteError } from '../../db/open';
import { AppError } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';

/** A page of the database failed its check (SQLite's own, or the cipher's HMAC), wherever it surfaced. */
export function isDatabaseDamage(error: unknown): boolean {
  // An AppError has been explained already: a wrong key also surfaces as "not a database".
  if (error instanceof AppError && error.code !== 'ARCHIVE_DAMAGED') return false;
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (isSqliteError(current, 'SQLITE_CORRUPT') || isSqliteError(current, 'SQLITE_NOTADB')) return true;
  }
  return false;
}

/** Every failure leaves the core as an AppError with a code and both languages. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('VALIDATION', undefined, { issues: describeIssues(error), cause: error });
  if (isSqliteError(error, 'SQLITE_BUSY')) return new AppError('ARCHIVE_BUSY', undefined, { cause: error });
  if (isSqliteError(error, 'SQLITE_CORRUPT') || isSqliteError(error, 'SQLITE_NOTADB')) {
    return new AppError('ARCHIVE_DAMAGED', undefined, { cause: error });
  }
  if (isSqliteError(error, 'SQLITE_FULL') || (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') return new AppError('DISK_FULL', undefined, { cause: error });
  if (isSqliteError(error, 'SQLITE_READONLY') || ['EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException | null)?.code ?? '')) {
    return new AppError('READ_ONLY', undefined, { cause: error });
  }
  return new AppError('INTERNAL', undefined, { cause: error });
}

/** A reference to one logged internal error, e.g. E20261129-2338-9f3a: the day, the minute, a random part. */
export function internalErrorReference(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 13).replace('T', '-');
  return `E${stamp}-${randomBytes(2).toString('hex')}`;
}

/** The user's message for an internal error names the log entry that holds its cause. */
export function withReference(error: AppError, reference: string): AppError {
  return new AppError(
    'INTERNAL',
    { zh: `${error.messageZh}（参考编号 ${reference}，详见程序日志）`, en: `${error.messageEn} (reference ${reference}; see the program's log)` },
    { cause: error.cause ?? error },
  );
}
