import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import type { FsFaultCode } from './fs-faults';

/**
 * Fault injection inside the test's own process: Node's synchronous file calls, as the code under
 * test imports them, are wrapped until `undo()` (call it in a `finally`). Libraries that took
 * their own copy of `fs` when they loaded (graceful-fs, and so proper-lockfile) do not see the
 * wrap; for a whole program under a fault, see fs-faults.ts.
 */
export interface FsHook {
  undo(): void;
}

type SyncName = 'readFileSync' | 'openSync' | 'writeSync' | 'writevSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'unlinkSync';
type SyncCall = (...args: unknown[]) => unknown;

function wrap(name: SyncName, around: (original: SyncCall, args: unknown[]) => unknown): FsHook {
  return wrapIn(fs as unknown as Record<SyncName, SyncCall>, name, around);
}

/** Wraps `module[name]` (a node:fs or node:fs/promises call) and the ES exports made from it, until `undo`. */
function wrapIn<N extends string, C extends (...args: unknown[]) => unknown>(module: Record<N, C>, name: N, around: (original: C, args: unknown[]) => ReturnType<C>): FsHook {
  const original = module[name];
  let active = true;
  const wrapped = ((...args: unknown[]) => (active ? around(original, args) : original(...args))) as C;
  module[name] = wrapped;
  syncBuiltinESMExports();
  return {
    undo() {
      active = false;
      if (module[name] !== wrapped) return; // wrapped again since: this one now only passes calls on
      module[name] = original;
      syncBuiltinESMExports();
    },
  };
}

function pathOf(value: unknown): string | null {
  if (typeof value === 'string') return resolve(value);
  return value instanceof URL ? resolve(value.pathname) : null;
}

/**
 * Runs `hook` right after the next synchronous read of `file` has returned – before the reader can
 * do anything with what it read. Another program can change the file there, between someone's
 * read and the write that follows it.
 */
export function afterNextRead(file: string, hook: () => void): FsHook & { ran(): boolean } {
  let ran = false;
  const hooked = wrap('readFileSync', (original, args) => {
    const result = original(...args);
    if (!ran && pathOf(args[0]) === resolve(file)) {
      ran = true;
      hooked.undo();
      hook();
    }
    return result;
  });
  return { undo: () => hooked.undo(), ran: () => ran };
}

/**
 * Synchronous writes to the files whose path `matches` fail with `code` – a full disk (ENOSPC), a
 * read-only folder (EROFS) – while everything else is written as usual. `at: 'write'`: the file is
 * still made, and its first write fails (a disk that fills up as a file is written).
 */
export function failSyncWrites(code: FsFaultCode, matches: (path: string) => boolean, at: 'open' | 'write' = 'open'): FsHook {
  const errno = (constants.errno as Record<string, number | undefined>)[code] ?? 1;
  const failure = (syscall: string, path: string) => Object.assign(new Error(`${code}: injected fault, ${syscall} '${path}'`), { code, errno: -errno, syscall, path });
  const hit = (value: unknown) => {
    const path = pathOf(value);
    return path !== null && matches(path);
  };
  const writing = (flags: unknown) =>
    typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0 : /[wax+]/.test(typeof flags === 'string' ? flags : 'r');
  // A full disk still lets files be renamed; a read-only folder does not.
  const renamesFail = code !== 'ENOSPC' && code !== 'EDQUOT';
  const made = new Map<unknown, string>();
  const hooks = [
    wrap('openSync', (original, args) => {
      if (!hit(args[0]) || !writing(args[1])) return original(...args);
      if (at === 'open') throw failure('open', String(args[0]));
      const descriptor = original(...args);
      made.set(descriptor, String(args[0]));
      return descriptor;
    }),
    ...(['writeSync', 'writevSync'] as const).map((name) =>
      wrap(name, (original, args) => {
        const path = made.get(args[0]);
        if (path !== undefined) throw failure('write', path);
        return original(...args);
      }),
    ),
    wrap('writeFileSync', (original, args) => {
      if (hit(args[0])) throw failure('open', String(args[0]));
      return original(...args);
    }),
    wrap('renameSync', (original, args) => {
      if (renamesFail && (hit(args[0]) || hit(args[1]))) throw failure('rename', String(args[1]));
      return original(...args);
    }),
  ];
  return { undo: () => hooks.forEach((h) => h.undo()) };
}

/**
 * Removing the files whose path `matches` fails with `code` (EACCES, EIO) – as a crash between a
 * commit and the removal that should follow it leaves them: still there, nobody's.
 */
export function failSyncRemovals(code: FsFaultCode, matches: (path: string) => boolean): FsHook & { refused(): number } {
  const errno = (constants.errno as Record<string, number | undefined>)[code] ?? 1;
  let refused = 0;
  const refuse = (syscall: string) => (original: SyncCall, args: unknown[]) => {
    const path = pathOf(args[0]);
    if (path === null || !matches(path)) return original(...args);
    refused += 1;
    throw Object.assign(new Error(`${code}: injected fault, ${syscall} '${path}'`), { code, errno: -errno, syscall, path });
  };
  const hooks = [wrap('rmSync', refuse('rm')), wrap('unlinkSync', refuse('unlink'))];
  return { undo: () => hooks.forEach((h) => h.undo()), refused: () => refused };
}

type PromiseName = 'rename' | 'rm';
type PromiseCall = (...args: unknown[]) => Promise<unknown>;

/**
 * node:fs/promises calls named (rename, rm) on paths that `matches` fail with `code`, from the
 * `skip`+1-th such call on – a disk that fills up midway through a batch's renames, a file a virus
 * scanner holds so that it cannot be removed.
 */
export function failPromiseCalls(names: readonly PromiseName[], code: FsFaultCode, matches: (path: string) => boolean, skip = 0): FsHook & { refused(): number } {
  const errno = (constants.errno as Record<string, number | undefined>)[code] ?? 1;
  let seen = 0;
  let refused = 0;
  const hooks = names.map((name) =>
    wrapIn(fsp as unknown as Record<PromiseName, PromiseCall>, name, (original, args) => {
      const path = pathOf(args[0]);
      if (path === null || !matches(path) || (seen += 1) <= skip) return original(...args);
      refused += 1;
      return Promise.reject(Object.assign(new Error(`${code}: injected fault, ${name} '${path}'`), { code, errno: -errno, syscall: name, path }));
    }),
  );
  return { undo: () => hooks.forEach((h) => h.undo()), refused: () => refused };
}
