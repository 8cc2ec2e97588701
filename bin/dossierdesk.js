#!/usr/bin/env node
// The `dossierdesk` command of a built checkout (after `npm link`): runs out/main/cli.js in this
// process. Not `npm run cli` or `npx` – npm writes the whole command line, field values
// included, into its debug log (~/.npm/_logs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  const checkout = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(`错误 / error INTERNAL: 命令行尚未构建，请先在 ${checkout} 中运行 npm run build / The command line is not built yet: run npm run build in ${checkout} first\n`);
  process.exitCode = 1;
}
