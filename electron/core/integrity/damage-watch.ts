import { AppError, describeUnexpected } from '../../../shared/errors';
import type { FrontDoor } from '../audit/chain';
import { isDatabaseDamage } from '../errors';
import type { ActiveSession } from '../session';
import type { ArchivePaths } from '../vault/archive-files';
import { damageMessage, readDamageRecord, recordDamage, type DamageRecord } from './damage-record';
import { checkPagesInBackground } from './page-check';
import { checkNextPages } from './rolling-page-check';

/** A window kept open for weeks reads its pages through once a day. */
const PAGE_CHECK_EVERY_MS = 24 * 60 * 60_000;

/**
 * Everything a core does about damage: a page that failed its check, wherever it was met, is
 * recorded in the data folder (damage-record.ts) so that every program refuses writes until
 * `verify` finds the database whole; damage another program recorded is taken up; and pages
 * nobody happens to read are checked after a sign-in (page-check.ts, rolling-page-check.ts).
 */
export class DamageWatch {
  private lastFullCheckAt = Number.NEGATIVE_INFINITY;
  private stopFullCheck: (() => Promise<void>) | null = null;

  constructor(
    private readonly paths: ArchivePaths,
    private readonly now: () => Date,
    private readonly log: (message: string) => void,
    /** The page check; tests turn it off unless they test it. */
    private readonly pageCheck: boolean,
  ) {}

  /** A failure that is damage becomes ARCHIVE_DAMAGED, recorded, and the session writes no more; null if it is none. */
  noticed(error: unknown, seenBy: string, session: ActiveSession | null): AppError | null {
    if (!isDatabaseDamage(error)) return null;
    const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    const record = this.record({ seenBy, detail, structures: [] }, session);
    // A message that already names the damage (the first page) is kept.
    if (error instanceof AppError && error.code === 'ARCHIVE_DAMAGED' && error.messageEn !== new AppError('ARCHIVE_DAMAGED').messageEn) return error;
    return new AppError('ARCHIVE_DAMAGED', record ? damageMessage(record) : undefined, { cause: error });
  }

  /** Damage another program recorded since this session began stops this one's writes too. */
  takeUp(session: ActiveSession): void {
    if (session.condition?.code === 'ARCHIVE_DAMAGED') return;
    const damage = readDamageRecord(this.paths.damageRecord);
    if (damage) session.condition = { code: 'ARCHIVE_DAMAGED', message: damageMessage(damage) };
  }

  /**
   * After a sign-in in the window: every page read once in the background, at most once a day.
   * On the command line: the next few tables, in turn. `current` says whether the session lasts.
   */
  afterSignIn(session: ActiveSession, frontDoor: FrontDoor, current: () => boolean): void {
    if (!this.pageCheck || session.condition) return;
    if (frontDoor === 'cli') {
      const found = checkNextPages(session.archive.database.sqlite, this.paths.pageCheckCursor);
      if (found.damaged.length > 0) this.record({ seenBy: 'page-check', detail: found.detail, structures: found.damaged }, session);
      return;
    }
    const now = this.now().getTime();
    if (now - this.lastFullCheckAt < PAGE_CHECK_EVERY_MS) return;
    this.lastFullCheckAt = now;
    try {
      this.stopFullCheck = checkPagesInBackground(session.archive, (result) => {
        this.stopFullCheck = null;
        if (result.failed) this.log(`[dossierdesk] the page check could not run: ${result.failed}`);
        if (result.problems.length > 0) this.record({ seenBy: 'page-check', detail: result.problems.slice(0, 3).join('; '), structures: result.structures }, current() ? session : null);
      });
    } catch (error) {
      this.log(`[dossierdesk] the page check could not start: ${describeUnexpected(error)}`);
    }
  }

  /** The session ends: a page check under way stops. */
  stop(): void {
    const stop = this.stopFullCheck;
    this.stopFullCheck = null;
    stop?.().catch((error: unknown) => this.log(`[dossierdesk] the page check could not be stopped: ${describeUnexpected(error)}`));
  }

  /** Records damage for every program (as far as the folder can be written) and stops the session's writes. */
  private record(seen: Omit<DamageRecord, 'seenAt'>, session: ActiveSession | null): DamageRecord | null {
    try {
      recordDamage(this.paths.damageRecord, { seenAt: this.now().toISOString(), ...seen });
    } catch (error) {
      this.log(`[dossierdesk] the damage could not be recorded: ${describeUnexpected(error)}`);
    }
    const record = readDamageRecord(this.paths.damageRecord);
    if (record && session) session.condition = { code: 'ARCHIVE_DAMAGED', message: damageMessage(record) };
    return record;
  }
}
