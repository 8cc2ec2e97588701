import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { cliError } from './cli-error';
import type { CliIo } from './io';

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
  private stdinPassword: string | undefined;

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
    const result = await this.core().invoke(channel, input, 'cli');
    if (!result.ok) throw new AppError(result.error.code, { zh: result.error.message, en: result.error.messageEn }, result.error.issues ? { issues: result.error.issues } : undefined);
    return result.data as OutputOf<C>;
  }

  async password(): Promise<string> {
    if (this.options.passwordStdin) {
      this.stdinPassword ??= await this.io.readStdinLine();
      if (!this.stdinPassword) throw cliError('VALIDATION', '标准输入中没有密码', 'No password on standard input');
      return this.stdinPassword;
    }
    const fromEnv = this.io.env.DOSSIERDESK_PASSWORD;
    if (fromEnv) return fromEnv;
    throw cliError('VALIDATION', '需要密码：设置 DOSSIERDESK_PASSWORD 或使用 --password-stdin', 'A password is needed: set DOSSIERDESK_PASSWORD or use --password-stdin');
  }

  userName(): string {
    const user = this.options.user ?? this.io.env.DOSSIERDESK_USER;
    if (!user) throw cliError('VALIDATION', '需要用户名：使用 --user 或设置 DOSSIERDESK_USER', 'A user name is needed: use --user or set DOSSIERDESK_USER');
    return user;
  }

  async signIn(): Promise<void> {
    const status = await this.call('archive:status', {});
    if (status.state === 'missing') {
      throw new AppError('ARCHIVE_NOT_FOUND', { zh: `数据文件夹中没有档案库：${this.dataDir}`, en: `There is no archive in the data folder: ${this.dataDir}` });
    }
    await this.call('session:login', { login: this.userName(), password: await this.password() });
  }

  async close(): Promise<void> {
    await this.opened?.close();
  }

  print(text: string, json: unknown): void {
    this.io.out(this.json ? JSON.stringify(json, null, 2) : text);
  }
}
