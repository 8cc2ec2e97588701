import { dossierColumnLabels, dossierColumns, type DossierTypeView, type ImportTarget } from '../../../../shared/contract';

/** Select values for a mapping target: "field:vin", "dossier:title", "ignore". */
export const targetValue = (target: ImportTarget): string => (target.kind === 'field' ? `field:${target.key}` : target.kind === 'dossier' ? `dossier:${target.column}` : 'ignore');

export function targetOf(value: string): ImportTarget {
  const [kind, name = ''] = value.split(':');
  if (kind === 'field') return { kind: 'field', key: name };
  const column = dossierColumns.find((c) => c === name);
  return kind === 'dossier' && column ? { kind: 'dossier', column } : { kind: 'ignore' };
}

export function targetOptions(type: DossierTypeView, english: boolean, ignoreLabel: string): { value: string; label: string }[] {
  return [
    ...type.fields.map((f) => ({ value: `field:${f.key}`, label: `${english && f.labelEn ? f.labelEn : f.label}${f.required ? ' *' : ''}` })),
    ...dossierColumns.map((c) => ({ value: `dossier:${c}`, label: c === 'classification' && type.classification ? type.classification.name : english ? dossierColumnLabels[c].en : dossierColumnLabels[c].zh })),
    { value: 'ignore', label: ignoreLabel },
  ];
}
