import { carrierLabels, statusLabels, type DossierDetail } from '../../../shared/contract';
import { retentionLabel } from '../../../shared/dossier-types';

function value(v: DossierDetail['fields'][number]['value']): string {
  if (v === null) return '—';
  return Array.isArray(v) ? v.join('、') : String(v);
}

/** A dossier as plain text for `dossier show`: what a clerk reads on the dossier page. */
export function describeDossier(d: DossierDetail, levelName: string): string {
  const lines = [
    `档号 / number\t${d.archiveNumber}`,
    `题名 / title\t${d.title}`,
    `类型 / type\t${d.type ? `${d.type.name}（${d.type.key}）` : '—'}`,
    `密级 / level\t${levelName}${d.remark ? `（${d.remark}，单独存放）` : ''}`,
    `部门 / department\t${d.department.name}（${d.department.code}）`,
    `保管人 / custodian\t${d.custodian ? `${d.custodian.displayName}（${d.custodian.login}）` : '—'}`,
    `状态 / status\t${statusLabels[d.status].zh}`,
    `载体 / carrier\t${carrierLabels[d.carrier].zh}`,
    `保管期限 / retention\t${d.retention ? retentionLabel(d.retention) : '—'}`,
    `建档日期 / opened\t${d.openedOn ?? '—'}`,
  ];
  if (d.classificationScheme) lines.push(`${d.classificationScheme.name} / classification\t${d.classification ?? '—'}`);
  if (d.remarks) lines.push(`备注 / remarks\t${d.remarks}`);
  if (d.fields.length) {
    lines.push('', '字段 / fields');
    for (const f of d.fields) lines.push(`  ${f.label}（${f.key}）\t${f.masked ? '●●●●（敏感信息，用 UI 查看并留痕） / masked' : value(f.value)}`);
  }
  if (d.checklist.length) {
    lines.push('', d.complete ? '文件清单 / checklist: 齐全 / complete' : `文件清单 / checklist: 缺 ${d.missingItems.length} 项 / ${d.missingItems.length} missing`);
    for (const c of d.checklist) lines.push(`  [${c.satisfied ? 'x' : ' '}] ${c.item.name}${c.item.requirement === 'required' ? '' : c.item.requirement === 'conditional' ? '（视情况）' : '（可选）'}`);
  }
  lines.push('', `卷内文件 / documents: ${d.documents.length}（#编号供 document update 使用 / #id for document update）`);
  for (const doc of d.documents) {
    lines.push(`  #${doc.id}\t${doc.groupKey ? `${doc.groupKey}-` : ''}${doc.position}\t${doc.title}\t${doc.docDate ?? '—'}\t${doc.form === 'original' ? '原件' : '复印件'}\t${doc.pages} 页`);
  }
  return lines.join('\n');
}
