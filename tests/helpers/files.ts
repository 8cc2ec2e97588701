import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file's SHA-256 and modification time, to prove a folder did not change. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir).map((file) => [relative(dir, file), `${createHash('sha256').update(readFileSync(file)).digest('hex')} ${statSync(file).mtimeMs}`]),
  );
}

/** The needle in UTF-8, UTF-16LE and UTF-16BE. */
export function encodings(needle: string): Buffer[] {
  const le = Buffer.from(needle, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(needle, 'utf8'), le, be];
}

/** Files under `dir` that contain `needle` in any of its encodings. */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = encodings(needle);
  return filesUnder(dir).filter((file) => {
    const bytes = readFileSync(file);
    return patterns.some((p) => bytes.includes(p));
  });
}
