import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from './password-policy';
import { DOSSIER_LIMITS } from './dossier-limits';
import { verbatim } from './plain-text';
import { bilingual } from './validation';

/**
 * Field rules shared by the contract and the forms, with messages in both languages. Login names
 * may be pinyin or Chinese; they are compared case-insensitively after Unicode normalisation
 * (see normalizeLogin).
 */
interface FieldName {
  zh: string;
  en: string;
}

export function requiredText(name: FieldName, max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? bilingual(`${name.zh}不能为空`, `${name.en} must not be empty`) : bilingual(`${name.zh}至少 ${min} 个字符`, `${name.en} needs at least ${min} characters`))
    .max(max, bilingual(`${name.zh}不能超过 ${max} 个字符`, `${name.en} must not exceed ${max} characters`));
}

export const loginSchema = requiredText({ zh: '登录名', en: 'The login name' }, 32, 2).regex(
  /^[\p{L}\p{N}._-]+$/u,
  bilingual('登录名只能包含字母、汉字、数字、点、下划线和连字符', 'The login name may hold letters, digits, dot, underscore and hyphen only'),
);

export const displayNameSchema = requiredText({ zh: '姓名', en: 'The name' }, 64);

export const passwordSchema = verbatim(
  z
    .string()
    .min(PASSWORD_MIN_LENGTH, bilingual(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, `The password needs at least ${PASSWORD_MIN_LENGTH} characters`))
    .max(256, bilingual('密码不能超过 256 个字符', 'The password must not exceed 256 characters')),
);

/**
 * A password being checked (sign-in, the current one when changing it): by the key slot, not by a
 * format rule, so old passwords stay valid when the policy changes.
 */
export const currentPasswordSchema = verbatim(z.string().min(1).max(256));

export const dossierTitleSchema = requiredText({ zh: '案卷题名', en: 'The title' }, DOSSIER_LIMITS.title);

export function normalizeLogin(login: string): string {
  return login.trim().normalize('NFKC').toLowerCase();
}
