import { AppError } from '../../../../shared/errors';

/** A VALIDATION error naming the input it is about, so a form can show it beside the field. */
export function invalidAt(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION', { zh, en }, { issues: [{ path, message: zh, messageEn: en }] });
}
