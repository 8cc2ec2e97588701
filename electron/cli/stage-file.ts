import { resolve } from 'node:path';
import type { StagedFileInfo, StagingPurpose } from '../../shared/contract';
import { stageLocalFile } from '../core/staging/stage-local-file';
import type { CliSession } from './cli-session';

/**
 * Stages a file named on the command line (relative to the working folder) for a command of a
 * signed-in session. The CLI runs as the user in their own shell, so it may read what the user
 * may; the core still receives the bytes, never the path.
 */
export function stageFileFromPath(session: CliSession, file: string, purpose: StagingPurpose): Promise<StagedFileInfo> {
  return stageLocalFile(resolve(file), purpose, (channel, input) => session.call(channel, input));
}
