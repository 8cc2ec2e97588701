import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { runtimePaths, type RuntimePaths } from '../../runtime/paths';

/**
 * A thread of the core's (the import's reader, the page check, the scan image threads): built, its
 * entry where the runtime layout puts it (runtime/paths.ts – a real file even in a package); from
 * the sources (tests, the CLI under tsx) the TypeScript file, loaded after registering tsx in the
 * new thread.
 */
export function spawnCoreWorker(entry: { name: Exclude<keyof RuntimePaths['entries'], 'coreHost'>; source: URL; caller: string }, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (entry.caller.endsWith('.ts')) {
    const tsx = tsxRegisterUrl(entry.caller);
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); });`;
    return new Worker(boot, { eval: true, workerData, resourceLimits });
  }
  const file = runtimePaths().entries[entry.name];
  if (!existsSync(file)) throw new AppError('INTERNAL', { zh: `找不到程序组件（${basename(file)}）`, en: `A part of the program (${basename(file)}) is missing` });
  return new Worker(pathToFileURL(file), { workerData, resourceLimits });
}

/** tsx's ESM register API as its package exports it for `import` (require.resolve would give the CommonJS one). */
function tsxRegisterUrl(caller: string): string {
  const manifest = createRequire(caller).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const path = exports['./esm/api']?.import.default;
  if (!path) throw new Error('tsx has no ESM register API');
  return pathToFileURL(join(dirname(manifest), path)).href;
}
