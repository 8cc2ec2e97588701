import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetail, DossierDetail } from '../../shared/contract';
import { addUser, ok, passwordOf, testCore } from '../helpers/core';
import { repoRoot } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, CLI_ADMIN_PASSWORD, initArchive, runCli, type CliResult } from './run-cli';

const tempDir = useTempDirs();
const launcher = join(repoRoot, 'bin', 'dossierdesk.js');

const ID_NUMBER = '310101199001011234';
const carFields = { customerName: '张三', 联系电话: '13800138000', '身份证号/组织机构代码': ID_NUMBER, deliveryDate: '2026-11-02' };

interface Started {
  pid: number;
  /** Writes standard input, closes it, and waits for the exit. */
  finish(input?: string): Promise<CliResult>;
}

/** `dossierdesk` as a user's shell starts it: the package's launcher, in a working folder of the user's. */
function startDossierdesk(args: string[], options: { env: Record<string, string>; cwd: string; entry?: string }): Started {
  const child = spawn(process.execPath, [options.entry ?? launcher, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return {
    pid: child.pid ?? -1,
    finish: (input = '') => {
      child.stdin.end(input);
      return exited;
    },
  };
}

const dossierdesk = (args: string[], options: { env: Record<string, string>; cwd: string; entry?: string; input?: string }) => startDossierdesk(args, options).finish(options.input);

/** The stored ID numbers of these dossiers, as a clerk (who may reveal them) sees them. */
async function revealedIdNumbers(env: Record<string, string>, archiveNumbers: string[]): Promise<unknown[]> {
  const core = testCore(env.DOSSIERDESK_DATA_DIR ?? '');
  try {
    await ok(core, 'session:login', { login: 'admin', password: CLI_ADMIN_PASSWORD });
    await addUser(core, { login: 'clerk', roles: ['clerk'] });
    await ok(core, 'session:lock', {});
    await ok(core, 'session:login', { login: 'clerk', password: passwordOf('clerk') });
    return await Promise.all(archiveNumbers.map(async (archiveNumber) => (await ok(core, 'dossier:reveal-field', { archiveNumber, fieldKey: 'idNumber' })).value));
  } finally {
    await core.close();
  }
}

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk without npm in between', () => {
  it('runs from any working folder, and reads a fields file named relative to it', async () => {
    const env = await initArchive(tempDir());
    const cwd = tempDir();
    writeFileSync(join(cwd, 'fields.json'), JSON.stringify(carFields));
    const created = await dossierdesk(['dossier', 'create', '--type', 'vehicle-new', '--fields-file', 'fields.json', '--field', 'vin=LSVAU2180N2183294'], { env, cwd });
    expect(created.code, created.stderr).toBe(0);
    const dossier = JSON.parse((await dossierdesk(['dossier', 'show', created.stdout.trim(), '--json'], { env, cwd })).stdout) as DossierDetail;
    expect(Object.fromEntries(dossier.fields.filter((f) => !f.masked).map((f) => [f.key, f.value]))).toMatchObject({ customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294' });
    expect(await revealedIdNumbers(env, [dossier.archiveNumber])).toEqual([ID_NUMBER]);

    // A BOM, as Windows editors write one, is no obstacle; the name may come from the file too.
    writeFileSync(join(cwd, 'customer.json'), `\uFEFF${JSON.stringify({ 名称: '李四', 证件号: ID_NUMBER, 地址: '上海市徐汇区' })}`);
    const customer = await dossierdesk(['customer', 'add', '--fields-file', 'customer.json', '--json'], { env, cwd });
    expect(customer.code, customer.stderr).toBe(0);
    expect(JSON.parse(customer.stdout)).toMatchObject({ name: '李四', address: '上海市徐汇区', hasIdCode: true });
  });

  it('says how to build it when the checkout has no build yet', async () => {
    const checkout = tempDir();
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(launcher, join(checkout, 'bin', 'dossierdesk.js'));
    const result = await dossierdesk(['status'], { env: {}, cwd: checkout, entry: join(checkout, 'bin', 'dossierdesk.js') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm run build');
  });
});

describe('--fields-file', () => {
  it('takes the fields from standard input, after the password line with --password-stdin', async () => {
    const env = await initArchive(tempDir());
    const number = (await runCli(['dossier', 'create', '--type', 'vehicle-new', '--fields-file', '-'], { env, input: JSON.stringify({ ...carFields, vin: 'LSVAU2180N2183294' }) })).stdout.trim();

    const { DOSSIERDESK_PASSWORD: password = '', ...withoutPassword } = env;
    const updated = await runCli(['dossier', 'update', number, '--fields-file', '-', '--password-stdin', '--json'], { env: withoutPassword, input: `${password}\n${JSON.stringify({ 车牌号: '沪B99999', 联系地址: '上海市徐汇区' })}\n` });
    expect(updated.code, updated.stderr).toBe(0);
    expect((JSON.parse(updated.stdout) as DossierDetail).fields.filter((f) => ['plate', 'address'].includes(f.key)).map((f) => f.value)).toEqual(['上海市徐汇区', '沪B99999']);

    const id = (await runCli(['customer', 'add', '--name', '王五'], { env })).stdout.trim();
    const customer = await runCli(['customer', 'update', id, '--fields-file', '-', '--json'], { env, input: JSON.stringify({ idCode: ID_NUMBER, phones: '13800138000,021-62345678' }) });
    expect(customer.code, customer.stderr).toBe(0);
    expect(JSON.parse(customer.stdout) as CustomerDetail).toMatchObject({ hasIdCode: true, phones: ['13800138000', '021-62345678'] });
    expect(await revealedIdNumbers(env, [number])).toEqual([ID_NUMBER]);
  });

  it.skipIf(process.platform !== 'linux')(`keeps the values out of the command line and the environment of the process${process.platform === 'linux' ? '' : ' – skipped: reads /proc, Linux only'}`, async () => {
    const env = await initArchive(tempDir());
    const cwd = tempDir();
    const { DOSSIERDESK_PASSWORD: password = '', ...withoutPassword } = env;
    writeFileSync(join(cwd, 'fields.json'), JSON.stringify({ ...carFields, vin: 'LSVAU2180N2183294' }));
    const fromFile = startDossierdesk(['dossier', 'create', '--type', 'vehicle-new', '--fields-file', 'fields.json', '--password-stdin'], { env: withoutPassword, cwd });
    const fromStdin = startDossierdesk(['dossier', 'create', '--type', 'vehicle-new', '--fields-file', '-'], { env, cwd });
    // Both wait for standard input, so both are running while their /proc entries are read.
    for (const { pid } of [fromFile, fromStdin]) {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      expect(commandLine).toContain('--fields-file');
      expect(commandLine).not.toContain(ID_NUMBER);
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(ID_NUMBER);
    }
    const results = [await fromFile.finish(`${password}\n`), await fromStdin.finish(JSON.stringify({ ...carFields, vin: 'LSVAU2180N2183295' }))];
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    expect(await revealedIdNumbers(env, results.map((r) => r.stdout.trim()))).toEqual([ID_NUMBER, ID_NUMBER]);
  });

  it('refuses a malformed or ambiguous fields file before signing in: exit 2, the reason, no value', async () => {
    const folder = tempDir();
    // No archive here: the file is checked first.
    const env = { DOSSIERDESK_DATA_DIR: join(folder, 'no-archive'), DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: CLI_ADMIN_PASSWORD };
    const file = join(folder, 'fields.json');
    writeFileSync(file, `{"证件号": ${ID_NUMBER}x}`);
    const malformed = await runCli(['dossier', 'create', '--fields-file', file], { env });
    expect(malformed).toMatchObject({ code: 2, stderr: expect.stringMatching(/^错误 \/ error VALIDATION: .* \/ The fields file .*fields\.json is not valid JSON: .*\(line 1, column 27\)\n$/) as unknown });
    expect(malformed.stderr).not.toContain(ID_NUMBER.slice(-6));

    writeFileSync(file, JSON.stringify({ 名称: '李四', 证件号: ID_NUMBER }));
    const twice = await runCli(['customer', 'update', '1', '--field', 'idCode=x', '--fields-file', file], { env });
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining('The field "idCode" is given twice') as unknown });
    const nameTwice = await runCli(['customer', 'add', '--name', '李四', '--fields-file', file], { env });
    expect(nameTwice).toMatchObject({ code: 2, stderr: expect.stringContaining('Give the customer’s name once') as unknown });
  });
});
