import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api';
import { toFormField } from './issue-paths';

/** The names of a form's fields, as the core writes paths. */
const fieldsOf = (form: FormInstance): string[] => form.getFieldsError().map((field) => field.name.join('.'));

/**
 * The same failure with each issue's path turned into the form's – from the settings' place
 * (`approvalRouting.2.label`) by `toForm`, then cut back to the deepest field the form has – so
 * placeErrors can put each message beside its field. Other failures pass unchanged.
 */
export function onForm(error: unknown, form: FormInstance, toForm: (path: string) => string): unknown {
  if (!(error instanceof ApiError) || error.issues.length === 0) return error;
  const fields = fieldsOf(form);
  return new ApiError({ code: error.code, message: error.messageZh, messageEn: error.messageEn, issues: error.issues.map((issue) => ({ ...issue, path: toFormField(toForm(issue.path), fields) })) });
}

/** Every path in a form's changed values, outermost first: `{ overdueNotices: { headAfterWorkdays: 6 } }` → overdueNotices, overdueNotices.headAfterWorkdays. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...prefix, Array.isArray(value) ? Number(key) : key]))];
}

/**
 * A problem the core named stays beside its field until the field is changed: antd clears only
 * the messages of its own rules. Meant for a form's onValuesChange.
 */
export function clearChangedErrors(form: FormInstance, changed: object): void {
  form.setFields(pathsOf(changed).filter((path) => path.length > 0).map((name) => ({ name, errors: [] })));
}
