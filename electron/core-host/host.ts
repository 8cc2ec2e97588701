import { dataOf } from '../../shared/errors';
import type { OutputOf } from '../../shared/contract';
import type { StagingCall } from '../../shared/staging-upload';
import { createCore, type Core } from '../core/core';
import { toAppError } from '../core/errors';
import { stageLocalFile } from '../core/staging/stage-local-file';
import type { CoreHostStart, HostPort, ToCoreHost } from './protocol';

/**
 * The core's own process: one core, created by the first message, answering the calls of the one
 * front door that started it. A long query, an import step or a PDF runs here and never holds up
 * the window; the archive's key lives only here and is wiped when the session locks, idles out or
 * the program quits (`shutdown`), or with the process.
 */
export function serveCore(port: HostPort, exit: () => void, make: (options: CoreHostStart, log: (message: string) => void) => Core = defaultCore): { stop(): Promise<void> } {
  let core: Core | null = null;
  const log = (message: string) => port.post({ kind: 'log', message });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (core?.shutdown() ?? Promise.resolve()).catch((error: unknown) => log(`[dossierdesk] the session could not be ended cleanly: ${toAppError(error).messageEn}`)));
  port.onMessage((message: ToCoreHost) => {
    if (message.kind === 'start') {
      core ??= make(message.options, log);
      port.post({ kind: 'ready' });
      return;
    }
    if (!core) {
      log('[dossierdesk] the core host was called before it was started');
      return;
    }
    const started = core;
    if (message.kind === 'invoke') {
      void started.invoke(message.channel, message.input, message.frontDoor).then(
        (envelope) => port.post({ kind: 'reply', id: message.id, envelope }),
        (error: unknown) => port.post({ kind: 'reply', id: message.id, envelope: { ok: false, error: toAppError(error).toPayload() } }),
      );
    } else if (message.kind === 'stage-local-file') {
      const call: StagingCall = async (channel, input) => dataOf(await started.invoke(channel, input, 'ui')) as OutputOf<typeof channel>;
      void stageLocalFile(message.path, message.purpose, call).then(
        (data) => port.post({ kind: 'staged', id: message.id, envelope: { ok: true, data } }),
        (error: unknown) => port.post({ kind: 'staged', id: message.id, envelope: { ok: false, error: toAppError(error).toPayload() } }),
      );
    } else {
      void stop().then(() => {
        port.post({ kind: 'stopped', id: message.id });
        exit();
      });
    }
  });
  return { stop };
}

function defaultCore(options: CoreHostStart, log: (message: string) => void): Core {
  return createCore({ ...options, log });
}
