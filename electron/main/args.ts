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

/**
 * `DossierDesk --cli <command…>`: the installed app runs its command line instead of a window
 * (the fuses forbid ELECTRON_RUN_AS_NODE, so this is how IT staff reach it). Everything after
 * `--cli` belongs to the CLI; null when there is no `--cli`.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}
