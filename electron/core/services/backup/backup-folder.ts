import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { overlap, realPath } from '../../fs/folder-overlap';

/**
 * The folder a backup goes into (or is listed from), as an administrator named it: it must exist
 * and lie apart from the data folder – a backup beside the archive is lost with its disk (BK-01).
 */
export function backupFolder(folder: string, dataDir: string): string {
  const path = resolve(folder);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new AppError('NOT_FOUND', { zh: `备份文件夹不存在：${path}（U 盘或网络共享是否已连接？）`, en: `The backup folder does not exist: ${path} (is the drive or share connected?)` });
  if (overlap(realPath(path), realPath(dataDir))) {
    throw new AppError('VALIDATION', { zh: '备份文件夹不能是档案的数据文件夹，也不能位于其中或包含它：请选另一块磁盘、U 盘或网络共享', en: 'The backup folder cannot be the archive’s data folder, lie inside it or contain it: choose another disk, a removable drive or a network share' });
  }
  return path;
}
