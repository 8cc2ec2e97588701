import { runtimePaths } from './paths';

let loaded: object | null = null;

/**
 * SQLite's native module, loaded from where the runtime layout says it is – never looked up
 * through node_modules, which in a package lies inside app.asar. Every connection is given this
 * one module (better-sqlite3's `nativeBinding`).
 */
export function nativeSqliteModule(): object {
  if (!loaded) {
    const module = { exports: {} as object };
    process.dlopen(module, runtimePaths().nativeModule);
    loaded = module.exports;
  }
  return loaded;
}
