import type { DossierDetail } from '../../../shared/contract';
import { PdfWriter } from './pdf-writer';

export interface DossierRecordInput {
  dossier: DossierDetail;
  levelLabel: string;
  /** The level's name when it is marked (机密, 绝密). */
  marking: string | null;
  /** Who exported when, for the watermark of classified dossiers; null for unclassified. */
  watermark: string | null;
  exportedBy: string;
  exportedAt: string;
}

/** The record sheet of one dossier: its fields as the archive holds them (CF-04 cover marking). */
export async function renderDossierRecord(input: DossierRecordInput): Promise<Uint8Array> {
  const { dossier } = input;
  const writer = await PdfWriter.create(
    { title: `档案信息 ${dossier.archiveNumber}`, marking: input.marking, notice: '内部资料，严禁外传', watermark: input.watermark },
    { author: input.exportedBy, subject: dossier.title },
  );
  writer.heading('档案信息');
  writer.keyValues([
    ['档号', dossier.archiveNumber],
    ['案卷题名', dossier.title],
    ['密级', input.levelLabel],
    ['所属部门', `${dossier.department.name}（${dossier.department.code}）`],
    ['保管人', dossier.custodian ? `${dossier.custodian.displayName}（${dossier.custodian.login}）` : '—'],
    ['单独存放', dossier.storedSeparately ? '是' : '否'],
    ['建档日期', dossier.createdAt.slice(0, 10)],
    ['建档人', dossier.createdBy.displayName],
  ]);
  writer.gap(12);
  writer.paragraph(`导出：${input.exportedBy}，${input.exportedAt}`, 8.5);
  return writer.save();
}
