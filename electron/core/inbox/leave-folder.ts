import { constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import type { ScanInboxSetting } from '../../../shared/contract/settings';
import type { Message } from '../../../shared/errors';
import type { StableFile } from './folder-watch';

/** Where filed scans are moved: a subfolder of the watched folder, or another folder. */
export function moveTarget(setting: ScanInboxSetting): string {
  return isAbsolute(setting.moveTo) ? setting.moveTo : join(setting.folder, setting.moveTo);
}

/** `name`, or `name (2).ext`, `name (3).ext` … – the first not taken in `folder`. */
export function freeName(folder: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}

/** Moves a file; across drives (a share to a local folder) as a copy that never overwrites, then the original removed. */
function move(from: string, folder: string, name: string): void {
  mkdirSync(folder, { recursive: true });
  const to = join(folder, freeName(folder, name));
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    rmSync(from);
  }
}

/**
 * A filed file leaves the watched folder, as the setting says: removed, or moved. Called only after
 * the filing has committed, with where the file is now (its working name while it is filed, see
 * claim.ts). A file changed since it was read is left where it is (it is not what was filed); a
 * file already gone was taken out by another program. A failure is returned as the reason, and the
 * file stays – filing it again is then recognised as filed before (by its content), never filed twice.
 */
export function leaveFolder(setting: ScanInboxSetting, file: StableFile, path = join(setting.folder, file.name)): Message | null {
  try {
    const now = statSync(path);
    if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
      return { zh: '文件在归档时又被改动，已保留在文件夹中', en: 'The file changed while it was filed and was left in the folder' };
    }
    if (setting.afterFiling === 'remove') rmSync(path);
    else move(path, resolve(moveTarget(setting)), file.name);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'ENOENT' && !existsSync(path)) return null;
    return { zh: `文件已归档，但未能从扫描文件夹${setting.afterFiling === 'remove' ? '删除' : '移走'}（${code}），请手动处理`, en: `The file was filed but could not be ${setting.afterFiling === 'remove' ? 'removed from' : 'moved out of'} the scan folder (${code}); deal with it by hand` };
  }
}
