import { AppError, type Message } from '../../../shared/errors';
import type { OpenedArchive } from '../vault/opened-archive';
import { keyFitsDespiteFirstPage } from '../../../db/cipher-pages';
import { isThisArchivesDatabase } from './rollback-check';

/**
 * A database whose first page fails its check looks exactly like one opened with the wrong key.
 * The key slot already proved the key right for this archive; if the file's salt is the one the
 * high-water mark recorded, or the key still decrypts and authenticates the file's own pages, the
 * file is this archive's database – damaged, not foreign.
 */
export function isFirstPageDamage(error: unknown, archive: Pick<OpenedArchive, 'paths' | 'dataKey' | 'archiveId'>, databaseKey: Uint8Array): boolean {
  if (!(error instanceof AppError && error.code === 'WRONG_KEY')) return false;
  return isThisArchivesDatabase(archive) || keyFitsDespiteFirstPage(archive.paths.database, databaseKey);
}

export const FIRST_PAGE_DAMAGED: Message = {
  zh: '档案库文件已损坏：数据库的第一页校验失败，无法打开（不是密码或密钥错误）。请从最近的副本恢复数据文件夹',
  en: "The archive files are damaged: the database's first page fails its check and it cannot be opened (not a wrong password or key). Restore the data folder from the latest copy",
};
