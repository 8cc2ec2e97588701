import type { FieldDefinition } from '../../../../shared/dossier-types';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The choices of where a type's retention period starts: opened, last activity, or one of its date fields. */
export function retentionFromOptions(fields: readonly Partial<FieldDefinition>[], t: Translate): { value: string; label: string }[] {
  return [
    { value: 'opened', label: t('disposal.from.opened') },
    { value: 'last-activity', label: t('disposal.from.lastActivity') },
    ...fields.filter((f) => f.kind === 'date' && f.key).map((f) => ({ value: `field:${f.key ?? ''}`, label: t('disposal.from.field', { label: f.label || f.key }) })),
  ];
}
