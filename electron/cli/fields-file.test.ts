import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { migrationsDir } from '../../tests/helpers/paths';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { CliSession } from './cli-session';
import { fieldsByKey, givenFields } from './field-options';
import { FIELDS_FILE_MAX_BYTES, readFieldsFile } from './fields-file';

const tempDir = useTempDirs();
const SECRET = '310101199001011234';

/** A CLI session whose standard input holds these lines (nothing else of it is used here). */
function sessionWithStdin(lines: string[], options: { passwordStdin?: boolean } = {}): CliSession {
  const io = { out: () => undefined, err: () => undefined, readStdinLines: () => Promise.resolve([...lines]), env: { DOSSIERDESK_DATA_DIR: tempDir() } };
  return new CliSession({ io, migrationsDir, appVersion: '0.0.0-test' }, options);
}

async function refusal(content: string | Buffer): Promise<AppError> {
  const file = join(tempDir(), 'fields.json');
  writeFileSync(file, content);
  const error = await readFieldsFile(file, () => Promise.reject(new Error('no standard input here'))).then(
    () => expect.fail('the fields file was taken'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return error as AppError;
}

describe('--fields-file', () => {
  it('reads a JSON object of names and texts, with or without a BOM', async () => {
    const file = join(tempDir(), 'fields.json');
    writeFileSync(file, `\uFEFF{"证件号": "${SECRET}", "remarks": ""}`);
    expect(await readFieldsFile(file, () => Promise.resolve(''))).toEqual([
      { name: '证件号', value: SECRET, fromFile: true },
      { name: 'remarks', value: '', fromFile: true },
    ]);
  });

  it.each([
    { what: 'a syntax error', content: `{"证件号": ${SECRET}x}`, reason: /is not valid JSON: Expected ',' or '}' after property value \(line 1, column 27\)$/ },
    { what: 'a cut-off file', content: `{"证件号": "${SECRET}"`, reason: /is not valid JSON: Expected ',' or '}' after property value/ },
    { what: 'an unquoted value', content: `{"证件号": secret-${SECRET}}`, reason: /is not valid JSON: Unexpected token$/ },
    { what: 'a short unquoted value', content: SECRET.slice(-6).replace(/^/, 'x'), reason: /is not valid JSON: Unexpected token$/ },
    { what: 'a trailing comma', content: `{\n  "名称": "李四",\n  "证件号": "${SECRET}",\n}`, reason: /is not valid JSON: .* \(line 4, column 1\)$/ },
    { what: 'nothing', content: '', reason: /is not valid JSON: Unexpected end of JSON input$/ },
    { what: 'a list', content: `["${SECRET}"]`, reason: /must hold a JSON object/ },
    { what: 'a number', content: `{"证件号": ${SECRET}}`, reason: /the value of "证件号" must be text/ },
    { what: 'GBK bytes', content: Buffer.concat([Buffer.from('{"'), Buffer.from([0xc4, 0xe3]), Buffer.from(`": "${SECRET}"}`)]), reason: /is not UTF-8 text$/ },
    { what: 'more than 1 MB', content: JSON.stringify({ 证件号: SECRET, 备注: 'x'.repeat(FIELDS_FILE_MAX_BYTES) }), reason: /is larger than 1 MB$/ },
  ])('refuses $what, naming the reason but never a value', async ({ content, reason }) => {
    const error = await refusal(content);
    expect(error.messageEn).toMatch(/^The fields file .*fields\.json/);
    expect(error.messageEn).toMatch(reason);
    for (const text of [error.messageZh, error.messageEn]) expect(text).not.toContain(SECRET.slice(-6));
  });

  it('refuses a file it cannot open or read, by the reason', async () => {
    const folder = tempDir();
    await expect(readFieldsFile(join(folder, 'nowhere.json'), () => Promise.resolve(''))).rejects.toThrow(/nowhere\.json cannot be opened \(ENOENT\)/);
    await expect(readFieldsFile(folder, () => Promise.resolve(''))).rejects.toThrow(/cannot be read \(EISDIR\)/);
  });

  it('reads `-` from standard input after the password line of --password-stdin', async () => {
    const session = sessionWithStdin(['the-password', '{"证件号":', `  "${SECRET}"}`], { passwordStdin: true });
    expect(await givenFields(session, { field: ['地址=上海'], fieldsFile: '-' })).toEqual([
      { name: '地址', value: '上海', fromFile: false },
      { name: '证件号', value: SECRET, fromFile: true },
    ]);
    expect(await session.password()).toBe('the-password');
    await expect(readFieldsFile('-', () => Promise.resolve('[]'))).rejects.toThrow(/^Standard input \(--fields-file -\) must hold a JSON object/);
  });

  it('refuses a field given both on the command line and in the file, or twice in the file', () => {
    const keyOf = (name: string) => (name === '证件号' ? 'idCode' : name);
    const fromFile = { name: '证件号', value: SECRET, fromFile: true };
    expect(() => fieldsByKey([{ name: 'idCode', value: SECRET, fromFile: false }, fromFile], keyOf)).toThrow(/The field "idCode" is given twice/);
    expect(() => fieldsByKey([fromFile, { ...fromFile, name: 'idCode' }], keyOf)).toThrow(/The field "idCode" is given twice/);
    // A repeated --field still replaces the earlier one, as it always has.
    const repeated = [{ name: 'remarks', value: 'a', fromFile: false }, { name: 'remarks', value: 'b', fromFile: false }, fromFile];
    expect(fieldsByKey(repeated, keyOf)).toEqual(new Map([['remarks', 'b'], ['idCode', SECRET]]));
  });
});
