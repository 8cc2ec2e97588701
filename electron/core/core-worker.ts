import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../shared/errors';

/**
 * A thread of the core's (the import's reader, the page check): built, the entry `<name>.js`
 * beside the bundle (or one folder up from a chunk); from the sources (tests, the CLI under tsx)
 * the TypeScript file, loaded after registering tsx in the new thread.
 */
export function spawnCoreWorker(entry: { name: string; source: URL; caller: string }, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (entry.caller.endsWith('.ts')) {
    const tsx = tsxRegisterUrl(entry.caller);
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); });`;
    return new Worker(boot, { eval: true, workerData, resourceLimits });
  }
  for (const candidate of [`./${entry.name}.js`, `../${entry.name}.js`]) {
    const url = new URL(candidate, entry.caller);
    if (existsSync(url)) return new Worker(url, { workerData, resourceLimits });
  }
  throw new AppError('INTERNAL', { zh: `找不到程序组件（${entry.name}.js）`, en: `A part of the program (${entry.name}.js) is missing` });
}

/** tsx's ESM register API as its package exports it for `import` (require.resolve would give the CommonJS one). */
function tsxRegisterUrl(caller: string): string {
  const manifest = createRequire(caller).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const path = exports['./esm/api']?.import.default;
  if (!path) throw new Error('tsx has no ESM register API');
  return pathToFileURL(join(dirname(manifest), path)).href;
}
