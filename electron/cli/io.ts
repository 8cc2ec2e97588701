import { createInterface } from 'node:readline';
import { formatErrorLine, type ErrorPayload } from '../../shared/errors';
import { showControls } from '../../shared/plain-text';
import { cliError } from './cli-error';

/** Where the CLI writes; replaceable so tests of the commands can capture it. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Standard input as lines (piped passwords, a fields file); refused on a terminal, where typing would echo. */
  readStdinLines: () => Promise<string[]>;
  env: NodeJS.ProcessEnv;
}

/**
 * A reader that stops early (`dossierdesk list | head -1`) closes the pipe: Node then reports EPIPE as
 * an error of the stream, which would end the program with a stack trace in the middle of its work.
 * The output nobody reads is dropped instead, and the command finishes what it was doing.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(`${showControls(text, true)}\n`);
  };
}

/** Whatever reaches the terminal: text stored before it was checked, or named in an error, cannot drive it. */
export const processIo: CliIo = {
  out: writerTo(process.stdout),
  err: writerTo(process.stderr),
  readStdinLines: async () => {
    if (process.stdin.isTTY) {
      throw cliError('VALIDATION', '从标准输入读取密码或字段值时请通过管道提供（终端输入会回显）', 'Passwords and field values on standard input must be piped in (typing them would echo)');
    }
    const lines: string[] = [];
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) lines.push(line);
    return lines;
  },
  env: process.env,
};

/**
 * Data as a command's text output shows it: every string with its control characters and line
 * breaks written as escapes (see showControls), so that one record stays one line.
 */
export function displayed<T>(data: T): T {
  if (typeof data === 'string') return showControls(data) as T;
  if (Array.isArray(data)) return data.map(displayed) as T;
  if (data !== null && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, displayed(value)])) as T;
  }
  return data;
}

/** Errors: one clear line on stderr, both languages; with --json also the envelope on stdout. */
export function reportError(io: CliIo, error: ErrorPayload, json: boolean): void {
  io.err(`错误 / error ${showControls(formatErrorLine(error))}`);
  if (json) io.out(JSON.stringify({ ok: false, error }));
}
