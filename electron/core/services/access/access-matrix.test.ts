import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';

/**
 * The access rules as the issue states them, written out independently of the permission table
 * in code: every role × clearance × dossier level × department relation, through the real
 * handler table and a real encrypted archive.
 */
type Relation = 'own' | 'sub-department' | 'other';
type RoleId = 'staff' | 'clerk' | 'scanner' | 'dept-manager' | 'cs-manager' | 'general-manager' | 'legal' | 'auditor' | 'admin';

const ROLES: RoleId[] = ['staff', 'clerk', 'scanner', 'dept-manager', 'cs-manager', 'general-manager', 'legal', 'auditor', 'admin'];
const CLEARANCES = [0, 1, 2, 3, 4];
const LEVELS = [0, 1, 2, 3, 4]; // 公开 内部 秘密 机密 绝密
const RELATIONS: Relation[] = ['own', 'sub-department', 'other'];

/** "others' only for roles granted cross-department reading, e.g. general manager, archive clerk" */
const CROSS_DEPARTMENT: RoleId[] = ['clerk', 'scanner', 'cs-manager', 'general-manager', 'legal', 'auditor', 'admin'];
/** Roles that may export at all; classified (秘密+) exports need an approval on top. */
const MAY_EXPORT: RoleId[] = ['clerk', 'dept-manager', 'cs-manager', 'general-manager', 'admin'];
const CLASSIFIED_FROM = 2;

function sees(role: RoleId, clearance: number, level: number, relation: Relation): boolean {
  return clearance >= level && (relation !== 'other' || CROSS_DEPARTMENT.includes(role));
}

type ExportOutcome = 'FORBIDDEN' | 'NOT_FOUND' | 'APPROVAL_REQUIRED' | 'exported';
function exportOutcome(role: RoleId, clearance: number, level: number, relation: Relation): ExportOutcome {
  if (!MAY_EXPORT.includes(role)) return 'FORBIDDEN';
  if (!sees(role, clearance, level, relation)) return 'NOT_FOUND';
  return level >= CLASSIFIED_FROM ? 'APPROVAL_REQUIRED' : 'exported';
}

const suiteDir = useSuiteTempDir();
let core: Core;
const dossierOf = new Map<string, string>(); // `${level}/${relation}` → archive number

beforeAll(async () => {
  core = await newArchive(suiteDir());
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await ok(core, 'department:create', { code: 'XSB1', name: '销售一部', parentCode: 'XSB' });
  await ok(core, 'department:create', { code: 'SHB', name: '售后服务部' });
  const departmentFor: Record<Relation, string> = { own: 'XSB', 'sub-department': 'XSB1', other: 'SHB' };
  for (const level of LEVELS) {
    for (const relation of RELATIONS) {
      const created = await ok(core, 'dossier:create', { title: `矩阵档案 L${level} ${relation} 题名`, level, departmentCode: departmentFor[relation] });
      dossierOf.set(`${level}/${relation}`, created.archiveNumber);
    }
  }
  for (const role of ROLES) {
    for (const clearance of CLEARANCES) await addUser(core, { login: `${role}-c${clearance}`, roles: [role], departmentCode: 'XSB', clearance });
  }
}, 120_000);

describe('who sees and does what: role × clearance × level × department', () => {
  for (const role of ROLES) {
    it(`${role}: list, search, open and export for every clearance, level and department`, async () => {
      for (const clearance of CLEARANCES) {
        await switchTo(core, `${role}-c${clearance}`);
        const expected = LEVELS.flatMap((level) => RELATIONS.filter((relation) => sees(role, clearance, level, relation)).map((relation) => dossierOf.get(`${level}/${relation}`)));

        const list = await ok(core, 'dossier:list', { limit: 200 });
        const listed = list.items.filter((d) => d.title.startsWith('矩阵档案')).map((d) => d.archiveNumber);
        expect(listed.sort(), `${role} c${clearance} list`).toEqual([...expected].sort());
        expect(list.total, `${role} c${clearance} count`).toBe(expected.length);

        const search = await ok(core, 'dossier:list', { query: '矩阵档案', limit: 200 });
        expect(search.items.map((d) => d.archiveNumber).sort(), `${role} c${clearance} search`).toEqual([...expected].sort());

        for (const level of LEVELS) {
          for (const relation of RELATIONS) {
            const number = dossierOf.get(`${level}/${relation}`) ?? '';
            const where = `${role} c${clearance} L${level} ${relation}`;
            const opened = await call(core, 'dossier:get', { archiveNumber: number });
            if (sees(role, clearance, level, relation)) expect(opened.ok, where).toBe(true);
            else expect(opened, where).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

            const exported = await call(core, 'dossier:export', { archiveNumber: number });
            const outcome = exportOutcome(role, clearance, level, relation);
            if (outcome === 'exported') {
              expect(exported.ok, where).toBe(true);
              if (exported.ok) expect(Buffer.from(exported.data.bytes).subarray(0, 5).toString(), where).toBe('%PDF-');
            } else {
              expect(exported, where).toMatchObject({ ok: false, error: { code: outcome } });
            }
          }
        }
      }
    });
  }
});
