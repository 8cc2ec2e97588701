import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { ErrorIssue } from './errors';

/**
 * Bilingual custom messages for zod rules. zod carries one message string per issue, so a custom
 * message holds both languages joined by the ASCII unit separator; `describeIssues` splits them.
 * Issues without a custom message are described by zod's own zh-CN and en locales.
 */
const SEPARATOR = '\u001f';

export function bilingual(zh: string, en: string): { message: string } {
  return { message: `${zh}${SEPARATOR}${en}` };
}

const zhLocale = zhCN().localeError;
const enLocale = en().localeError;

function localeText(locale: typeof zhLocale, issue: z.core.$ZodIssue): string {
  const result = locale(issue as Parameters<typeof zhLocale>[0]);
  return typeof result === 'string' ? result : (result?.message ?? issue.message);
}

export function describeIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.message.includes(SEPARATOR)) {
      const [zh = '', en = ''] = issue.message.split(SEPARATOR);
      return { path, message: zh, messageEn: en };
    }
    return { path, message: localeText(zhLocale, issue), messageEn: localeText(enLocale, issue) };
  });
}
