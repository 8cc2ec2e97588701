import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../helpers/pdf';
import { samplePng } from '../helpers/scan-files';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli, seededArchive } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

describe('dossierdesk inspection and repair', () => {
  it('starts an inspection of a room, fills in the checklist, records a finding with a photo, finishes it with the record, orders and closes a repair, prints the record', async () => {
    const folder = tempDir();
    const { env, dossiers } = await seededArchive(folder, {
      dossiers: [{ title: '张三 购车档案' }],
      calls: [{ channel: 'location:create', input: { parentId: null, code: 'A', name: '一号库房' } }],
    });
    const archiveNumber = dossiers[0]?.archiveNumber ?? '';
    const cli = async (...args: string[]) => {
      const result = await runCli(args, { env });
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      return result.stdout;
    };

    expect(await cli('inspection', 'plan')).toMatch(/A 一号库房\t上次 \/ last 从未 \/ never\t到期 \/ due \d{4}-\d{2}-\d{2}\t正常 \/ ok/);
    const started = JSON.parse(await cli('inspection', 'start', 'A', '--json')) as { id: number };
    const id = String(started.id);

    // A problem with its note, readings for humidity and temperature; the rest OK.
    const checked = await cli('inspection', 'check', id, 'mould=problem:北墙角有霉斑', 'humidity=ok:58', 'temperature=ok:17.5', '--all-ok');
    expect(checked).toContain('防潮防霉 / Moisture and mould\t有问题 / Problem\t北墙角有霉斑');
    expect(checked).toContain('湿度 / Humidity 58 %RH');
    const badReading = await runCli(['inspection', 'check', id, 'humidity=ok'], { env });
    expect(badReading.code).not.toBe(0);
    expect(badReading.stderr).toContain('湿度需要读数');

    writeFileSync(join(folder, 'IMG_0042.png'), samplePng({ variant: 3 }));
    const found = JSON.parse(await cli('inspection', 'finding', id, archiveNumber, '--kind', 'faded', '--note', '第 3 页字迹褪色', '--photo', join(folder, 'IMG_0042.png'), '--json')) as {
      findingList: { id: number; photos: { sourceName: string }[] }[];
    };
    expect(found.findingList[0]?.photos).toEqual([expect.objectContaining({ sourceName: 'IMG_0042.png' })]);
    const findingId = String(found.findingList[0]?.id);

    const record = join(folder, '检查记录.pdf');
    const finished = await cli('inspection', 'finish', id, '--inspector', '王芳', '--inspector', '李强', '--remarks', '已开除湿机', '--out', record);
    expect(finished).toMatch(/已完成 \/ finished: \d{4}-\d{2}-\d{2}，王芳、李强/);
    expect(finished).toContain(`已写入 / written ${record}`);

    const ordered = JSON.parse(await cli('repair', 'order', findingId, '--instructions', '托裱加固', '--json')) as { findingList: { repair: { id: number } | null }[] };
    const orderId = String(ordered.findingList[0]?.repair?.id);
    const closed = await cli('repair', 'done', orderId, '--outcome', 'repaired', '--by', '赵师傅');
    expect(closed).toContain(`修复单 / repair ${orderId}: 已修复 / Repaired`);

    const printed = join(folder, 'again.pdf');
    await cli('inspection', 'print', id, '--out', printed);
    const { text } = inspectPdf(readFileSync(printed));
    for (const words of ['档案保管检查记录', '一号库房', '王芳、李强', '北墙角有霉斑', archiveNumber, '张三 购车档案', '字迹褪色', '已修复', '赵师傅', '检查人']) expect(text).toContain(words);
    expect(inspectPdf(readFileSync(record)).text).toContain('未开修复单');
    expect((await runCli(['verify'], { env })).stdout).toMatch(/✓ scans: 全部 1 个扫描文件完好/);
  });
});
