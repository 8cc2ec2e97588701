import type { z } from 'zod';
import { contract, type Channel } from '../../shared/contract';
import { AppError, type Message } from '../../shared/errors';
import { plainTextIssues } from '../../shared/plain-text';
import { invalidInput } from './invalid-input';

/** The rules every call meets, in the queue or beside it. */

export const IDLE_LOCKED: Message = { zh: '因长时间未操作，档案库已自动锁定，请重新登录', en: 'The archive locked itself after a period of inactivity; please sign in again' };

/** While the password must be changed, only these channels are open. */
export const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<Channel> = new Set(['session:change-password', 'session:lock', 'session:touch', 'settings:get']);

export function parseInput(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) throw invalidInput(parsed.error);
  const issues = plainTextIssues(schema, parsed.data);
  if (issues.length > 0) throw invalidInput(issues);
  return parsed.data;
}

/** A mutation that wrote nothing to the audit trail is a defect of its handler (unless it writes only when due). */
export function requireAudited(channel: Channel, audited: { count: number }): void {
  const def = contract[channel];
  if (def.kind === 'mutation' && audited.count === 0 && def.writesWhenDue !== true) {
    throw new AppError('INTERNAL', { zh: `操作 ${channel} 未写入审计记录`, en: `${channel} changed data without an audit event` });
  }
}
