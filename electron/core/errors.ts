import { z } from 'zod';
import { isSqliteError } from '../../db/open';
import { AppError } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';

/** Every failure leaves the core as an AppError with a code and both languages. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('VALIDATION', undefined, { issues: describeIssues(error), cause: error });
  if (isSqliteError(error, 'SQLITE_BUSY')) {
    return new AppError('CONFLICT', { zh: '档案库正被另一程序写入，请稍后重试', en: 'Another program is writing to the archive; try again shortly' }, { cause: error });
  }
  if (isSqliteError(error, 'SQLITE_CORRUPT') || isSqliteError(error, 'SQLITE_NOTADB')) {
    return new AppError('ARCHIVE_DAMAGED', undefined, { cause: error });
  }
  if (isSqliteError(error, 'SQLITE_FULL')) {
    return new AppError('INTERNAL', { zh: '磁盘已满，未写入任何内容', en: 'The disk is full; nothing was written' }, { cause: error });
  }
  return new AppError('INTERNAL', undefined, { cause: error });
}
