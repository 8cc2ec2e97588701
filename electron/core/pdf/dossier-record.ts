import { carrierLabels, statusLabels, type DossierDetail, type FieldValueView } from '../../../shared/contract';
import { retentionLabel } from '../../../shared/dossier-types';
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

/** A writer framed for one dossier's export: its title, marking (CF-04), notice and watermark on every page. */
export function dossierWriter(input: DossierRecordInput): Promise<PdfWriter> {
  return PdfWriter.create(
    { title: `档案 ${input.dossier.archiveNumber}`, marking: input.marking, notice: '内部资料，严禁外传', watermark: input.watermark },
    { author: input.exportedBy, subject: input.dossier.title },
  );
}

/** The record sheet of one dossier: its fields as the archive holds them, its checklist and its catalogue (卷内文件目录). */
export function writeDossierRecord(writer: PdfWriter, input: DossierRecordInput): void {
  const { dossier } = input;
  writer.heading('档案信息');
  writer.keyValues([
    ['档号', dossier.archiveNumber],
    ['案卷题名', dossier.title],
    ['档案类型', dossier.type?.name ?? '—'],
    ['密级', input.levelLabel],
    ...(dossier.classificationScheme ? [[dossier.classificationScheme.name, dossier.classification ?? '—'] as const] : []),
    ['保管期限', dossier.retention ? retentionLabel(dossier.retention) : '—'],
    ['载体', carrierLabels[dossier.carrier].zh],
    ['状态', statusLabels[dossier.status].zh],
    ['所属部门', `${dossier.department.name}（${dossier.department.code}）`],
    ['保管人', dossier.custodian ? `${dossier.custodian.displayName}（${dossier.custodian.login}）` : '—'],
    ['单独存放', dossier.storedSeparately ? '是' : '否'],
    ['建档日期', dossier.openedOn ?? dossier.createdAt.slice(0, 10)],
    ['建档人', dossier.createdBy.displayName],
    ['备注', dossier.remarks ?? '—'],
  ]);
  if (dossier.fields.length > 0) {
    writer.gap(10);
    writer.heading('基本信息', 13);
    // Sensitive personal fields never leave the archive in an export, even for someone who may reveal them.
    writer.keyValues(dossier.fields.map((field) => [field.label, field.sensitive ? (field.masked ? '（敏感信息，不予导出）' : '—') : fieldText(field.value)] as const));
  }
  if (dossier.checklist.length > 0) {
    writer.gap(10);
    writer.heading('文件清单核对', 13);
    writer.paragraph(dossier.complete ? '必备文件齐全。' : `缺少必备文件 ${dossier.missingItems.length} 项：${dossier.missingItems.map((m) => m.name).join('、')}`);
  }
  writer.gap(10);
  writer.heading('卷内文件目录', 13);
  if (dossier.documents.length === 0) writer.paragraph('（尚无卷内文件）');
  else {
    const groupName = new Map(dossier.groups.map((g) => [g.key, g.name]));
    writer.table(
      [
        { title: '分组', weight: 1.4 },
        { title: '序号', weight: 0.6 },
        { title: '文件题名', weight: 4 },
        { title: '文件日期', weight: 1.3 },
        { title: '原件/复印件', weight: 1.1 },
        { title: '页数', weight: 0.6 },
        { title: '备注', weight: 1.6 },
      ],
      dossier.documents.map((d) => [
        d.groupKey ? (groupName.get(d.groupKey) ?? d.groupKey) : '—',
        String(d.position),
        d.title,
        d.docDate ?? '—',
        d.form === 'original' ? '原件' : '复印件',
        String(d.pages),
        d.remarks ?? '',
      ]),
    );
  }
  if (dossier.links.length > 0) {
    // XR-01/02/04: the related dossiers' numbers are written into the record (参见).
    writer.gap(10);
    writer.heading('参见（相关档案）', 13);
    writer.table(
      [
        { title: '关系', weight: 1.8 },
        { title: '档号', weight: 1.8 },
        { title: '案卷题名', weight: 3.6 },
        { title: '说明', weight: 2 },
      ],
      dossier.links.map((l) => [l.rule ? `${l.label}（${l.rule}）` : l.label, l.other.archiveNumber, l.other.title, l.note ?? '']),
    );
  }
  writer.gap(12);
  writer.paragraph(`导出：${input.exportedBy}，${input.exportedAt}`, 8.5);
}

function fieldText(value: FieldValueView['value']): string {
  if (value === null) return '—';
  return Array.isArray(value) ? value.join('、') : String(value);
}
