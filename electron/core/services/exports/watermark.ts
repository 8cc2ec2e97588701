import { formatLocalDateTime } from '../../../../shared/time';
import type { ActiveSession } from '../../session';

/** Who exported, from which department, when: printed across every page of a classified export. */
export function watermarkText(session: ActiveSession, at: Date): string {
  const { record } = session;
  return `${record.displayName}（${record.login}） ${record.department?.name ?? '—'} ${formatLocalDateTime(at)}`;
}

export function exportedBy(session: ActiveSession): string {
  return `${session.record.displayName}（${session.record.login}）`;
}
