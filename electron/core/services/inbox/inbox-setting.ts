import { isAbsolute, resolve } from 'node:path';
import type { ScanInboxSetting } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { dataFolderProblem } from '../../inbox/data-folder-guard';
import { requireInboxFolder } from '../../inbox/inbox-registry';
import { moveTarget } from '../../inbox/leave-folder';

/**
 * A scanner output folder can be saved only if it is there: an existing folder, apart from the
 * archive's data folder; so must be another folder filed scans move to.
 */
export function checkScanInboxSetting(setting: ScanInboxSetting, dataDir: string): void {
  if (setting.folder === '') return;
  requireInboxFolder(setting.folder);
  const problem = dataFolderProblem(setting, dataDir);
  if (problem) throw new AppError('VALIDATION', problem);
  if (setting.afterFiling !== 'move') return;
  const target = moveTarget(setting);
  if (resolve(target) === resolve(setting.folder)) {
    throw new AppError('VALIDATION', { zh: '归档后移入的文件夹不能是扫描文件夹本身', en: 'Filed scans cannot be moved into the scan folder itself' });
  }
  // A subfolder is made when first needed; another folder must be there.
  if (isAbsolute(setting.moveTo)) requireInboxFolder(target);
}
