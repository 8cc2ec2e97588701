import type { Core } from '../../electron/core/core';
import type { InputOf } from '../../shared/contract';
import { ADMIN, addUser, ok, switchTo } from './core';

/** Moves the clock of a test core (its `now` option reads what this sets). */
export type SetClock = (time: string) => void;

/**
 * October 2026 in the intake book of a new archive, for the KPI and violation tests – around the
 * National Day holiday (1–7 October off, Saturday 10 October worked):
 * - Wed 30 Sep: 销售小陈 (no account) hands a new-vehicle dossier over on time, its PDI sheet (signed
 *   by the customer) missing; the sheet comes on Mon 12 Oct;
 * - 销售小李 (li) hands two new-vehicle dossiers over late, on 13 and 14 October (due 8 October);
 * - 售后小周 (zhou) hands three after-sales dossiers over late, on 15, 16 and 19 October.
 * Users: admin, clerk, li and zhou (staff), audit (auditor). Leaves the administrator signed in.
 */
export async function octoberHandOvers(core: Core, setClock: SetClock): Promise<void> {
  let serial = 0;
  const at = async (time: string) => {
    setClock(time);
    await switchTo(core, 'clerk');
  };
  const vehicle = async (deliveryDate: string) => {
    serial += 1;
    const fields = { customerName: `客户${serial}`, phone: '13800138000', vin: `LSVAU2180N${String(serial).padStart(7, '0')}`, deliveryDate };
    return (await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields, departmentCode: 'XSB' })).archiveNumber;
  };
  const service = async (serviceDate: string) => {
    serial += 1;
    const fields = { customerName: `客户${serial}`, phone: '13900139000', plate: `沪A${String(serial).padStart(5, '0')}`, serviceDate };
    return (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields, departmentCode: 'SHB' })).archiveNumber;
  };
  const handOver = (fromDepartment: string, handedBy: InputOf<'intake:add'>['handedBy'], dossiers: InputOf<'intake:add'>['dossiers']) =>
    ok(core, 'intake:add', { fromDepartment, handedBy, dossiers, handedBySignature: { name: handedBy.name }, receiverSignature: { name: '档案员小王' } });

  setClock('2026-09-28T09:00:00+08:00');
  await switchTo(core, ADMIN.login, ADMIN.password);
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await ok(core, 'department:create', { code: 'SHB', name: '售后服务部' });
  await addUser(core, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(core, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(core, { login: 'zhou', displayName: '售后小周', roles: ['staff'], departmentCode: 'SHB' });
  await addUser(core, { login: 'audit', displayName: '审计员老孙', roles: ['auditor'] });

  await at('2026-09-30T10:00:00+08:00');
  const short = await vehicle('2026-09-29');
  await handOver('XSB', { name: '销售小陈' }, [{ archiveNumber: short, missing: ['pdiChecklist'] }]);
  await at('2026-10-12T15:00:00+08:00');
  await handOver('XSB', { name: '销售小陈' }, [{ archiveNumber: short, present: ['pdiChecklist'] }]);

  for (const day of ['2026-10-13', '2026-10-14']) {
    await at(`${day}T10:00:00+08:00`);
    await handOver('XSB', { name: '销售小李', login: 'li' }, [{ archiveNumber: await vehicle('2026-09-28') }]);
  }
  for (const [day, serviced] of [
    ['2026-10-15', '2026-10-12'],
    ['2026-10-16', '2026-10-12'],
    ['2026-10-19', '2026-10-14'],
  ] as const) {
    await at(`${day}T10:00:00+08:00`);
    await handOver('SHB', { name: '售后小周', login: 'zhou' }, [{ archiveNumber: await service(serviced) }]);
  }
  setClock('2026-11-05T10:00:00+08:00');
  await switchTo(core, ADMIN.login, ADMIN.password);
}
