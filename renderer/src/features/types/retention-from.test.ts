import { describe, expect, it } from 'vitest';
import { typeDefinitionSchema } from '../../../../shared/dossier-types';
import { blankType, fromForm, toForm } from './type-form';

describe('the retention trigger in the type editor', () => {
  it('keeps a date field as the trigger through the form, and leaves the default (opened) out of the definition', () => {
    const type = { ...fromForm(blankType()), key: 'lease', code: 'ZL', name: '租赁档案', fields: [...fromForm(blankType()).fields, { key: 'contractEnd', label: '合同到期日', kind: 'date' as const, required: false, sensitive: false }] };
    const form = toForm({ ...type, retentionFrom: { kind: 'field', field: 'contractEnd' } });
    expect(form.retentionFrom).toBe('field:contractEnd');
    expect(fromForm(form).retentionFrom).toEqual({ kind: 'field', field: 'contractEnd' });
    expect(fromForm({ ...form, retentionFrom: 'last-activity' }).retentionFrom).toEqual({ kind: 'last-activity' });
    expect('retentionFrom' in fromForm({ ...form, retentionFrom: 'opened' })).toBe(false);
    expect(toForm(type).retentionFrom).toBe('opened');
  });

  it('refuses a trigger that is not a date field of the type', () => {
    const type = { ...fromForm(blankType()), key: 'lease', code: 'ZL', name: '租赁档案' };
    expect(typeDefinitionSchema.safeParse({ ...type, retentionFrom: { kind: 'field', field: 'customerName' } }).success).toBe(false);
    expect(typeDefinitionSchema.safeParse({ ...type, retentionFrom: { kind: 'last-activity' } }).success).toBe(true);
  });
});
