import type { DepartmentSummary, DossierTypeView } from '../../../../../shared/contract';
import type { Names } from './violation-words';
import type { Words } from './words';

/** The names of the archive's types, checklist items and departments; a key it does not have is shown marked. */
export function archiveNames(types: readonly DossierTypeView[], departments: readonly DepartmentSummary[], words: Words): Names {
  const typeNames = new Map(types.map((type) => [type.key, words.en ? (type.nameEn ?? type.name) : type.name]));
  const itemNames = new Map(types.flatMap((type) => type.checklist.map((item) => [item.key, words.en ? (item.nameEn ?? item.name) : item.name] as const)).reverse());
  const departmentNames = new Map(departments.map((d) => [d.code, `${d.name}（${d.code}）`]));
  return {
    type: (key) => typeNames.get(key) ?? words.t('registerSettings.unknownType', { key }),
    item: (key) => itemNames.get(key) ?? key,
    department: (code) => departmentNames.get(code) ?? words.t('registerSettings.unknownDepartment', { code }),
  };
}
