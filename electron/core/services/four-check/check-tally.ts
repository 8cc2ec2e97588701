import { CHECK_FINDINGS_MAX, type CheckFinding, type CheckItemResult } from '../../../../shared/contract';
import { aspectOf, checkItemLabels, type CheckItemKey } from '../../../../shared/four-check';

/** One check item as it is run: what was looked at, what failed (the first findings kept, all counted). */
export class CheckTally {
  checked = 0;
  failures = 0;
  readonly findings: CheckFinding[] = [];
  /** Said instead of the plain count when the item passed (the audit head, the cipher …). */
  passedNote: { zh: string; en: string } | null = null;

  constructor(
    readonly key: CheckItemKey,
    /** What `checked` counts: 份档案, 个文件 … */
    readonly unit: { zh: string; en: string },
  ) {}

  fail(archiveNumber: string | null, document: CheckFinding['document'], zh: string, en: string): void {
    this.failures += 1;
    if (this.findings.length < CHECK_FINDINGS_MAX) this.findings.push({ archiveNumber, document, message: zh, messageEn: en });
  }

  result(): CheckItemResult {
    const label = checkItemLabels[this.key];
    const ok = this.failures === 0;
    const counted = { zh: `检查 ${this.checked} ${this.unit.zh}`, en: `${this.checked} ${this.unit.en} checked` };
    const nothing = { zh: `没有要检查的${this.unit.zh.replace(/^[个份件条]/, '')}`, en: `no ${this.unit.en} to check` };
    const said = ok
      ? (this.passedNote ?? (this.checked === 0 ? nothing : { zh: `${counted.zh}，全部通过`, en: `${counted.en}, all passed` }))
      : { zh: `${counted.zh}，${this.failures} 处不通过`, en: `${counted.en}, ${this.failures} failed` };
    return { key: this.key, aspect: aspectOf[this.key], ok, checked: this.checked, failures: this.failures, findings: this.findings, summary: `${label.zh}：${said.zh}`, summaryEn: `${label.en}: ${said.en}` };
  }
}

