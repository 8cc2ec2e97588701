import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeDefinitionSchema } from '../../../../shared/dossier-types';
import { blankType, fromForm, toForm } from './type-form';

const shipped = join(__dirname, '../../../../resources/dossier-types');

describe('the type editor’s form', () => {
  it('gives every shipped type back unchanged when nothing is edited', () => {
    for (const file of readdirSync(shipped)) {
      const definition = typeDefinitionSchema.parse(JSON.parse(readFileSync(join(shipped, file), 'utf8')));
      expect(typeDefinitionSchema.parse(fromForm(toForm(definition))), file).toEqual(definition);
    }
  });

  it('turns the spread-out retention and classification back into the definition, and drops choices of a field that no longer chooses', () => {
    const form = { ...blankType(), key: 'vehicle-lease', code: 'ZL', name: '租赁车辆档案', retentionKind: 'permanent' as const, classificationName: '客户分类', classificationValues: ['A', 'B'] };
    form.fields = [...form.fields, { key: 'mode', label: '方式', kind: 'text', required: false, sensitive: false, choices: ['x'] }];
    const definition = typeDefinitionSchema.parse(fromForm(form));
    expect(definition).toMatchObject({ retention: { kind: 'permanent' }, classification: { name: '客户分类', values: ['A', 'B'] } });
    expect(definition.fields[1]?.choices).toBeUndefined();
    expect(typeDefinitionSchema.parse(fromForm({ ...form, retentionKind: 'years', retentionYears: 15, classificationValues: [] }))).toMatchObject({ retention: { kind: 'years', years: 15 }, classification: null });
  });
});
