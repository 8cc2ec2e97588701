import type { Channel, FileDialogBinding, InputOf, OutputOf, StagedFileInfo, StagingPurpose } from '../../../shared/contract';
import type { ApiBindings } from '../../../shared/contract/bindings';
import type { Envelope, ErrorCode, ErrorIssue, ErrorPayload } from '../../../shared/errors';

declare global {
  interface Window {
    /** Provided by the Electron preload or the harness bridge; the renderer's only way to the core. */
    readonly api: ApiBindings;
    /** The desktop app's file dialog (Electron's main process stages the chosen file); absent in a browser. */
    readonly fileDialog?: FileDialogBinding;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly issues: ErrorIssue[];

  constructor(payload: ErrorPayload) {
    super(payload.messageEn);
    this.name = 'ApiError';
    this.code = payload.code;
    this.messageZh = payload.message;
    this.messageEn = payload.messageEn;
    this.issues = payload.issues ?? [];
  }

  text(language: string): string {
    return language === 'en' ? this.messageEn : this.messageZh;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called whenever the core says the session is gone (idle lock, lock elsewhere) or can no longer write. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Refusals that change what the session may do: the session's state is read again (a lock, or the archive's condition). */
const SESSION_CHANGES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'ARCHIVE_DAMAGED', 'ARCHIVE_ROLLED_BACK', 'READ_ONLY', 'DISK_FULL']);

function unwrap<T>(result: Envelope<T>): T {
  if (result.ok) return result.data;
  if (SESSION_CHANGES.has(result.error.code)) signedOutListeners.forEach((listener) => listener());
  throw new ApiError(result.error);
}

/** Calls a channel; resolves with its data or throws an ApiError with the code and both messages. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const bound = window.api[channel] as unknown as (input: InputOf<C>) => ReturnType<ApiBindings[C]>;
  return unwrap(await bound(input));
}

/** In the desktop app: shows the native file dialog, whose file main stages; null if cancelled. Undefined in a browser. */
export function desktopFileDialog(): ((purpose: StagingPurpose) => Promise<StagedFileInfo | null>) | undefined {
  const dialog = window.fileDialog;
  return dialog ? async (purpose) => unwrap(await dialog.pick(purpose)) : undefined;
}

/** A user-facing text for any failure, in the current language. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return error.text(language);
  return language === 'en' ? 'Unexpected error' : '发生意外错误';
}
