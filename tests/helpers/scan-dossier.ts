import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';
import { ok } from './core';
import { filesUnder } from './files';

/** A service dossier (vehicle-service, department 售后部) of a new archive, as the scan tests file onto; its archive number. */
export async function serviceDossier(core: Core): Promise<string> {
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  return (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'SHB' })).archiveNumber;
}

/** Every file in the archive's scan store. */
export function scansIn(dataDir: string): string[] {
  return existsSync(join(dataDir, 'scans')) ? filesUnder(join(dataDir, 'scans')) : [];
}
