import { createInterface } from 'node:readline';
import { formatErrorLine, type ErrorPayload } from '../../shared/errors';
import { cliError } from './cli-error';

/** Where the CLI writes; replaceable so tests of the commands can capture it. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The first line of standard input (a piped password); refused on a terminal, where it would echo. */
  readStdinLine: () => Promise<string>;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdinLine: async () => {
    if (process.stdin.isTTY) {
      throw cliError('VALIDATION', '--password-stdin 需要通过管道提供密码（终端输入会回显）', '--password-stdin needs the password piped in (typing it would echo it)');
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  },
  env: process.env,
};

/** Errors: one clear line on stderr, both languages; with --json also the envelope on stdout. */
export function reportError(io: CliIo, error: ErrorPayload, json: boolean): void {
  io.err(`错误 / error ${formatErrorLine(error)}`);
  if (json) io.out(JSON.stringify({ ok: false, error }));
}
