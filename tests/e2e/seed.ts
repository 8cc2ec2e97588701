import { runCli } from '../cli/run-cli';

/** The password every seeded user gets. */
export const seedPassword = (login: string) => `${login}-password-1`;

export type SeedCli = (args: string[], extra?: Record<string, string>) => Promise<string>;

/**
 * The command line on a data folder as its administrator, for seeding an archive while the
 * harness is stopped: a command's output, or an error with what it printed to stderr.
 */
export function seedCli(dataDir: string): SeedCli {
  const env = { DOSSIERDESK_DATA_DIR: dataDir, DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: 'admin-password-1' };
  return async (args, extra = {}) => {
    const result = await runCli(args, { env: { ...env, ...extra } });
    if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
}

/** A new archive with these departments and users (each cleared to 机密, no forced password change). */
export async function seedOrganisation(cli: SeedCli, organisation: { departments?: readonly (readonly [string, string])[]; users: readonly (readonly [login: string, name: string, role: string, department: string])[] }): Promise<void> {
  await cli(['init', '--admin', 'admin']);
  for (const [code, name] of organisation.departments ?? []) await cli(['department', 'add', code, '--name', name]);
  for (const [login, name, role, department] of organisation.users) {
    await cli(['user', 'add', login, '--name', name, '--role', role, '--department', department, '--clearance', '机密', '--no-force-change'], { DOSSIERDESK_NEW_PASSWORD: seedPassword(login) });
  }
}

/** The sales department with its manager and a salesman, and an archive clerk: who lends and borrows. */
export const SALES = {
  departments: [['XSB', '销售部']],
  users: [
    ['clerk', '档案员小王', 'clerk', 'DAS'],
    ['xsdm', '销售部刘经理', 'dept-manager', 'XSB'],
    ['li', '销售小李', 'staff', 'XSB'],
  ],
} as const;
