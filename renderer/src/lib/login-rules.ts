import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** The login name's rules as the core has them (shared/schemas loginSchema): length first, then characters. */
export function loginRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('common.required', { field: t('fields.login') }) },
    { min: 2, max: 32, message: t('setup.loginLength') },
    { pattern: /^[\p{L}\p{N}._-]+$/u, message: t('setup.loginPattern') },
  ];
}
