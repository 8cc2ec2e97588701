import { overlap, realPath } from '../fs/folder-overlap';
import type { ScanInboxSetting } from '../../../shared/contract/settings';
import type { Message } from '../../../shared/errors';
import { moveTarget } from './leave-folder';

/**
 * Why the scan inbox may not use these folders, or null: the folder it watches, and the one filed
 * scans are moved into, must lie apart from the archive's data folder. Its files (the database,
 * the key slots) would otherwise be listed, moved or discarded as scans – the archive destroyed.
 * Real paths are compared, so a link or `..` does not hide it.
 */
export function dataFolderProblem(setting: ScanInboxSetting, dataDir: string): Message | null {
  if (setting.folder === '') return null;
  const data = realPath(dataDir);
  if (overlap(realPath(setting.folder), data)) {
    return { zh: '扫描文件夹不能是档案的数据文件夹，也不能位于其中或包含它', en: 'The scan folder cannot be the archive’s data folder, lie inside it or contain it' };
  }
  if (setting.afterFiling === 'move' && overlap(realPath(moveTarget(setting)), data)) {
    return { zh: '归档后移入的文件夹不能是档案的数据文件夹，也不能位于其中或包含它', en: 'The folder filed scans are moved into cannot be the archive’s data folder, lie inside it or contain it' };
  }
  return null;
}
