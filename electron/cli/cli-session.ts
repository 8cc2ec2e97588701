import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import type { Channel, InputOf, OutputOf, Settings, SignedInInfo } from '../../shared/contract';
import { AppError, dataOf } from '../../shared/errors';
import { normalizeLogin } from '../../shared/schemas';
import { cliError } from './cli-error';
import { displayed, type CliIo } from './io';

export interface GlobalOptions {
  dataDir?: string;
  user?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

export interface CliEnvironment {
  io: CliIo;
  migrationsDir: string;
  appVersion: string;
}

/**
 * One CLI invocation: the global options, the core for the chosen data folder, and sign-in with
 * the user's password from DOSSIERDESK_PASSWORD or standard input (never from an argument, so it
 * does not end up in shell history or the process list).
 */
export class CliSession {
  readonly dataDir: string;
  readonly json: boolean;
  private opened: Core | undefined;
  private stdin: string[] | undefined;
  private signInPassword: string | undefined;
  private settingsCache: Settings | undefined;

  constructor(
    readonly env: CliEnvironment,
    readonly options: GlobalOptions,
  ) {
    this.dataDir = resolveDataDir(options.dataDir, env.io.env);
    this.json = options.json === true;
  }

  get io(): CliIo {
    return this.env.io;
  }

  core(): Core {
    this.opened ??= createCore({
      dataDir: this.dataDir,
      migrationsDir: this.env.migrationsDir,
      appVersion: this.env.appVersion,
      idleCheckIntervalMs: 0,
      // Errors reach the user as one line; the stack only when asked for.
      log: (message) => {
        if (this.io.env.DOSSIERDESK_DEBUG) this.io.err(message);
      },
    });
    return this.opened;
  }

  /** Calls a channel through the one handler table; a failure becomes an AppError. */
  async call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    return dataOf(await this.core().invoke(channel, input, 'cli')) as OutputOf<C>;
  }

  /** The next line of piped standard input: the sign-in password first, then any new password. */
  private async stdinLine(what: string, whatEn: string): Promise<string> {
    this.stdin ??= await this.io.readStdinLines();
    const line = this.stdin.shift();
    if (!line) throw cliError('VALIDATION', `标准输入中没有${what}`, `No ${whatEn} on standard input`);
    return line;
  }

  /**
   * The rest of piped standard input as one text (a fields file given as `-`). With
   * --password-stdin the password is the first line, so it is taken first, whichever is asked for first.
   */
  async stdinText(): Promise<string> {
    if (this.options.passwordStdin) await this.password();
    this.stdin ??= await this.io.readStdinLines();
    return this.stdin.splice(0).join('\n');
  }

  /** The signing-in user's password (read once: it is also the "current password" of `user passwd`). */
  async password(): Promise<string> {
    this.signInPassword ??= await this.readPassword();
    return this.signInPassword;
  }

  private async readPassword(): Promise<string> {
    if (this.options.passwordStdin) return this.stdinLine('密码', 'password');
    const fromEnv = this.io.env.DOSSIERDESK_PASSWORD;
    if (fromEnv) return fromEnv;
    throw cliError('VALIDATION', '需要密码：设置 DOSSIERDESK_PASSWORD 或使用 --password-stdin', 'A password is needed: set DOSSIERDESK_PASSWORD or use --password-stdin');
  }

  /** A password being set (new account, reset, change): DOSSIERDESK_NEW_PASSWORD or the next line of standard input. */
  async newPassword(fromStdin: boolean): Promise<string> {
    if (fromStdin) return this.stdinLine('新密码', 'new password');
    const fromEnv = this.io.env.DOSSIERDESK_NEW_PASSWORD;
    if (fromEnv) return fromEnv;
    throw cliError(
      'VALIDATION',
      '需要新密码：设置 DOSSIERDESK_NEW_PASSWORD 或使用 --new-password-stdin / --initial-password-stdin',
      'A new password is needed: set DOSSIERDESK_NEW_PASSWORD or use --new-password-stdin / --initial-password-stdin',
    );
  }

  userName(): string {
    const user = this.options.user ?? this.io.env.DOSSIERDESK_USER;
    if (!user) throw cliError('VALIDATION', '需要用户名：使用 --user 或设置 DOSSIERDESK_USER', 'A user name is needed: use --user or set DOSSIERDESK_USER');
    return user;
  }

  /**
   * Signs in. An account that must change its password may only do that (`user passwd` for
   * itself); everything else is refused clearly, with exit code 3.
   */
  async signIn(options: { allowPendingPasswordChange?: boolean; repairIndexes?: boolean } = {}): Promise<SignedInInfo> {
    const status = await this.call('archive:status', {});
    if (status.state === 'missing') {
      throw new AppError('ARCHIVE_NOT_FOUND', { zh: `数据文件夹中没有档案库：${this.dataDir}`, en: `There is no archive in the data folder: ${this.dataDir}` });
    }
    const session = await this.call('session:login', { login: this.userName(), password: await this.password(), ...(options.repairIndexes ? { repairIndexes: true } : {}) });
    // Reading goes on; the reason nothing can be written is said once, before the output.
    if (session.condition) this.io.err(`注意 / note ${session.condition.code}: ${session.condition.message} / ${session.condition.messageEn}`);
    if (session.user.mustChangePassword && !options.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', {
        zh: `首次登录或密码被重置后必须先修改密码：dossierdesk user passwd ${session.user.login}`,
        en: `The password must be changed first (first sign-in or reset): dossierdesk user passwd ${session.user.login}`,
      });
    }
    return session;
  }

  signedInLogin(): string {
    return normalizeLogin(this.userName());
  }

  async settings(): Promise<Settings> {
    this.settingsCache ??= await this.call('settings:get', {});
    return this.settingsCache;
  }

  async close(): Promise<void> {
    await this.opened?.close();
  }

  /** A message of the program's own (for stored data, see show). */
  print(text: string, json: unknown): void {
    this.io.out(this.json ? JSON.stringify(json, null, 2) : text);
  }

  /** Data as JSON with --json, else as `format` writes it from the data as displayed (one record, one line). */
  async show<T>(data: T, format: (shown: T) => string | Promise<string>): Promise<void> {
    this.io.out(this.json ? JSON.stringify(data, null, 2) : await format(displayed(data)));
  }
}
