import type { NoticeKind } from '../../../../shared/contract';

/** A notice the registers call for now; its key makes it once per user. */
export interface DueNotice {
  userId: number;
  kind: NoticeKind;
  subject: string;
  key: string;
  detail: Record<string, unknown>;
}
