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

describe('dossierdesk retention, appraisal and disposal', () => {
  it('lists what is due, appraises, makes, approves, carries out and prints a destruction list', async () => {
    const folder = tempDir();
    const serviced = (customerName: string, serviceDate: string) => ({ typeKey: 'vehicle-service', fields: { customerName, phone: '13900139000', plate: '沪A12345', serviceDate }, departmentCode: 'SHB' });
    const { env, dossiers } = await seededArchive(folder, {
      departments: [{ code: 'SHB', name: '售后部' }],
      users: ['clerk', 'kefu', 'zjl', 'wita', 'witb'].map((login, i) => ({ login, roles: [(['clerk', 'cs-manager', 'general-manager', 'staff', 'auditor'] as const)[i] ?? 'staff'] })),
      dossiers: [serviced('过期甲', '2014-03-01'), serviced('在保乙', '2026-09-30')],
    });
    const [expired = '', kept = ''] = dossiers.map((d) => d.archiveNumber);
    const as = (login: string) => ({ ...env, DOSSIERDESK_USER: login, DOSSIERDESK_PASSWORD: passwordOf(login) });
    const cli = async (login: string, args: string[], input?: string) => {
      const result = await runCli(args, { env: as(login), ...(input ? { input } : {}) });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };

    const due = JSON.parse(await cli('clerk', ['retention', 'due', '--until', '2026-11-30', '--json'])) as { dossiers: { archiveNumber: string; dueOn: string }[] };
    expect(due.dossiers.map((d) => [d.archiveNumber, d.dueOn])).toEqual([[expired, '2024-03-01']]);
    expect(await cli('clerk', ['retention', 'due'])).not.toContain(kept);
    expect(await cli('clerk', ['appraisal', 'destroy', expired, '--reason', '保管期满', '--committee', '王、李、赵'])).toContain('1');
    expect(await cli('clerk', ['disposal', 'awaiting'])).toContain(expired);
    expect((await runCli(['disposal', 'create', expired, '--method', 'waste-paper'], { env: as('clerk') })).stderr).toContain('VALIDATION');
    expect(await cli('clerk', ['disposal', 'create', expired, '--method', 'pulping'])).toMatch(/XH-\d{4}-001/);
    await cli('kefu', ['disposal', 'decide', '1', 'approve', '--comment', '同意']);
    await cli('zjl', ['disposal', 'decide', '1', 'approve']);
    const carried = await cli('clerk', ['disposal', 'carry-out', '1', '--on', '2026-11-30', '--witness', 'wita', 'witb'], `${passwordOf('wita')}\n${passwordOf('witb')}\n`);
    expect(carried).toContain('已销毁 / carried out');
    const out = join(folder, 'list.pdf');
    expect(await cli('clerk', ['disposal', 'print', '1', '--out', out])).toContain(out);
    expect(inspectPdf(new Uint8Array(readFileSync(out))).text).toContain('化浆');
    expect(await cli('clerk', ['disposal', 'list'])).toContain('已销毁');
  });
});
