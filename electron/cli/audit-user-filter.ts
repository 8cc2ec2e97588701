/**
 * `audit list --user <login>` filters by user, while the global `--user` names who signs in.
 * Commander would read both as the global option, so a `--user` that comes after `audit list`
 * is taken out of the arguments here and handed to the command as its filter.
 */
export function takeAuditUserFilter(argv: readonly string[]): { argv: string[]; user: string | undefined } {
  const start = argv.findIndex((arg, i) => arg === 'audit' && argv[i + 1] === 'list');
  if (start < 0) return { argv: [...argv], user: undefined };
  const rest: string[] = [];
  let user: string | undefined;
  for (let i = start + 2; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--user') {
      user = argv[i + 1];
      i += 1;
    } else if (arg.startsWith('--user=')) {
      user = arg.slice('--user='.length);
    } else {
      rest.push(arg);
    }
  }
  return { argv: [...argv.slice(0, start + 2), ...rest], user };
}
