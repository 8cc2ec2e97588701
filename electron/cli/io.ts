import { formatErrorLine, type ErrorPayload } from '../../shared/errors';

/** Where the CLI writes; replaceable so tests of the commands can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
};

/** Errors: one clear line on stderr, both languages; with --json also the envelope on stdout. */
export function reportError(io: CliIo, error: ErrorPayload, json: boolean): void {
  io.err(`错误 / error ${formatErrorLine(error)}`);
  if (json) io.out(JSON.stringify({ ok: false, error }));
}
