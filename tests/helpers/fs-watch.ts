import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

/**
 * Watching file calls inside the test's own process, also the promise-based ones
 * (`node:fs/promises`' open) that fs-hooks.ts does not reach: how often a file is opened or read.
 * Call `undo()` in a `finally`. (Calls on the core's worker threads are not seen: a thread has its
 * own `fs`.)
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
