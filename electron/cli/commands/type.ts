import type { Command } from 'commander';
import { retentionLabel } from '../../../shared/dossier-types';
import type { Run } from '../program';

export function registerTypeCommands(program: Command, run: Run): void {
  const type = program.command('type').description('档案类型 / dossier types');

  type
    .command('list')
    .description('列出档案类型及其字段和文件清单 / list dossier types with their fields and checklists')
    .action(run(async (session) => {
      await session.signIn();
      const types = await session.call('type:list', {});
      await session.show(types, (shown) =>
        shown
          .map((t) =>
            [
              `${t.key}\t${t.name}\t代码 ${t.code}\t档号 ${t.numbering}\t保管期限 ${retentionLabel(t.retention)}\t版本 ${t.version}`,
              `  字段 / fields: ${t.fields.map((f) => `${f.key}（${f.label}${f.required ? '，必填' : ''}${f.sensitive ? '，敏感' : ''}）`).join(' ')}`,
              `  清单 / checklist: ${t.checklist.map((c) => `${c.key}（${c.name}${c.requirement === 'required' ? '，必备' : c.requirement === 'conditional' ? '，视情况' : ''}）`).join(' ')}`,
            ].join('\n'),
          )
          .join('\n'),
      );
    }));
}
