import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { StagedFileInfo, StagingPurpose } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { stageInChunks, type StagingCall } from '../../../shared/staging-upload';

async function openLocalFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', { zh: `找不到文件 ${path}`, en: `There is no file ${path}` }, { cause: error });
    throw new AppError('VALIDATION', { zh: `无法读取文件 ${path}（${code ?? '?'}）`, en: `The file ${path} cannot be read (${code ?? '?'})` }, { cause: error });
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new AppError('VALIDATION', { zh: `${path} 不是文件`, en: `${path} is not a file` });
  }
  return { handle, size: stats.size };
}

/**
 * Stages a file of the user's own, given by path, through the staging channels – for the front
 * doors that run as the user: Electron's main process (a file chosen in its dialog) and the CLI.
 */
export async function stageLocalFile(path: string, purpose: StagingPurpose, call: StagingCall): Promise<StagedFileInfo> {
  const { handle, size } = await openLocalFile(path);
  try {
    const read = async (offset: number, length: number) => {
      // Not zeroed first (only the bytes read are sent), and never a slice of Node's shared pool.
      const chunk = Buffer.allocUnsafeSlow(length);
      const { bytesRead } = await handle.read(chunk, 0, length, offset);
      return chunk.subarray(0, bytesRead);
    };
    return await stageInChunks({ name: basename(path), size, read }, purpose, call);
  } finally {
    await handle.close();
  }
}
