import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';

/** A path with links and `..` resolved; a part not made yet (a subfolder made when first needed) kept as named. */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/** Whether one folder is the other, or inside it (names compared without case where the system ignores it). */
export function overlap(a: string, b: string): boolean {
  const fold = (path: string) => (process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path);
  const inside = (inner: string, outer: string) => {
    const path = relative(fold(outer), fold(inner));
    return path === '' || (!path.startsWith('..') && !isAbsolute(path));
  };
  return inside(a, b) || inside(b, a);
}
