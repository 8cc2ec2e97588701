/**
 * Test-only, loaded into a child process with `--import` (see fs-faults.ts): Node's file system
 * calls that write below one folder fail with an errno code, as on a full disk (ENOSPC) or a
 * read-only folder (EROFS). Reads go on working. It patches `fs` before the program loads, so
 * libraries that keep their own copy of `fs` (graceful-fs) and ES module imports see the fault
 * too. SQLite writes through its own native code and is not affected.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { constants } from 'node:os';
import { resolve, sep } from 'node:path';

const spec = JSON.parse(process.env.DOSSIERDESK_TEST_FS_FAULT ?? 'null');
if (spec) install(spec.code, resolve(spec.under));

function install(code, root) {
  const inside = (path) => {
    if (typeof path !== 'string' && !Buffer.isBuffer(path) && !(path instanceof URL)) return false;
    const full = resolve(path instanceof URL ? path.pathname : String(path));
    return full === root || full.startsWith(root + sep);
  };
  const failure = (syscall, path) =>
    Object.assign(new Error(`${code}: injected fault, ${syscall} '${String(path)}'`), { code, errno: -(constants.errno[code] ?? 1), syscall, path: String(path) });
  // A full disk still lets files be renamed and removed; a read-only folder does not.
  const removalsFail = code !== 'ENOSPC' && code !== 'EDQUOT';
  const writeFlag = (flags) => (typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT)) !== 0 : /[wax+]/.test(String(flags ?? 'r')));

  const guards = {
    open: (path, flags) => inside(path) && writeFlag(flags),
    mkdir: (path) => inside(path),
    writeFile: (path) => typeof path !== 'number' && inside(path),
    appendFile: (path) => typeof path !== 'number' && inside(path),
    copyFile: (_from, to) => inside(to),
    rename: (from, to) => removalsFail && (inside(from) || inside(to)),
    unlink: (path) => removalsFail && inside(path),
    rmdir: (path) => removalsFail && inside(path),
    rm: (path) => removalsFail && inside(path),
    utimes: (path) => removalsFail && inside(path),
  };

  for (const [name, guarded] of Object.entries(guards)) {
    const callbackVersion = fs[name];
    fs[name] = function (...args) {
      if (guarded(...args)) {
        const callback = args.findLast((a) => typeof a === 'function');
        const error = failure(name, args[name === 'copyFile' ? 1 : 0]);
        if (callback) return process.nextTick(callback, error);
        throw error;
      }
      return callbackVersion.apply(this, args);
    };
    const syncVersion = fs[`${name}Sync`];
    fs[`${name}Sync`] = function (...args) {
      if (guarded(...args)) throw failure(name, args[name === 'copyFile' ? 1 : 0]);
      return syncVersion.apply(this, args);
    };
    const promiseVersion = fs.promises[name];
    if (promiseVersion) {
      fs.promises[name] = function (...args) {
        if (guarded(...args)) return Promise.reject(failure(name, args[name === 'copyFile' ? 1 : 0]));
        return promiseVersion.apply(this, args);
      };
    }
  }
  syncBuiltinESMExports();
}
