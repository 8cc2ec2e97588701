import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordOf } from '../helpers/core';
import { inspectPdf } from '../helpers/pdf';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli, seededArchive } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk hold', () => {
  it('places a hold, lists it, refuses the clerk a lift, and lets the legal officer lift it', async () => {
    const folder = tempDir();
    const { env, dossiers } = await seededArchive(folder, { users: [{ login: 'clerk', roles: ['clerk'] }, { login: 'fawu', roles: ['legal'] }], dossiers: [{ title: '张三 购车档案' }] });
    const number = dossiers[0]?.archiveNumber ?? '';
    const as = (login: string) => ({ ...env, DOSSIERDESK_USER: login, DOSSIERDESK_PASSWORD: passwordOf(login) });

    const placed = await runCli(['hold', 'place', number, '--reason', '法院调取证据', '--case', '(2026)沪0101民初1号'], { env: as('clerk') });
    expect(placed.code, placed.stderr).toBe(0);
    expect(placed.stdout).toContain('(2026)沪0101民初1号');
    const listed = await runCli(['hold', 'list', '--json'], { env: as('clerk') });
    expect(JSON.parse(listed.stdout)).toMatchObject([{ archiveNumber: number, reason: '法院调取证据', lift: null }]);

    const refused = await runCli(['hold', 'lift', number, '--reason', '结案'], { env: as('clerk') });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('FORBIDDEN');
    const lifted = await runCli(['hold', 'lift', number, '--reason', '结案'], { env: as('fawu') });
    expect(lifted.code, lifted.stderr).toBe(0);
    expect((await runCli(['hold', 'list'], { env: as('fawu') })).stdout).toContain('没有保全中的档案');
    expect((await runCli(['hold', 'lift', number, '--reason', '再解'], { env: as('fawu') })).stderr).toContain('CONFLICT');
  });
});

describe('dossierdesk check', () => {
  it('checks one dossier or the whole archive, writes the PDF, and exits 0 only when everything passed', async () => {
    const folder = tempDir();
    const { env, dossiers } = await seededArchive(folder, { dossiers: [{ title: '张三 购车档案' }] });
    const number = dossiers[0]?.archiveNumber ?? '';
    const one = await runCli(['check', '--dossier', number, '--json'], { env });
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ report: { ok: true, dossiers: 1 }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    const out = join(folder, 'report.pdf');
    const all = await runCli(['check', '--all', '--out', out], { env });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('全部通过');
    expect(inspectPdf(new Uint8Array(readFileSync(out))).text).toContain('电子档案四性检测报告');
    expect((await runCli(['check'], { env })).code).not.toBe(0);
    const unknown = await runCli(['check', '--dossier', 'KH-2099-999999'], { env });
    expect(unknown.stderr).toContain('NOT_FOUND');
  });
});
