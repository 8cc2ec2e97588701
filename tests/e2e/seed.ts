import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/run-cli';
import type { ArchiveSeed, SeededArchive } from '../helpers/seed-archive';
import { firstMessage, startTsWorker } from '../helpers/ts-worker';
import type { Role } from '../../shared/permissions';

const ADMIN_PASSWORD = 'admin-password-1';
const seedWorker = fileURLToPath(new URL('../helpers/seed-archive-worker.ts', import.meta.url));

/** The password every seeded user gets. */
export const seedPassword = (login: string) => `${login}-password-1`;

export type SeedCli = ((args: string[], extra?: Record<string, string>) => Promise<string>) & { readonly dataDir: string };

/**
 * The command line on a data folder as its administrator, for seeding an archive while the
 * harness is stopped: a command's output, or an error with what it printed to stderr.
 */
export function seedCli(dataDir: string): SeedCli {
  const env = { DOSSIERDESK_DATA_DIR: dataDir, DOSSIERDESK_USER: 'admin', DOSSIERDESK_PASSWORD: ADMIN_PASSWORD };
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const result = await runCli(args, { env: { ...env, ...extra } });
    if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
  return Object.assign(cli, { dataDir });
}

/**
 * A new archive in the command line's data folder with these departments and users (each cleared to
 * 机密, no forced password change), as `init`, `department add` and `user add` would make it: made
 * through the real core with the tests' cheap key derivation, in a worker thread because
 * Playwright's loader cannot load the core (it refuses JSON imports without an import attribute).
 * With `more`, also dossiers and further calls (see ArchiveSeed); returns the dossiers' archive numbers.
 */
export async function seedOrganisation(cli: SeedCli, organisation: { departments?: readonly (readonly [string, string])[]; users: readonly (readonly [login: string, name: string, role: Role, department: string])[] }, more: Pick<ArchiveSeed, 'dossiers' | 'calls'> = {}): Promise<string[]> {
  const seed: ArchiveSeed = {
    ...more,
    admin: { password: ADMIN_PASSWORD },
    departments: (organisation.departments ?? []).map(([code, name]) => ({ code, name })),
    users: organisation.users.map(([login, displayName, role, departmentCode]) => ({ login, displayName, roles: [role], departmentCode, clearance: 3, password: seedPassword(login) })),
  };
  const worker = startTsWorker(seedWorker, { dataDir: cli.dataDir, seed });
  try {
    const answer = await firstMessage<{ error?: string; seeded?: SeededArchive }>(worker);
    if (answer.error) throw new Error(`seeding ${cli.dataDir}: ${answer.error}`);
    return answer.seeded?.dossiers.map((d) => d.archiveNumber) ?? [];
  } finally {
    await worker.terminate();
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

/**
 * Who appraises and destroys (the archive clerk), who approves a destruction list in turn (the
 * archive head – the customer-service manager – then the general manager), and two witnesses.
 */
export const DISPOSAL = {
  departments: [['SHB', '售后部']],
  users: [
    ['clerk', '档案员小王', 'clerk', 'DAS'],
    ['kefu', '客服部陈经理', 'cs-manager', 'DAS'],
    ['zjl', '周总经理', 'general-manager', 'DAS'],
    ['jianxiao1', '监销人老李', 'staff', 'SHB'],
    ['jianxiao2', '监销人老赵', 'auditor', 'DAS'],
  ],
} as const;

/** A service dossier serviced long ago: its 10 years (counted from the service day) have run out. */
export const expiredServiceDossier = (customerName: string, serviceDate: string) => ({
  typeKey: 'vehicle-service',
  fields: { customerName, phone: '13900139000', plate: '沪B54321', serviceDate },
  departmentCode: 'SHB',
});
