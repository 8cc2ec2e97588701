import type { FormInstance } from 'antd';
import { ApiError, errorText } from './api';

/** A problem's path from the core (`fields.vin`, `title`) as a form field's name. */
const nameOf = (path: string) => path.split('.');

/**
 * Shows a failed save where the clerk is looking: each problem the core names by its field next to
 * that field (the first one scrolled into view); returns what belongs to no field of this form,
 * for the top of the dialog – or null when everything found its field.
 */
export function placeErrors(form: FormInstance, error: unknown, language: string): string | null {
  if (!(error instanceof ApiError) || error.issues.length === 0) return errorText(error, language);
  const registered = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const placed = error.issues.filter((issue) => registered.has(issue.path));
  const byField = new Map<string, string[]>();
  for (const issue of placed) byField.set(issue.path, [...(byField.get(issue.path) ?? []), language === 'en' ? issue.messageEn : issue.message]);
  form.setFields([...byField].map(([path, errors]) => ({ name: nameOf(path), errors })));
  const first = placed[0];
  if (first) form.scrollToField(nameOf(first.path));
  const rest = error.issues.filter((issue) => !registered.has(issue.path));
  if (rest.length === 0) return null;
  return rest.length === error.issues.length ? error.text(language) : rest.map((issue) => (language === 'en' ? issue.messageEn : issue.message)).join('；');
}
