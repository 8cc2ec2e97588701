import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullDisk } from '../helpers/full-disk';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, initArchive } from './run-cli';

const tempDir = useTempDirs();

const canMount = fullDisk.available();
// Where this machine cannot make the disk, the skip says why (the test name is printed with it).
describe.skipIf(!canMount)(`a completely full disk${canMount ? '' : ' – skipped: needs root and `unshare -m` to mount a private tmpfs'}`, () => {
  it('reads go on; a write says "disk full" and loses nothing; a wrong password is still exit 3', async () => {
    const folder = tempDir();
    const env = await initArchive(folder, { dossiers: [{ title: '满盘之前的档案' }] });
    const cli = `"${process.execPath}" "${builtCli}"`;
    const [status, list, write, wrong, after] = fullDisk.run(
      join(folder, 'archive'),
      [
        `${cli} status`,
        `${cli} dossier list`,
        `${cli} dossier create --title 满盘时的档案`,
        `DOSSIERDESK_PASSWORD=wrong-password-1 ${cli} status`,
        `${cli} dossier list`,
      ],
      { DOSSIERDESK_USER: env.DOSSIERDESK_USER ?? '', DOSSIERDESK_PASSWORD: env.DOSSIERDESK_PASSWORD ?? '' },
    );
    expect(status, status?.output).toMatchObject({ code: 0 });
    expect(status?.output).toContain('档案 / dossiers: 1');
    expect(list?.output).toContain('满盘之前的档案');
    expect(write?.code).toBe(1);
    expect(write?.output).toContain('DISK_FULL');
    expect(write?.output).not.toContain('INTERNAL');
    expect(wrong?.code).toBe(3);
    expect(after?.output).toContain('满盘之前的档案');
    expect(after?.output).not.toContain('满盘时的档案');
  });
});
