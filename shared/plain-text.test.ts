import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { multiLine, plainTextIssues, plainTextProblem, showControls, verbatim } from './plain-text';

const ESC = '\u001b';

describe('plain text in a field', () => {
  it('refuses control characters, C1, DEL and bidi overrides everywhere; tabs and line breaks in one-line fields', () => {
    for (const text of [`${ESC}[31mred`, 'bell\u0007', 'del\u007f', 'csi\u009b2J', 'evil\u202etxt.exe', 'isolate\u2066x\u2069', 'line\u2028sep']) {
      expect(plainTextProblem(text, 'multi-line'), JSON.stringify(text)).toMatchObject({ en: expect.stringMatching(/^must not contain control characters \(U\+[0-9A-F]{4}\)$/) as string });
    }
    expect(plainTextProblem(`a${ESC}b`, 'one-line')).toEqual({ zh: '不能含控制字符（U+001B）', en: 'must not contain control characters (U+001B)' });
    for (const text of ['a\nb', 'a\tb', 'a\r\nb']) {
      expect(plainTextProblem(text, 'one-line')?.en).toBe('must be one line, without line breaks or tabs');
      expect(plainTextProblem(text, 'multi-line')).toBeNull();
    }
    expect(plainTextProblem('沪A·12345 （原件）😀 ‎', 'one-line')).toBeNull();
  });

  it('finds every refused string of an input by its path, and allows lines where the schema says so', () => {
    const schema = z.strictObject({
      title: z.string().trim().max(200),
      remarks: multiLine(z.string().max(500)).nullable().optional(),
      password: verbatim(z.string()),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])),
      documents: z.array(z.strictObject({ title: z.string(), note: multiLine(z.string()).optional() })).default([]),
    });
    const input = schema.parse({
      title: 'ok',
      remarks: '第一行\n第二行',
      password: `any${ESC}thing`,
      fields: { plate: `沪A${ESC}[2J`, tags: ['x', 'y\nz'], n: 3 },
      documents: [{ title: 'fine', note: 'a\nb' }, { title: 'two\nlines' }],
    });
    expect(plainTextIssues(schema, input).map((i) => [i.path, i.messageEn])).toEqual([
      ['fields.plate', 'must not contain control characters (U+001B)'],
      ['fields.tags.1', 'must be one line, without line breaks or tabs'],
      ['documents.1.title', 'must be one line, without line breaks or tabs'],
    ]);
    expect(plainTextIssues(schema, { ...input, remarks: `a${ESC}` }).map((i) => i.path)).toContain('remarks');
  });
});

describe('stored text shown', () => {
  it('writes control characters and line breaks as escapes, JSON’s own', () => {
    const text = `红${ESC}[31m\u009b\u202e\t\r\nend`;
    expect(showControls(text)).toBe('红\\u001b[31m\\u009b\\u202e\\t\\r\\nend');
    expect(showControls(text, true)).toBe('红\\u001b[31m\\u009b\\u202e\t\\r\nend');
    const json = showControls(JSON.stringify({ title: text }), true);
    expect(JSON.parse(json)).toEqual({ title: text });
  });
});
