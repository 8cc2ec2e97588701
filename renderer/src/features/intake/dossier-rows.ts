import type { DossierDetail, DossierTypeView, InputOf, Settings, ShortagePage } from '../../../../shared/contract';
import type { FieldDefinition } from '../../../../shared/dossier-types';
import { initialChoices, type DossierRow } from './intake-form';

type Trigger = DossierRow['trigger'];

/** The type's trigger field with the dossier's value of it, when the type's deadline runs from one. */
function triggerOf(fields: readonly Pick<FieldDefinition, 'key' | 'label' | 'labelEn'>[], triggerField: string | null | undefined, value: (key: string) => unknown, english: boolean): Trigger {
  const field = triggerField ? fields.find((f) => f.key === triggerField) : undefined;
  if (!field) return null;
  const stored = value(field.key);
  return { label: (english && field.labelEn) || field.label, value: typeof stored === 'string' && stored !== '' ? stored : null };
}

/** A dossier typed or scanned at the desk, its open shortages starting out missing. */
export function existingRow(dossier: DossierDetail, shortages: ShortagePage, settings: Settings, english: boolean): DossierRow {
  const rule = dossier.type ? settings.intakeDeadlines[dossier.type.key] : undefined;
  const checklist = dossier.checklist.map((status) => status.item);
  return {
    archiveNumber: dossier.archiveNumber,
    title: dossier.title,
    typeKey: dossier.type?.key ?? null,
    typeName: dossier.type ? (english && dossier.type.nameEn) || dossier.type.name : null,
    checklist,
    trigger: triggerOf(
      dossier.fields.map((f) => ({ ...f, labelEn: f.labelEn ?? undefined })),
      rule?.triggerField,
      (key) => dossier.fields.find((f) => f.key === key)?.value,
      english,
    ),
    items: initialChoices(checklist, new Set(shortages.shortages.map((s) => s.item.key))),
  };
}

/** A dossier to be opened at the hand-over, from the fields typed for it. */
export function openedRow(input: InputOf<'dossier:create'>, type: DossierTypeView | null, settings: Settings, english: boolean): DossierRow {
  const rule = type ? settings.intakeDeadlines[type.key] : undefined;
  const checklist = type?.checklist ?? [];
  return {
    open: input,
    title: input.title ?? '',
    typeKey: type?.key ?? null,
    typeName: type ? (english && type.nameEn) || type.name : null,
    checklist,
    trigger: triggerOf(type?.fields ?? [], rule?.triggerField, (key) => input.fields?.[key], english),
    items: initialChoices(checklist, new Set()),
  };
}
