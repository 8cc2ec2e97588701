import { describe, expect, it } from 'vitest';
import { defaultTypes } from '../electron/core/services/types/default-types';
import { numberingProblem, numberTemplate, titleFromTemplate, typeDefinitionSchema, withSequence, type FieldDefinition } from './dossier-types';

const fields: FieldDefinition[] = [
  { key: 'garden', label: '苑名', kind: 'text', required: true, sensitive: false },
  { key: 'room', label: '房间号', kind: 'text', required: true, sensitive: false },
  { key: 'note', label: '备注', kind: 'text', required: false, sensitive: false },
];

describe('dossier types', () => {
  it('the six shipped types are valid, with the stable ids and checklists the rules name', () => {
    expect(defaultTypes.map((t) => t.key)).toEqual(['vehicle-new', 'vehicle-service', 'property', 'customer-org', 'partner', 'incident']);
    const vehicle = defaultTypes.find((t) => t.key === 'vehicle-new');
    expect(vehicle?.checklist).toHaveLength(12); // CL-A
    expect(vehicle?.checklist.filter((c) => c.requirement === 'conditional').map((c) => c.key)).toEqual(['otherCertificates']);
    expect(vehicle?.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['customerName', 'phone', 'idNumber', 'address', 'vin', 'plate', 'model', 'deliveryDate']));
    expect(defaultTypes.find((t) => t.key === 'property')?.groups.map((g) => g.name[0])).toEqual(['a', 'b', 'c', 'd', 'e']); // DS-09
    expect(defaultTypes.find((t) => t.key === 'property')?.retention).toEqual({ kind: 'permanent' });
  });

  it('refuses duplicate keys, unknown groups and choice fields without choices', () => {
    const base = defaultTypes[0];
    if (!base) throw new Error('no types');
    expect(typeDefinitionSchema.safeParse({ ...base, fields: [...base.fields, base.fields[0]] }).success).toBe(false);
    expect(typeDefinitionSchema.safeParse({ ...base, checklist: [{ ...base.checklist[0], group: 'nowhere' }] }).success).toBe(false);
    expect(typeDefinitionSchema.safeParse({ ...base, fields: [{ key: 'pick', label: '选', kind: 'choice', required: false, sensitive: false }] }).success).toBe(false);
  });
});

describe('numbering rules', () => {
  it('knows its tokens, and needs a running number or fields', () => {
    expect(numberingProblem('XC-{yyyy}-{seq:6}', fields)).toBeNull();
    expect(numberingProblem('{苑名}-{room}', fields)).toBeNull();
    expect(numberingProblem('{yyyy}-{mm}', fields)?.en).toContain('needs a running number');
    expect(numberingProblem('{seq:4}-{seq:4}', fields)?.en).toContain('at most one');
    expect(numberingProblem('{colour}-{seq:3}', fields)?.en).toContain('neither a known token');
    expect(numberingProblem('{note}-{seq:3}', fields)?.en).toContain('must be required');
    expect(numberingProblem('A {seq:3}', fields)?.en).toContain('spaces');
  });

  it('fills dates, department and fields; the rest of the number is the sequence scope', () => {
    const context = { typeCode: 'SJ', date: new Date(2026, 10, 22), departmentCode: 'XSB', fields: { garden: '滨江苑', room: ' 1501 ' }, definitionFields: fields };
    const monthly = numberTemplate('{type}{yy}{mm}{seq:3}', context);
    expect(monthly).toEqual({ text: 'SJ2611{seq:3}', hasSequence: true });
    expect(withSequence(monthly.text, 7)).toBe('SJ2611007');
    expect(numberTemplate('{dept}-{yyyy}-{seq:6}', context).text).toBe('XSB-2026-{seq:6}');
    expect(numberTemplate('{苑名}-{room}', context)).toEqual({ text: '滨江苑-1501', hasSequence: false });
  });

  it('makes titles from the type’s template', () => {
    expect(titleFromTemplate('{garden} {room}室', fields, { garden: '滨江苑', room: '1501' })).toBe('滨江苑 1501室');
    expect(titleFromTemplate('{garden} {note}', fields, { garden: '滨江苑' })).toBe('滨江苑');
    expect(titleFromTemplate(undefined, fields, {})).toBeNull();
  });
});
