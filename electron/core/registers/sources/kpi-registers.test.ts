import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { octoberHandOvers } from '../../../../tests/helpers/violation-month';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let now = new Date('2026-09-28T09:00:00+08:00');
let core: Core;
const october = { from: '2026-10-01', to: '2026-10-31' };
/** Cells wrap inside their columns: the text is compared without its line breaks. */
const flat = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  core = testCore(suiteDir(), { now: () => now });
  await ok(core, 'archive:create', { admin: ADMIN });
  await octoberHandOvers(core, (time) => (now = new Date(time)));
  await ok(core, 'settings:update', { companyName: '上海某某汽车销售服务有限公司' });
  await switchTo(core, 'audit');
});

describe('the KPI and violation reports, printed with the registers’ layout', () => {
  it('prints the KPI report: per department, the rates, the totals and what they count', async () => {
    const file = await ok(core, 'register:export', { kind: 'kpi', ...october, format: 'pdf' });
    expect(file.fileName).toMatch(/^档案考核指标统计表-2026-10-01-2026-10-31-/);
    const pdf = inspectPdf(file.bytes);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    const text = flat(pdf.text);
    for (const expected of ['上海某某汽车销售服务有限公司', '档案考核指标统计表', '期间：2026-10-01至2026-10-31', '销售部（XSB）', '售后服务部（SHB）', '上交及时率', '完整率', '内部资料，严禁外传', '审核人', '审批人']) {
      expect(text).toContain(expected);
    }
    // October's first hand-overs: sales two, after-sales three, all late and whole (小陈's supplement is no new hand-over).
    expect(text).toContain('2026-10销售部（XSB）200.0%22100.0%002');
    expect(text).toContain('2026-10售后服务部（SHB）300.0%33100.0%003');
    expect(text).toContain('本期上交及时率0.0%（按期0/有期限5份），完整率100.0%（完整5/5份）');
  });

  it('prints the violation report with money columns, totals per person and department', async () => {
    const pdf = inspectPdf((await ok(core, 'register:export', { kind: 'violations', ...october, format: 'pdf' })).bytes);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    const text = flat(pdf.text);
    for (const expected of ['违规处罚登记表', 'PN-02销售顾问移交的检查类档案无用户签名', '缺：新车PDI检查表；未改正，第1次重复', '逾期4个工作日（应交2026-10-08）', '售后小周', '客户总监']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('本期违规8次，罚款合计450.00元。');
    expect(text).toContain('按人：售后小周（售后服务部）3次200.00元；销售小李（销售部）2次150.00元；销售小陈（销售部）3次100.00元。');
    expect(text).toContain('按部门：销售部5次250.00元；售后服务部3次200.00元。');
  });

  it('writes the violations as an .xlsx with the amounts as numbers; a department alone', async () => {
    const file = await ok(core, 'register:export', { kind: 'violations', ...october, format: 'xlsx', department: 'SHB' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain('售后小周');
    expect(values).not.toContain('销售小李');
    expect(values).toContain(100);
  });
});
