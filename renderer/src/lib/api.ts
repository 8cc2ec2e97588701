import type { Channel, InputOf, OutputOf } from '../../../shared/contract';
import type { ApiBindings } from '../../../shared/contract/bindings';
import type { ErrorCode, ErrorIssue, ErrorPayload } from '../../../shared/errors';

declare global {
  interface Window {
    /** Provided by the Electron preload or the harness bridge; the renderer's only way to the core. */
    readonly api: ApiBindings;
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

/** Called whenever the core says the session is gone (idle lock, lock elsewhere). */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Calls a channel; resolves with its data or throws an ApiError with the code and both messages. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const bound = window.api[channel] as unknown as (input: InputOf<C>) => ReturnType<ApiBindings[C]>;
  const result = await bound(input);
  if (result.ok) return result.data;
  if (result.error.code === 'UNAUTHENTICATED') signedOutListeners.forEach((listener) => listener());
  throw new ApiError(result.error);
}

/** A user-facing text for any failure, in the current language. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return error.text(language);
  return language === 'en' ? 'Unexpected error' : '发生意外错误';
}
