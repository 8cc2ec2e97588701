import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import type { FsFaultCode } from './fs-faults';

/**
 * Watching and failing file calls inside the test's own process, also the promise-based ones
 * (`node:fs/promises`' open, which the scan store writes and the staged files are read with) that
 * fs-hooks.ts does not reach: how often a file is opened or read, and a write that fails midway
 * through a batch. Call `undo()` in a `finally`.
 */
export interface FsWatch {
  /** The paths seen so far, one entry per call. */
  readonly seen: string[];
  undo(): void;
}

type Target = { module: Record<string, unknown>; name: string };

function replace(target: Target, around: (original: (...args: unknown[]) => unknown, args: unknown[]) => unknown): () => void {
  const original = target.module[target.name] as (...args: unknown[]) => unknown;
  let active = true;
  const wrapped = (...args: unknown[]) => (active ? around(original, args) : original(...args));
  target.module[target.name] = wrapped;
  syncBuiltinESMExports();
  return () => {
    active = false;
    if (target.module[target.name] !== wrapped) return;
    target.module[target.name] = original;
    syncBuiltinESMExports();
  };
}

const pathOf = (value: unknown): string | null => (typeof value === 'string' ? resolve(value) : value instanceof URL ? resolve(value.pathname) : null);

function watch(target: Target, matches: (path: string) => boolean): FsWatch {
  const seen: string[] = [];
  const undo = replace(target, (original, args) => {
    const path = pathOf(args[0]);
    if (path !== null && matches(path)) seen.push(path);
    return original(...args);
  });
  return { seen, undo };
}

/** Counts `fs/promises` opens of the paths that match. */
export function watchOpens(matches: (path: string) => boolean): FsWatch {
  return watch({ module: fsPromises, name: 'open' }, matches);
}

/** Counts synchronous whole-file reads (readFileSync) of the paths that match. */
export function watchReads(matches: (path: string) => boolean): FsWatch {
  return watch({ module: fs, name: 'readFileSync' }, matches);
}

/** `fs/promises` opens for writing of the paths that match fail with `code` once `after` of them have succeeded (a disk that fills up midway). */
export function failAsyncWritesAfter(after: number, code: FsFaultCode, matches: (path: string) => boolean): FsWatch {
  const errno = (constants.errno as Record<string, number | undefined>)[code] ?? 1;
  const seen: string[] = [];
  const undo = replace({ module: fsPromises, name: 'open' }, (original, args) => {
    const path = pathOf(args[0]);
    const writing = typeof args[1] === 'string' && /[wax+]/.test(args[1]);
    if (path !== null && writing && matches(path)) {
      seen.push(path);
      if (seen.length > after) return Promise.reject(Object.assign(new Error(`${code}: injected fault, open '${path}'`), { code, errno: -errno, syscall: 'open', path }));
    }
    return original(...args);
  });
  return { seen, undo };
}
