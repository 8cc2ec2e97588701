import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { invalidInput, MAX_ISSUE_TEXT, MAX_REPORTED_ISSUES } from './invalid-input';

describe('the VALIDATION error for an input', () => {
  it('names every issue of a small input, as before', () => {
    const parsed = z.strictObject({ title: z.string() }).safeParse({ title: 1 }, { reportInput: true });
    expect(parsed.success).toBe(false);
    const error = invalidInput((parsed as { error: z.ZodError }).error);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: 'title', message: expect.any(String) as unknown, messageEn: 'Invalid input: expected string, received number' }]);
    expect(error.messageEn).toBe('Invalid input: title Invalid input: expected string, received number');
  });

  it('stays small however many issues, however long their text', () => {
    const longKey = 'k'.repeat(100_000);
    const issues = Array.from({ length: 5000 }, (_, i) => ({ path: `fields.${longKey}${i}`, message: '不能含控制字符', messageEn: 'must not contain control characters' }));
    const error = invalidInput(issues);
    expect(error.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(error.issues?.every((i) => i.path.length <= MAX_ISSUE_TEXT)).toBe(true);
    expect(error.messageEn).toMatch(/; and 4980 more$/);
    expect(error.messageZh).toMatch(/；另有 4980 处问题$/);
    expect(JSON.stringify(error.toPayload()).length).toBeLessThan(MAX_REPORTED_ISSUES * MAX_ISSUE_TEXT * 5);
  });
});
