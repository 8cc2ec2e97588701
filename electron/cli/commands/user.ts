import { InvalidArgumentError, type Command } from 'commander';
import type { UserSummary } from '../../../shared/contract';
import { roles, type Role } from '../../../shared/permissions';
import { normalizeLogin } from '../../../shared/schemas';
import { levelFromOption, levelName } from '../level-option';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';

function parseRoles(value: string): Role[] {
  const list = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = list.filter((r) => !(roles as readonly string[]).includes(r));
  if (unknown.length || list.length === 0) throw new InvalidArgumentError(`unknown role ${unknown.join(', ')}; known: ${roles.join(', ')}`);
  return list as Role[];
}

async function describeUser(session: CliSession, user: UserSummary): Promise<string> {
  const state = user.status === 'disabled' ? '停用/disabled' : user.lockedUntil ? `锁定至/locked until ${user.lockedUntil}` : '在用/active';
  return [user.login, user.displayName, user.roles.join(','), user.department?.code ?? '-', await levelName(session, user.clearance), state].join('\t');
}

export function registerUserCommands(program: Command, run: Run): void {
  const user = program.command('user').description('用户 / users');

  user
    .command('add <login>')
    .description('新建用户；初始密码取自 DOSSIERDESK_NEW_PASSWORD 或 --initial-password-stdin / add a user; the initial password comes from DOSSIERDESK_NEW_PASSWORD or --initial-password-stdin')
    .requiredOption('--name <display>', '姓名 / display name')
    .requiredOption('--role <role[,role]>', `角色 / roles: ${roles.join(', ')}`, parseRoles)
    .requiredOption('--department <code>', '部门代码 / department code')
    .requiredOption('--clearance <level>', '知悉范围：密级名称或级别 / clearance: level name or rank')
    .option('--initial-password-stdin', '从标准输入读取初始密码 / read the initial password from standard input')
    .option('--no-force-change', '首次登录不强制改密码（脚本建的账户） / no forced change at first sign-in (accounts made by scripts)')
    .action(run(async (session, login: string, options: { name: string; role: Role[]; department: string; clearance: string; initialPasswordStdin?: boolean; forceChange: boolean }) => {
      await session.signIn();
      const created = await session.call('user:create', {
        login,
        displayName: options.name,
        roles: options.role,
        departmentCode: options.department,
        clearance: await levelFromOption(session, options.clearance),
        password: await session.newPassword(options.initialPasswordStdin === true),
        mustChangePassword: options.forceChange,
      });
      await session.show(created, (u) => describeUser(session, u));
    }));

  user
    .command('list')
    .description('列出用户 / list users')
    .action(run(async (session) => {
      await session.signIn();
      const users = await session.call('user:list', {});
      await session.show(users, async (shown) => (await Promise.all(shown.map((u) => describeUser(session, u)))).join('\n'));
    }));

  user
    .command('disable <login>')
    .description('停用用户并删除其密钥槽 / disable a user and remove their key slot')
    .action(run(async (session, login: string) => {
      await session.signIn();
      const disabled = await session.call('user:disable', { login });
      await session.show(disabled, (u) => describeUser(session, u));
    }));

  user
    .command('passwd <login>')
    .description(
      '修改密码：本人（须当前密码）或由管理员重置他人密码；新密码取自 DOSSIERDESK_NEW_PASSWORD 或 --new-password-stdin / change a password: your own (needs the current one) or, as an administrator, reset someone else’s; the new password comes from DOSSIERDESK_NEW_PASSWORD or --new-password-stdin',
    )
    .option('--new-password-stdin', '从标准输入读取新密码（在登录密码之后的一行） / read the new password from standard input (the line after the sign-in password)')
    .option('--no-force-change', '重置他人密码时不强制其改密码 / when resetting someone else’s, do not force a change')
    .action(run(async (session, login: string, options: { newPasswordStdin?: boolean; forceChange: boolean }) => {
      const own = normalizeLogin(login) === session.signedInLogin();
      await session.signIn({ allowPendingPasswordChange: own });
      const newPassword = await session.newPassword(options.newPasswordStdin === true);
      if (own) {
        await session.call('session:change-password', { currentPassword: await session.password(), newPassword });
        session.print('密码已修改 / password changed', { changed: true });
      } else {
        const reset = await session.call('user:reset-password', { login, password: newPassword, mustChangePassword: options.forceChange });
        await session.show(reset, (u) => describeUser(session, u));
      }
    }));
}
