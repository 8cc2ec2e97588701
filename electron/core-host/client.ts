import type { StagedFileInfo, StagingPurpose } from '../../shared/contract';
import type { Envelope, ErrorPayload } from '../../shared/errors';
import type { FrontDoor } from '../core/audit/chain';
import type { CoreHostStart, FromCoreHost, ToCoreHost } from './protocol';

/** What a front door needs of the core, wherever the core runs. */
export interface CoreEndpoint {
  invoke(channel: string, input: unknown, frontDoor: FrontDoor): Promise<Envelope<unknown>>;
  /** Stages a file the user chose by path (the app's own file dialog). */
  stageLocalFile(path: string, purpose: StagingPurpose): Promise<Envelope<StagedFileInfo>>;
  /** Ends the session as a lock does and stops the core's process. */
  shutdown(): Promise<void>;
}

/** A started core process, whatever kind: messages both ways and its end. */
export interface CoreProcess {
  post(message: ToCoreHost): void;
  onMessage(listener: (message: FromCoreHost) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

const STOPPED: ErrorPayload = {
  code: 'INTERNAL',
  message: '程序的核心进程意外退出，请重新登录（已锁定，密钥已随进程清除）',
  messageEn: "The program's core process stopped unexpectedly; sign in again (the archive is locked, the key went with the process)",
};

/**
 * The front door's side: calls become messages to the core's process, replies settle them. If the
 * process ends unexpectedly, the calls in flight fail with a clear error and the next call starts
 * a new process – signed out, as after any restart.
 */
export class CoreClient implements CoreEndpoint {
  private process: CoreProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromCoreHost | null) => void>();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly spawn: () => CoreProcess,
    private readonly options: CoreHostStart,
    private readonly log: (message: string) => void,
  ) {}

  /** Starts the core's process now rather than at the first call (its start overlaps the window's). */
  start(): void {
    this.started();
  }

  invoke(channel: string, input: unknown, frontDoor: FrontDoor): Promise<Envelope<unknown>> {
    return this.request((id) => ({ kind: 'invoke', id, channel, input, frontDoor })).then((reply) => (reply?.kind === 'reply' ? reply.envelope : { ok: false, error: STOPPED }));
  }

  stageLocalFile(path: string, purpose: StagingPurpose): Promise<Envelope<StagedFileInfo>> {
    return this.request((id) => ({ kind: 'stage-local-file', id, path, purpose })).then((reply) => (reply?.kind === 'staged' ? reply.envelope : { ok: false, error: STOPPED }));
  }

  /** A core that does not finish within `graceMs` (a hung query) is killed: its key goes with it. */
  shutdown(graceMs = 10_000): Promise<void> {
    // A second quit waits for the first: the session's end is recorded before the program goes.
    this.stopping ??= this.stop(graceMs);
    return this.stopping;
  }

  private async stop(graceMs: number): Promise<void> {
    const process = this.process;
    if (!process) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    const ended = await Promise.race([this.request((id) => ({ kind: 'shutdown', id })), late]);
    clearTimeout(timer);
    if (ended === 'late') {
      this.log('[dossierdesk] the core process did not stop in time and was ended');
      process.kill();
    }
  }

  private request(message: (id: number) => ToCoreHost): Promise<FromCoreHost | null> {
    // Quitting (the shutdown's own request goes out before this is set): no new calls.
    if (this.stopping) return Promise.resolve(null);
    const process = this.started();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      process.post(message(id));
    });
  }

  private started(): CoreProcess {
    if (this.process) return this.process;
    const process = this.spawn();
    this.process = process;
    process.onMessage((message) => {
      if (message.kind === 'log') this.log(message.message);
      else if (message.kind !== 'ready') this.settle(message.id, message);
    });
    process.onExit((code) => {
      if (this.process !== process) return;
      this.process = null;
      for (const id of [...this.pending.keys()]) this.settle(id, null);
      if (!this.stopping) this.log(`[dossierdesk] the core process stopped unexpectedly (exit code ${code ?? 'none'})`);
    });
    process.post({ kind: 'start', options: this.options });
    return process;
  }

  private settle(id: number, message: FromCoreHost | null): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    resolve?.(message);
  }
}
