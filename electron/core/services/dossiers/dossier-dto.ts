import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { DossierDetail, DossierSummary } from '../../../../shared/contract';
import { levelAt, levelRemark, type ConfidentialityLevel } from '../../../../shared/levels';

export function toDossierSummary(record: DossierRecord, levels: readonly ConfidentialityLevel[]): DossierSummary {
  return {
    id: record.id,
    archiveNumber: record.archiveNumber,
    title: record.title,
    level: record.level,
    department: record.department,
    remark: levelRemark(levels, record.level),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  };
}

export function toDossierDetail(record: DossierRecord, levels: readonly ConfidentialityLevel[]): DossierDetail {
  return {
    ...toDossierSummary(record, levels),
    classified: levelAt(levels, record.level).classified,
    storedSeparately: record.storedSeparately,
    custodian: record.custodian?.id ? { login: record.custodian.login, displayName: record.custodian.displayName } : null,
    updatedAt: record.updatedAt,
  };
}
