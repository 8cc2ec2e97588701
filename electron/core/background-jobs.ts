import type { FrontDoor } from './audit/chain';
import { appendAuditEvent } from './audit/chain';
import { describeUnexpected } from '../../shared/errors';
import type { ActiveSession, BackgroundJob } from './session';
import type { OpenedArchive } from './vault/opened-archive';

/** What a background job needs of the core that runs it. */
export interface BackgroundHost {
  /** Queued behind the calls that came in meanwhile (the core's call queue). */
  serial<T>(task: () => T | Promise<T>): Promise<T>;
  /** Whether the job may take its next step: `session` is still the core's, and its archive may be written. */
  mayStep(session: ActiveSession): boolean;
  /** A step was committed (the core's mark of the database moves on). */
  committed(archive: OpenedArchive): void;
  /** The front door of the session, named in the job's audit event. */
  frontDoor(): FrontDoor;
  now(): Date;
  log(message: string): void;
}

/**
 * The job's steps, each queued behind the calls that came in meanwhile and run in its own
 * transaction. A step that fails ends the job (it begins again at the next sign-in); a lock
 * or another session ends it too.
 */
export function runInBackground(host: BackgroundHost, session: ActiveSession, job: BackgroundJob): void {
  const tick = () => {
    host
      .serial(() => {
        if (job.finished || !host.mayStep(session)) return false;
        const sqlite = session.archive.database.sqlite;
        sqlite.pragma('query_only = OFF');
        try {
          sqlite
            .transaction(() => {
              job.step(session.archive.database.db);
              if (job.finished && job.audit) appendAuditEvent(session.archive.database.db, job.audit, { actor: null, frontDoor: host.frontDoor(), at: host.now() });
            })
            .immediate();
        } finally {
          if (sqlite.open) sqlite.pragma('query_only = ON');
        }
        host.committed(session.archive);
        return !job.finished;
      })
      .then(
        (more) => {
          if (more) setImmediate(tick);
          else if (session.background === job) session.background = null;
        },
        (error: unknown) => {
          if (session.background === job) session.background = null;
          host.log(`[dossierdesk] background ${job.kind} stopped: ${describeUnexpected(error)}`);
        },
      );
  };
  setImmediate(tick);
}
