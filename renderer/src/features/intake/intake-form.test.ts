import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../../../shared/dossier-types';
import { initialChoices, intakeInput, type DossierRow } from './intake-form';

const item = (key: string, requirement: ChecklistItem['requirement']): ChecklistItem => ({ key, name: key, requirement, expected: 'either' });
const checklist = [item('invoiceCopy', 'required'), item('salesContract', 'required'), item('otherCertificates', 'conditional')];

describe('the intake dialog’s values', () => {
  it('start with required items present, the rest not part of it, and open shortages missing', () => {
    expect(initialChoices(checklist, new Set(['salesContract']))).toEqual({ invoiceCopy: 'present', salesContract: 'missing', otherCertificates: 'none' });
  });

  it('become intake:add’s input: items by choice, a drawn signature only when drawn, an opened dossier as it is', () => {
    const row: DossierRow = { archiveNumber: 'XC-2026-000001', title: '张三 新车档案', typeKey: 'vehicle-new', typeName: '新车档案', checklist, trigger: { label: '交车日期', value: '2026-10-12' }, items: { invoiceCopy: 'missing', salesContract: 'present', otherCertificates: 'none' } };
    const opened: DossierRow = { open: { typeKey: 'incident', fields: { eventDate: '2026-10-13' } }, title: '', typeKey: 'incident', typeName: '事件档案', checklist: [], trigger: null, triggerDate: '2026-10-13', items: {} };
    expect(
      intakeInput({
        fromDepartment: 'XSB',
        handedBy: { name: ' 销售小李 ' },
        dossiers: [row, opened],
        shortageNote: '  ',
        handedBySignature: { name: '销售小李' },
        receiverSignature: { name: '档案员小王', image: 'data:image/png;base64,AAAA' },
      }),
    ).toEqual({
      fromDepartment: 'XSB',
      handedBy: { name: '销售小李' },
      dossiers: [
        { archiveNumber: 'XC-2026-000001', missing: ['invoiceCopy'], present: ['salesContract'] },
        { open: { typeKey: 'incident', fields: { eventDate: '2026-10-13' } }, triggerDate: '2026-10-13', missing: [], present: [] },
      ],
      handedBySignature: { name: '销售小李' },
      receiverSignature: { name: '档案员小王', image: 'data:image/png;base64,AAAA' },
    });
  });
});
