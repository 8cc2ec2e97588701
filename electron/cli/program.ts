import { Command, CommanderError } from 'commander';
import { toAppError } from '../core/errors';
import { CliSession, type CliEnvironment, type GlobalOptions } from './cli-session';
import { registerApprovalCommands } from './commands/approval';
import { registerBackupCommands } from './commands/backup';
import { registerArchiveCommands } from './commands/archive';
import { registerAuditCommands } from './commands/audit';
import { registerBenchCommand } from './commands/bench';
import { registerCalendarCommands } from './commands/calendar';
import { registerCustomerCommands } from './commands/customer';
import { registerDepartmentCommands } from './commands/department';
import { registerDocumentCommands } from './commands/document';
import { registerDossierCommands } from './commands/dossier';
import { registerImportCommand } from './commands/import';
import { registerLoanCommands } from './commands/loan';
import { registerRegisterCommands } from './commands/register';
import { registerKpiCommands } from './commands/kpi';
import { registerIntakeCommands } from './commands/intake';
import { registerLabelCommands } from './commands/label';
import { registerScanCommands } from './commands/scan';
import { registerStocktakeCommands } from './commands/stocktake';
import { registerDisposalCommands } from './commands/disposal';
import { registerInspectionCommands } from './commands/inspection';
import { registerHoldCommands } from './commands/hold';
import { registerCheckCommand } from './commands/check';
import { registerInboxCommands } from './commands/inbox';
import { registerSearchCommand } from './commands/search';
import { registerTypeCommands } from './commands/type';
import { registerUserCommands } from './commands/user';
import { EXIT, exitCodeFor } from './exit-codes';
import { reportError } from './io';
import { takeAuditUserFilter } from './audit-user-filter';

/** Wraps a command's action: one session per invocation, errors become one line and an exit code. */
export type Run = <A extends unknown[]>(action: (session: CliSession, ...args: A) => Promise<number | void>) => (...args: unknown[]) => Promise<void>;

/**
 * `dossierdesk`: the CLI front door for IT staff and scripts. Its command names, options and
 * exit codes are a public interface – keep them stable.
 */
export async function runCli(rawArgv: readonly string[], env: CliEnvironment): Promise<number> {
  let exitCode: number = EXIT.ok;
  const { argv, user: auditUser } = takeAuditUserFilter(rawArgv);
  const run: Run = <A extends unknown[]>(action: (session: CliSession, ...args: A) => Promise<number | void>) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const session = new CliSession(env, command.optsWithGlobals<GlobalOptions>());
    try {
      // commander passes the positional arguments, the command's options, then the command.
      exitCode = (await action(session, ...(args as A))) ?? EXIT.ok;
    } catch (error) {
      const appError = toAppError(error);
      reportError(env.io, appError.toPayload(), session.json);
      exitCode = exitCodeFor(appError.code);
    } finally {
      await session.close();
    }
  };

  const program = new Command('dossierdesk')
    .description('DossierDesk 客户档案管理系统 – 命令行 / command line')
    .version(env.appVersion)
    .option('--data-dir <dir>', '数据文件夹（或 DOSSIERDESK_DATA_DIR） / data folder (or DOSSIERDESK_DATA_DIR)')
    .option('--user <name>', '登录名（或 DOSSIERDESK_USER） / login name (or DOSSIERDESK_USER)')
    .option('--password-stdin', '从标准输入读取密码（否则用 DOSSIERDESK_PASSWORD） / read the password from standard input (else DOSSIERDESK_PASSWORD)')
    .option('--json', '机器可读的输出 / machine-readable output')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => env.io.out(text.trimEnd()),
      writeErr: (text) => env.io.err(text.trimEnd()),
      outputError: (text, write) => write(`错误 / error VALIDATION: 命令用法错误（见 dossierdesk --help） / usage ${text.trim()}`),
    });

  registerArchiveCommands(program, run);
  registerBackupCommands(program, run);
  registerDepartmentCommands(program, run);
  registerUserCommands(program, run);
  registerTypeCommands(program, run);
  registerDossierCommands(program, run);
  registerDocumentCommands(program, run);
  registerCustomerCommands(program, run);
  registerSearchCommand(program, run);
  registerImportCommand(program, run);
  registerApprovalCommands(program, run);
  registerLoanCommands(program, run);
  registerRegisterCommands(program, run);
  registerKpiCommands(program, run);
  registerIntakeCommands(program, run);
  registerScanCommands(program, run);
  registerInboxCommands(program, run);
  registerLabelCommands(program, run);
  registerStocktakeCommands(program, run);
  registerDisposalCommands(program, run);
  registerInspectionCommands(program, run);
  registerHoldCommands(program, run);
  registerCheckCommand(program, run);
  registerAuditCommands(program, run, auditUser);
  registerCalendarCommands(program, run);
  registerBenchCommand(program, run);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  return exitCode;
}
