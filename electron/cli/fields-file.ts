import { open } from 'node:fs/promises';
import { cliError } from './cli-error';

/** A fields file holds a record's values, a few kB; reading stops past this. */
export const FIELDS_FILE_MAX_BYTES = 1024 * 1024;

/** A field value as given on the command line or in a fields file, by key or Chinese label. */
export interface GivenField {
  name: string;
  value: string;
  fromFile: boolean;
}

/**
 * `--fields-file <file>`, or `-` for standard input (after the password line with
 * --password-stdin): a JSON object `{"key or 中文字段名": "value"}`. Values given this way stay
 * out of the process list, the shell history and npm's debug log, which all record the command
 * line – so no error message here ever repeats a value, only names, lines and columns.
 */
export async function readFieldsFile(file: string, readStdin: () => Promise<string>): Promise<GivenField[]> {
  const where = file === '-' ? { zh: '标准输入（--fields-file -）', en: 'Standard input (--fields-file -)' } : { zh: `字段文件 ${file} `, en: `The fields file ${file}` };
  const refuse = (zh: string, en: string) => cliError('VALIDATION', `${where.zh}${zh}`, `${where.en}${en}`);
  const bytes = file === '-' ? Buffer.from(await readStdin(), 'utf8') : await readAtMost(file, FIELDS_FILE_MAX_BYTES, refuse);
  if (bytes.length > FIELDS_FILE_MAX_BYTES) throw refuse(`超过 ${FIELDS_FILE_MAX_BYTES / 1024 / 1024} MB`, ` is larger than ${FIELDS_FILE_MAX_BYTES / 1024 / 1024} MB`);
  let text: string;
  try {
    // A BOM (as Windows editors write one) is dropped; bytes that are not UTF-8 are refused, not guessed.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('不是 UTF-8 文本', ' is not UTF-8 text');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = jsonErrorReason(error, text);
    throw refuse(`不是有效的 JSON：${reason}`, ` is not valid JSON: ${reason}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw refuse('应为 JSON 对象：{"字段": "值"}', ' must hold a JSON object: {"field": "value"}');
  }
  return Object.entries(parsed).map(([name, value]) => {
    if (typeof value !== 'string') throw refuse(`中“${name}”的值应为文本（加引号）`, `: the value of "${name}" must be text (in quotes)`);
    return { name, value, fromFile: true };
  });
}

/** The file's bytes, read no further than one byte past the limit (a pipe or /dev/fd/… has no size to ask first). */
async function readAtMost(file: string, limit: number, refuse: (zh: string, en: string) => Error): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw refuse(`无法打开（${errnoOf(error)}）`, ` cannot be opened (${errnoOf(error)})`);
  }
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      length += bytesRead;
      if (bytesRead === 0 || length === buffer.length) return buffer.subarray(0, length);
    }
  } catch (error) {
    throw refuse(`无法读取（${errnoOf(error)}）`, ` cannot be read (${errnoOf(error)})`);
  } finally {
    await handle.close();
  }
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';

/**
 * V8's reason for a JSON syntax error, with the position as line and column – but never the piece
 * of input V8 may quote (it could be the very value that was to be kept out of sight).
 */
function jsonErrorReason(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /^(.*) in JSON at position (\d+)/s.exec(message);
  if (position?.[1] && !position[1].includes('"')) {
    const before = text.slice(0, Number(position[2]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${position[1]} (line ${line}, column ${column})`;
  }
  if (message === 'Unexpected end of JSON input') return message;
  // "Unexpected token 'x', "…input…" is not valid JSON": the quote goes, the rest says little more.
  return 'Unexpected token';
}
