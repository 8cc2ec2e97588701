import { Input, InputNumber, Select } from 'antd';
import type { FieldDefinition } from '../../../../shared/dossier-types';
import { DateInput } from '../../ui/DateInput';

interface Props {
  field: Pick<FieldDefinition, 'key' | 'kind' | 'choices'>;
  value?: string | number | string[] | null;
  onChange?: (value: string | number | string[] | null) => void;
}

/** One subject field's input by its kind; dates are picked or typed as clerks write them, and checked by the core. */
export function FieldInput({ field, value, onChange }: Props) {
  const testId = `field-${field.key}`;
  switch (field.kind) {
    case 'number':
      return <InputNumber data-testid={testId} className="full-width" value={typeof value === 'number' ? value : null} onChange={(n) => onChange?.(n)} />;
    case 'choice':
      return <Select data-testid={testId} allowClear value={typeof value === 'string' ? value : undefined} options={(field.choices ?? []).map((c) => ({ value: c, label: c }))} onChange={(v: string | undefined) => onChange?.(v ?? null)} />;
    case 'multi-choice':
      return <Select data-testid={testId} mode="multiple" allowClear value={Array.isArray(value) ? value : []} options={(field.choices ?? []).map((c) => ({ value: c, label: c }))} onChange={(v: string[]) => onChange?.(v)} />;
    case 'date':
      return <DateInput testId={testId} value={typeof value === 'string' ? value : null} onChange={(day) => onChange?.(day)} />;
    default:
      return <Input data-testid={testId} value={typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange?.(e.target.value)} maxLength={200} />;
  }
}
