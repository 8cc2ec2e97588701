import { AppError, type ErrorCode, type Message } from '../../shared/errors';

/** A failure in the CLI itself (missing option, no password given): printed like a core error. */
export function cliError(code: ErrorCode, zh: string, en: string): AppError {
  const message: Message = { zh, en };
  return new AppError(code, message);
}
