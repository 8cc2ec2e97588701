const preload = new URL('./fs-fault-preload.js', import.meta.url).href;

/** The errno codes a hostile environment answers writes with. */
export type FsFaultCode = 'ENOSPC' | 'EDQUOT' | 'EROFS' | 'EACCES' | 'EIO';

/**
 * Environment variables for a child process (the built CLI, the harness) in which every write
 * below `under` fails with `code` – a full disk, a read-only folder – while reads work. Merge them
 * into the child's env; Node's own writes are affected, SQLite's native ones are not.
 */
export function fsFaultEnv(code: FsFaultCode, under: string): Record<string, string> {
  return { NODE_OPTIONS: `--import=${preload}`, DOSSIERDESK_TEST_FS_FAULT: JSON.stringify({ code, under }) };
}
