import { sql } from 'drizzle-orm';
import { takeNextSequence } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { numberTemplate, PLAIN_NUMBERING, withSequence, type TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import type { FieldValues } from './field-values';

export interface NumberingInput {
  definition: TypeDefinition | null;
  date: Date;
  departmentCode: string;
  fields: Readonly<FieldValues>;
}

function template(input: NumberingInput) {
  return numberTemplate(input.definition?.numbering ?? PLAIN_NUMBERING, {
    typeCode: input.definition?.code ?? 'KH',
    date: input.date,
    departmentCode: input.departmentCode,
    fields: input.fields,
    definitionFields: input.definition?.fields ?? [],
  });
}

function taken(db: Db, number: string): boolean {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM dossiers WHERE archive_number = ${number}`)?.n !== 0;
}

/**
 * Takes the next archive number, inside the transaction that stores the dossier. The running
 * number's scope is the rest of the number, shared by every type that numbers the same way; a
 * number already in use (an import that brought its own) is skipped, never reused. A rule made of
 * fields only (苑名-栋号-单元号-房间号) must give a number nobody has yet.
 */
export function takeArchiveNumber(db: Db, input: NumberingInput): string {
  const { text, hasSequence } = template(input);
  if (!hasSequence) {
    if (taken(db, text)) throw new AppError('CONFLICT', { zh: `档号 ${text} 已存在`, en: `The archive number ${text} is already taken` });
    return text;
  }
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const number = withSequence(text, takeNextSequence(db, text));
    if (!taken(db, number)) return number;
  }
  throw new AppError('CONFLICT', { zh: '找不到可用的档号', en: 'No free archive number was found' });
}

/** What takeArchiveNumber would give now, without taking it (the preview while a clerk fills in the form). */
export function previewArchiveNumber(db: Db, input: NumberingInput): string {
  const { text, hasSequence } = template(input);
  if (!hasSequence) return text;
  const last = db.get<{ last_value: number } | undefined>(sql`SELECT last_value FROM number_sequences WHERE scope = ${text}`)?.last_value ?? 0;
  let next = last + 1;
  while (taken(db, withSequence(text, next))) next += 1;
  return withSequence(text, next);
}
