import { createInterface } from 'node:readline';
import { formatErrorLine, type ErrorPayload } from '../../shared/errors';
import { cliError } from './cli-error';

/** Where the CLI writes; replaceable so tests of the commands can capture it. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard input as lines (piped passwords); refused on a terminal, where typing would echo. */
  readStdinLines: () => Promise<string[]>;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdinLines: async () => {
    if (process.stdin.isTTY) {
      throw cliError('VALIDATION', '从标准输入读取密码时请通过管道提供（终端输入会回显）', 'Passwords on standard input must be piped in (typing them would echo)');
    }
    const lines: string[] = [];
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line);
    return lines;
  },
  env: process.env,
};

/** Errors: one clear line on stderr, both languages; with --json also the envelope on stdout. */
export function reportError(io: CliIo, error: ErrorPayload, json: boolean): void {
  io.err(`错误 / error ${formatErrorLine(error)}`);
  if (json) io.out(JSON.stringify({ ok: false, error }));
}
