import type { ErrorCode } from '../../shared/errors';

/** Exit codes are part of the CLI's public interface: scripts branch on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, notFound: 4 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return EXIT.usage;
    case 'WRONG_PASSWORD':
    case 'UNAUTHENTICATED':
    case 'LOCKED':
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'KEY_SLOT_STALE':
      return EXIT.auth;
    case 'NOT_FOUND':
    case 'ARCHIVE_NOT_FOUND':
      return EXIT.notFound;
    default:
      return EXIT.failure;
  }
}
