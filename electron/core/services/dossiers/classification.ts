import type { TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';

/** A dossier's classification (客户分类) must come from its type's scheme. */
export function assertClassification(definition: TypeDefinition | null, value: string | null | undefined): void {
  if (value === undefined || value === null) return;
  const scheme = definition?.classification;
  if (!scheme) throw new AppError('VALIDATION', { zh: '此类档案没有分类方案', en: 'Dossiers of this type have no classification scheme' });
  if (!scheme.values.includes(value)) {
    throw new AppError('VALIDATION', { zh: `${scheme.name}应为 ${scheme.values.join('、')} 之一`, en: `${scheme.name} must be one of ${scheme.values.join(', ')}` });
  }
}
