/**
 * `--data-dir <dir>` or `--data-dir=<dir>` from the command line. Chromium's switch parser only
 * understands the `=` form, so the program arguments are read directly. No `electron` import:
 * tested in plain Node.
 */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir') return argv[i + 1];
  }
  return undefined;
}
