import type { FieldValueView } from '../../../../shared/contract';
import type { FieldDefinition, TypeDefinition } from '../../../../shared/dossier-types';
import { isCalendarDay } from '../../../../shared/days';
import { splitPhones } from '../../../../shared/phones';
import { isResidentIdNumber } from '../../../../shared/id-codes';
import type { ErrorIssue } from '../../../../shared/errors';

export type FieldValue = string | number | string[] | null;
export type FieldValues = Record<string, FieldValue>;

interface Problem {
  zh: string;
  en: string;
}

/** Checks and normalises what a field's search role implies (phones, ID numbers, plates, VINs). */
function byRole(field: FieldDefinition, value: string): { value: string } | Problem {
  switch (field.search) {
    case 'phone': {
      const numbers = splitPhones(value);
      for (const number of numbers) {
        const digits = number.replace(/[\s()（）+-]/g, '').replace(/^(0086|86)(?=\d{11,12}$)/, '');
        const mobile = /^1\d{10}$/.test(digits);
        const landline = /^0\d{9,11}$/.test(digits); // area code + number
        const service = /^[48]00\d{7}$/.test(digits);
        if (mobile || landline || service) continue;
        if (/^\d{7,8}$/.test(digits)) return { zh: `座机号码“${number}”需加区号`, en: `The landline "${number}" needs its area code` };
        return { zh: `“${number}”不是电话号码`, en: `"${number}" is not a phone number` };
      }
      return { value: numbers.join('，') };
    }
    case 'id-number': {
      const id = value.replace(/\s+/g, '').toUpperCase();
      if (/^\d{17}[\dX]$/.test(id) && !isResidentIdNumber(id)) return { zh: '身份证号码校验位不正确', en: 'the ID number’s check digit is wrong' };
      return { value: id };
    }
    case 'vin': {
      const vin = value.replace(/\s+/g, '').toUpperCase();
      if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { zh: '应为 17 位字母数字（不含 I、O、Q）', en: 'must be 17 letters and digits (no I, O, Q)' };
      return { value: vin };
    }
    case 'plate':
      return { value: value.replace(/\s+/g, '').toUpperCase() };
    default:
      return { value };
  }
}

/** A day as clerks write it (2026/11/2, 2026.11.02, 2026年11月2日) as YYYY-MM-DD, or null. */
export function normaliseDay(text: string): string | null {
  const day = text
    .trim()
    .replace(/[/.年月]/g, '-')
    .replace(/日$/, '')
    .replace(/-(\d)(?=-|$)/g, '-0$1');
  return isCalendarDay(day) ? day : null;
}

/** One value by its field's kind; strings from the CLI or an import are accepted where they can mean the value. */
function normaliseValue(field: FieldDefinition, raw: FieldValue): { value: FieldValue } | Problem {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0)) return { value: null };
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { zh: '应为文字', en: 'must be text' };
      return byRole(field, String(raw).trim());
    }
    case 'number': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.replace(/[,，\s]/g, '')) : Number.NaN;
      return Number.isFinite(number) ? { value: number } : { zh: '应为数字', en: 'must be a number' };
    }
    case 'date': {
      const day = typeof raw === 'string' ? normaliseDay(raw) : null;
      return day ? { value: day } : { zh: '应为日期 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' };
    }
    case 'choice': {
      const text = typeof raw === 'string' ? raw.trim() : String(raw);
      return field.choices?.includes(text) ? { value: text } : { zh: `应为 ${field.choices?.join('、') ?? ''} 之一`, en: `must be one of ${field.choices?.join(', ') ?? ''}` };
    }
    case 'multi-choice': {
      const list = Array.isArray(raw) ? raw : String(raw).split(/[,，、;；]+/);
      const values = [...new Set(list.map((v) => v.trim()).filter(Boolean))];
      const unknown = values.filter((v) => !field.choices?.includes(v));
      return unknown.length ? { zh: `未知的选项：${unknown.join('、')}`, en: `unknown choices: ${unknown.join(', ')}` } : { value: values };
    }
  }
}

/**
 * Checks subject field values against the type: only its fields, each by kind and role, and – when
 * `requireAll` – every required field filled once the change is applied to what the dossier
 * already holds. Values with a problem are left out of `values`.
 */
export function checkFieldValues(
  definition: TypeDefinition,
  input: Readonly<FieldValues>,
  existing: Readonly<FieldValues> = {},
  requireAll = true,
): { values: FieldValues; issues: ErrorIssue[] } {
  const issues: ErrorIssue[] = [];
  const values: FieldValues = { ...existing };
  for (const [key, raw] of Object.entries(input)) {
    const field = definition.fields.find((f) => f.key === key);
    if (!field) {
      issues.push({ path: `fields.${key}`, message: `“${definition.name}”没有字段 ${key}`, messageEn: `"${definition.nameEn ?? definition.name}" has no field ${key}` });
      continue;
    }
    const outcome = normaliseValue(field, raw);
    if ('zh' in outcome) issues.push({ path: `fields.${key}`, message: `${field.label}：${outcome.zh}`, messageEn: `${field.labelEn ?? field.key}: ${outcome.en}` });
    else values[key] = outcome.value;
  }
  if (requireAll) {
    for (const field of definition.fields) {
      if (field.required && (values[field.key] === null || values[field.key] === undefined) && !issues.some((i) => i.path === `fields.${field.key}`)) {
        issues.push({ path: `fields.${field.key}`, message: `${field.label}为必填项`, messageEn: `${field.labelEn ?? field.key} is required` });
      }
    }
  }
  return { values, issues };
}

/** The fields as a reader sees them: sensitive values masked until revealed on purpose. */
export function fieldViews(definition: TypeDefinition, values: Readonly<FieldValues>): FieldValueView[] {
  return definition.fields.map((field) => {
    const value = values[field.key] ?? null;
    return {
      key: field.key,
      label: field.label,
      labelEn: field.labelEn ?? null,
      kind: field.kind,
      required: field.required,
      sensitive: field.sensitive,
      ...(field.choices ? { choices: field.choices } : {}),
      ...(field.note ? { note: field.note } : {}),
      value: field.sensitive ? null : value,
      masked: field.sensitive && value !== null,
    };
  });
}

export function parseFieldValues(json: string): FieldValues {
  return JSON.parse(json) as FieldValues;
}
