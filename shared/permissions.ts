/**
 * Roles and permissions: one table in code. Every channel in the contract names the permission it
 * needs; the handler wrapper enforces it for every front door, the UI only reflects it.
 */
export const roles = [
  'admin',
  'clerk',
  'scanner',
  'staff',
  'dept-manager',
  'cs-manager',
  'general-manager',
  'legal',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'dossier.read',
  'dossier.create',
  'user.read',
  'user.manage',
  'settings.manage',
  'archive.verify',
] as const;
export type Permission = (typeof permissions)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  clerk: { zh: '档案管理员', en: 'Archive clerk' },
  scanner: { zh: '扫描员', en: 'Scanning staff' },
  staff: { zh: '员工', en: 'Staff' },
  'dept-manager': { zh: '部门经理', en: 'Department manager' },
  'cs-manager': { zh: '客户服务部经理', en: 'Customer-service manager' },
  'general-manager': { zh: '总经理', en: 'General manager' },
  legal: { zh: '法务', en: 'Legal officer' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

const matrix: Record<Role, readonly Permission[]> = {
  admin: ['dossier.read', 'dossier.create', 'user.read', 'user.manage', 'settings.manage', 'archive.verify'],
  clerk: ['dossier.read', 'dossier.create'],
  scanner: ['dossier.read'],
  staff: ['dossier.read'],
  'dept-manager': ['dossier.read'],
  'cs-manager': ['dossier.read'],
  'general-manager': ['dossier.read'],
  legal: ['dossier.read'],
  auditor: ['dossier.read', 'user.read', 'archive.verify'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((role) => matrix[role]));
}

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => matrix[role].includes(permission));
}
