import { z } from 'zod';
import type { ErrorIssue } from './errors';

/**
 * Text as the archive keeps it: what is typed in any field is plain text. Control characters
 * (C0 but tab and line breaks, DEL, C1), Unicode line and paragraph separators and the bidi
 * embeddings, overrides and isolates – which drive a terminal or disguise what a text says – are
 * refused in every field; tabs and line breaks only in multi-line fields (remarks, a customer
 * record's text). Every channel's input is checked as the core takes it in (plainTextIssues), and
 * the rules of a dossier check imported rows the same way (plainTextIssue). Text stored before,
 * the CLI prints with these characters escaped (showControls).
 */

/** Never in any field (the ranges of a character class). */
const NEVER = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${NEVER}]`, 'u');
/** Not in a one-line field either. */
const CONTROL_OR_LINE_BREAK = new RegExp(`[\\t\\n\\r${NEVER}]`, 'u');
const LINE_BREAK_OR_TAB = /^[\t\n\r]$/;

export type TextLines = 'one-line' | 'multi-line';

const hex = (char: string) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0');

/** What is wrong with a text for a field of the kind (the field's name goes before it), or null. */
export function plainTextProblem(text: string, lines: TextLines): { zh: string; en: string } | null {
  const found = (lines === 'multi-line' ? CONTROL : CONTROL_OR_LINE_BREAK).exec(text)?.[0];
  if (found === undefined) return null;
  if (LINE_BREAK_OR_TAB.test(found)) return { zh: '只能填一行，不能含换行或制表符', en: 'must be one line, without line breaks or tabs' };
  const name = `U+${hex(found).toUpperCase()}`;
  return { zh: `不能含控制字符（${name}）`, en: `must not contain control characters (${name})` };
}

/** The same as a field's issue, named by its label (the dossier rules, an imported row). */
export function plainTextIssue(path: string, name: { zh: string; en: string }, text: string, lines: TextLines): ErrorIssue | null {
  const problem = plainTextProblem(text, lines);
  return problem ? { path, message: `${name.zh}${problem.zh}`, messageEn: `${name.en} ${problem.en}` } : null;
}

// ---- A channel's input -------------------------------------------------------------------------

/**
 * How a channel's string field is checked: one line unless its schema says otherwise. Marked on
 * the string schema, before .nullable()/.optional() (which make new schemas).
 */
const textKinds = z.registry<{ text: 'multi-line' | 'verbatim' }>();

/** A field that may hold several lines (remarks, a customer record's text). */
export function multiLine<T extends z.ZodType>(schema: T): T {
  textKinds.add(schema, { text: 'multi-line' });
  return schema;
}

/** A secret nobody reads (a password): taken as it is typed, so that an old password still signs in. */
export function verbatim<T extends z.ZodType>(schema: T): T {
  textKinds.add(schema, { text: 'verbatim' });
  return schema;
}

type TextKind = TextLines | 'verbatim';
type Segment = string | number;

/** The schemas a schema may stand for at the same place: the wrapped one, each option of a union, both ends of a pipe. */
function alternatives(schema: z.ZodType): z.ZodType[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return [schema.unwrap() as z.ZodType];
  if (schema instanceof z.ZodReadonly || schema instanceof z.ZodCatch || schema instanceof z.ZodNonOptional || schema instanceof z.ZodLazy) return [schema.unwrap() as z.ZodType];
  if (schema instanceof z.ZodPipe) return [schema.in as z.ZodType, schema.out as z.ZodType];
  if (schema instanceof z.ZodUnion) return [...(schema.options as z.ZodType[])];
  if (schema instanceof z.ZodIntersection) return [schema.def.left as z.ZodType, schema.def.right as z.ZodType];
  return [];
}

/** The schema of a member: an object's key, an array's element, a record's value. */
function member(schema: z.ZodType, segment: Segment): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(segment)] ?? (schema.def.catchall as z.ZodType | undefined);
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodTuple) return (schema.def.items[Number(segment)] ?? schema.def.rest ?? undefined) as z.ZodType | undefined;
  return undefined;
}

/** The kinds a string at `path` may be of, by the schemas that may describe it. */
function kindsAt(schema: z.ZodType, path: readonly Segment[]): TextKind[] {
  const own = textKinds.get(schema)?.text;
  if (own) return [own];
  const [segment, ...rest] = path;
  const inner = segment === undefined ? undefined : member(schema, segment);
  const found = inner ? kindsAt(inner, rest) : alternatives(schema).flatMap((alternative) => kindsAt(alternative, path));
  return found.length > 0 || path.length > 0 ? found : ['one-line'];
}

/** The most lenient kind any schema at the place allows (a union of a one-line and a multi-line text takes lines). */
function kindAt(schema: z.ZodType, path: readonly Segment[]): TextKind {
  const kinds = kindsAt(schema, path);
  return kinds.includes('verbatim') ? 'verbatim' : kinds.includes('multi-line') ? 'multi-line' : 'one-line';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/**
 * Every string of a channel's parsed input that its field does not allow, as issues of those
 * fields (the path, then what is wrong – as describeIssues gives zod's).
 */
export function plainTextIssues(schema: z.ZodType, input: unknown): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const path: Segment[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      // Nearly all text holds no control character: the schema is looked at only for one that does.
      if (!CONTROL_OR_LINE_BREAK.test(value)) return;
      const kind = kindAt(schema, path);
      const problem = kind === 'verbatim' ? null : plainTextProblem(value, kind);
      if (problem) issues.push({ path: path.join('.'), message: problem.zh, messageEn: problem.en });
      return;
    }
    const entries = Array.isArray(value) ? value.entries() : isPlainObject(value) ? Object.entries(value) : [];
    for (const [key, item] of entries) {
      path.push(key);
      visit(item);
      path.pop();
    }
  };
  visit(input);
  return issues;
}

// ---- Stored text shown ---------------------------------------------------------------------------

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNPRINTABLE = new RegExp(CONTROL_OR_LINE_BREAK.source, 'gu');
const UNPRINTABLE_BUT_LAYOUT = new RegExp(`[\\r${NEVER}]`, 'gu');

/**
 * Text with every character the fields refuse written as a visible escape (\n, \t, \u001b) – as
 * the CLI prints stored text: it can never drive a terminal, and a value stays on its line.
 * `keepLayout` leaves tabs and line feeds alone, for output whose values are escaped already. The
 * escapes are JSON's, so JSON output stays valid and means the same.
 */
export function showControls(text: string, keepLayout = false): string {
  return text.replace(keepLayout ? UNPRINTABLE_BUT_LAYOUT : UNPRINTABLE, (char) => ESCAPES[char] ?? `\\u${hex(char)}`);
}
