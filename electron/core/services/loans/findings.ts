import type { LoanRecord } from '../../../../db/repositories/loans';
import type { Finding } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';

const invalid = (path: string, zh: string, en: string) => new AppError('VALIDATION', { zh, en }, { issues: [{ path, message: zh, messageEn: en }] });

/**
 * What was found on return must be about what went out: each document once, pages missing with
 * the pages that came back (fewer than went out). The return and its corrections share this rule.
 */
export function checkFindings(loan: Pick<LoanRecord, 'documents'>, findings: readonly Finding[]): void {
  const out = new Map(loan.documents.map((d) => [d.id, d]));
  const seen = new Set<number>();
  findings.forEach((finding, i) => {
    const document = out.get(finding.documentId);
    if (!document) throw invalid(`findings.${i}.documentId`, `文件 ${finding.documentId} 不在借出清单中`, `Document ${finding.documentId} did not go out with this loan`);
    if (seen.has(finding.documentId)) throw invalid(`findings.${i}.documentId`, `“${document.title}”登记了两次`, `"${document.title}" is listed twice`);
    seen.add(finding.documentId);
    if (finding.issue === 'pages-missing' && (finding.pagesBack === undefined || finding.pagesBack >= document.pages)) {
      throw invalid(`findings.${i}.pagesBack`, `“${document.title}”借出 ${document.pages} 页，缺页时应填写实收页数（少于 ${document.pages}）`, `"${document.title}" went out with ${document.pages} pages: give the pages that came back (fewer)`);
    }
    if (finding.issue !== 'pages-missing' && finding.pagesBack !== undefined) throw invalid(`findings.${i}.pagesBack`, '只有缺页时填写实收页数', 'Pages back are given for missing pages only');
  });
}
