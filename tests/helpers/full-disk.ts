import { spawnSync } from 'node:child_process';

/**
 * A data folder on a disk that is completely full: a tiny private tmpfs (in a mount namespace of
 * its own, so nothing outside sees it), the archive copied in, the rest filled with zeros. Needs
 * `unshare` and the right to mount (root in a container that allows it); `available` says whether
 * this machine can.
 */
export const fullDisk = {
  available(): boolean {
    if (process.getuid?.() !== 0) return false;
    return spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt'], { stdio: 'ignore' }).status === 0;
  },

  /**
   * Copies `dataDir` onto a full disk and runs each command there (a shell command line; the data
   * folder is `$DATA`). Returns each command's exit code and output, in order.
   */
  run(dataDir: string, commands: readonly string[], env: Record<string, string>): { code: number; output: string }[] {
    const steps = commands.map((command, i) => `echo "@@step ${i}"; ${command} 2>&1; echo "@@code $?"`).join('\n');
    const script = [
      'set -u',
      'mount -t tmpfs -o size=4m tmpfs "$MOUNT"',
      'cp -a "$SOURCE" "$MOUNT/archive"',
      'DATA="$MOUNT/archive"; export DATA DOSSIERDESK_DATA_DIR="$MOUNT/archive"',
      'dd if=/dev/zero of="$MOUNT/filler" bs=4096 2>/dev/null || true',
      steps,
    ].join('\n');
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, MOUNT: '/mnt', SOURCE: dataDir },
      encoding: 'utf8',
    });
    const parts = result.stdout.split('@@step ').slice(1);
    return parts.map((part) => {
      const code = /@@code (\d+)/.exec(part);
      return { code: Number(code?.[1] ?? -1), output: part.replace(/^\d+\n/, '').replace(/@@code \d+\n?/, '') };
    });
  },
};
