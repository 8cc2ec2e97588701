import type { Command } from 'commander';
import type { Run } from '../program';

export function registerDepartmentCommands(program: Command, run: Run): void {
  const department = program.command('department').description('部门 / departments');

  department
    .command('add <code>')
    .description('新建部门 / add a department')
    .requiredOption('--name <name>', '部门名称 / name')
    .option('--parent <code>', '上级部门代码 / parent department code')
    .action(run(async (session, code: string, options: { name: string; parent?: string }) => {
      await session.signIn();
      const created = await session.call('department:create', { code, name: options.name, ...(options.parent ? { parentCode: options.parent } : {}) });
      await session.show(created, (d) => `${d.code}\t${d.name}`);
    }));

  department
    .command('list')
    .description('列出部门 / list departments')
    .action(run(async (session) => {
      await session.signIn();
      const departments = await session.call('department:list', {});
      await session.show(departments, (shown) => shown.map((d) => `${d.code}\t${d.name}\t${d.parentCode ?? '-'}\t${d.activeUsers}`).join('\n'));
    }));
}
