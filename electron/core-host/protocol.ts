import type { StagedFileInfo, StagingPurpose } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { FrontDoor } from '../core/audit/chain';

/**
 * The messages between a front door's process and the core's own process (an Electron utility
 * process in the app, a Node child process in the browser preview). Structured clone carries
 * them, so staged chunks travel as bytes, not text.
 */
export interface CoreHostStart {
  dataDir: string;
  migrationsDir: string;
  appVersion: string;
  /** Tests lower the cost of new key slots and turn the idle timer and the page check off. */
  kdfCost?: { N: number; r: number; p: number };
  idleCheckIntervalMs?: number;
  pageCheck?: boolean;
}

export type ToCoreHost =
  | { kind: 'start'; options: CoreHostStart }
  | { kind: 'invoke'; id: number; channel: string; input: unknown; frontDoor: FrontDoor }
  /** A file the user chose in the app's own dialog: the core reads it where it runs. */
  | { kind: 'stage-local-file'; id: number; path: string; purpose: StagingPurpose }
  /** The program quits: the session ends as a lock does, the key is wiped, the process exits. */
  | { kind: 'shutdown'; id: number };

export type FromCoreHost =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'staged'; id: number; envelope: Envelope<StagedFileInfo> }
  | { kind: 'stopped'; id: number }
  /** A line for the program's log (never passwords, keys or field values: see core.ts's log). */
  | { kind: 'log'; message: string };

/** One end of the channel, whatever carries it. */
export interface HostPort {
  post(message: FromCoreHost): void;
  onMessage(listener: (message: ToCoreHost) => void): void;
}
