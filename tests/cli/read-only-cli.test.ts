import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolderReadOnly, userRefusedByPermissions } from '../helpers/read-only-folder';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive, runCli } from './run-cli';

const tempDir = useTempDirs();
const user = userRefusedByPermissions(builtCli);

// Root ignores permission bits; where `nobody` cannot run the built CLI either, the skip says why.
describe.skipIf(user === null)(`a read-only data folder${user === null ? ' – skipped: tests run as root and the checkout is not readable by `nobody`' : ''}`, () => {
  it('opens for reading – status, list, search, verify – and refuses every write by name; a wrong password is still exit 3', async () => {
    const folder = tempDir();
    const env = await initArchive(folder, { dossiers: [{ title: '只读文件夹里的档案' }] });
    const readOnly = makeFolderReadOnly(join(folder, 'archive'), [folder]);
    try {
      const as = { env, ...(user ? { user } : {}) };
      const status = await runCli(['status'], as);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stderr).toContain('READ_ONLY: 数据文件夹为只读');
      expect(status.stdout).toContain('档案 / dossiers: 1');
      const list = await runCli(['dossier', 'list'], as);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('只读文件夹里的档案');
      expect((await runCli(['search', '只读'], as)).stdout).toContain('只读文件夹里的档案');
      expect((await runCli(['verify'], as)).code).toBe(0);

      const write = await runCli(['dossier', 'create', '--title', '不能写入'], as);
      expect(write.code).toBe(1);
      expect(write.stderr).toContain('READ_ONLY');
      expect(write.stderr).toContain('The data folder is read-only');

      const wrong = await runCli(['status'], { ...as, env: { ...env, DOSSIERDESK_PASSWORD: 'wrong-password-1' } });
      expect(wrong.code).toBe(3);
      expect(wrong.stderr).toContain('WRONG_PASSWORD');
    } finally {
      readOnly.undo();
    }
  });
});
