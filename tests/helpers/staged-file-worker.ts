import { parentPort, workerData } from 'node:worker_threads';
import type { StagedFileSource } from '../../electron/core/staging/staged-file-format';
import { readStagedFile, readStagedFileHead } from '../../electron/core/staging/staged-file-reader';
import { AppError } from '../../shared/errors';

// A worker thread given nothing but a staged file's source: reads it whole and its head, and
// sends back the bytes (or the error's code).
const source = workerData as StagedFileSource;
async function read(): Promise<void> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(source)) parts.push(part);
  parentPort?.postMessage({ bytes: Buffer.concat(parts), head: await readStagedFileHead(source, 100) });
}
read().catch((error: unknown) => parentPort?.postMessage({ error: error instanceof AppError ? error.code : String(error) }));
