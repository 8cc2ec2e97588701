import type { VerifyReport } from '../../../shared/contract';
import type { ActiveSession } from '../session';
import { assessArchive } from './archive-condition';
import { clearDamageRecord, recordDamage } from './damage-record';

/**
 * What `verify` found about damage is what every program goes by: damaged structures are
 * recorded (writes stay refused), a database found whole again lifts the refusal.
 */
export function settleDamage(session: ActiveSession, report: VerifyReport, now: Date): void {
  const { paths } = session.archive;
  const integrity = report.checks.find((c) => c.name === 'database-integrity');
  try {
    if (!integrity?.ok) recordDamage(paths.damageRecord, { seenAt: now.toISOString(), seenBy: 'verify', detail: integrity?.messageEn ?? 'verify', structures: report.damagedStructures });
    else clearDamageRecord(paths.damageRecord);
  } catch {
    // A folder that cannot be written (read-only, full) keeps no record; the report still says it all.
  }
  session.condition = assessArchive(session.archive);
}
