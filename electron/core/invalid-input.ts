import { z } from 'zod';
import { AppError, type ErrorIssue } from '../../shared/errors';
import { describeIssues } from '../../shared/validation';

/**
 * However large the input, the VALIDATION error about it stays small: a front door sends it back
 * whole (the harness as its HTTP reply). zod's own text may quote the input – an object with a
 * million unknown keys is one issue that lists them all – and a long list of bad values gives an
 * issue each. The first few issues, each cut short, tell what to fix.
 */
export const MAX_REPORTED_ISSUES = 20;
export const MAX_ISSUE_TEXT = 300;

const clip = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT - 1)}…` : text);

/** The VALIDATION error for a channel's input: zod's verdict, or issues found in the parsed input. */
export function invalidInput(found: z.ZodError | readonly ErrorIssue[]): AppError {
  const total = found instanceof z.ZodError ? found.issues.length : found.length;
  // Only the issues reported are described: describing is the costly part.
  const first = found instanceof z.ZodError ? describeIssues(new z.ZodError(found.issues.slice(0, MAX_REPORTED_ISSUES))) : found.slice(0, MAX_REPORTED_ISSUES);
  const issues = first.map((i) => ({ path: clip(i.path), message: clip(i.message), messageEn: clip(i.messageEn) }));
  const more = total - issues.length;
  return new AppError(
    'VALIDATION',
    {
      zh: `输入无效：${issues.map((i) => `${i.path ? `${i.path} ` : ''}${i.message}`).join('；')}${more > 0 ? `；另有 ${more} 处问题` : ''}`,
      en: `Invalid input: ${issues.map((i) => `${i.path ? `${i.path} ` : ''}${i.messageEn}`).join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
    },
    { issues },
  );
}
