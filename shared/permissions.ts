/**
 * Roles and permissions: one table in code, shown read-only in the settings. Every channel in the
 * contract names the permission it needs; the core enforces it for every front door, the UI only
 * reflects it.
 *
 * With three-role separation (三员分立) switched on, the system administrator, the security
 * administrator and the security auditor split the administrative rights, and none of the three
 * sees dossier content.
 */
export const roles = [
  'staff',
  'admin',
  'clerk',
  'scanner',
  'dept-manager',
  'cs-manager',
  'general-manager',
  'legal',
  'auditor',
  'security-admin',
  'security-auditor',
] as const;
export type Role = (typeof roles)[number];

/** Roles that exist only while three-role separation is on. */
export const separationRoles: readonly Role[] = ['security-admin', 'security-auditor'];
/** The three roles that must be held by three different people under separation. */
export const separatedRoles: readonly Role[] = ['admin', 'security-admin', 'security-auditor'];

export const permissions = [
  'dossier.read',
  'dossier.read-all',
  'dossier.create',
  'dossier.edit',
  'dossier.classify',
  'dossier.reassign',
  'dossier.export',
  'field.reveal',
  'approval.grant',
  'register.keep',
  'type.manage',
  'location.manage',
  'org.manage',
  'user.read',
  'user.manage',
  'settings.manage',
  'security.manage',
  'audit.read',
  'archive.verify',
  'archive.backup',
  'disposal.manage',
  'hold.place',
  'hold.lift',
] as const;
export type Permission = (typeof permissions)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  staff: { zh: '员工', en: 'Staff' },
  admin: { zh: '系统管理员', en: 'System administrator' },
  clerk: { zh: '档案管理员', en: 'Archive clerk' },
  scanner: { zh: '扫描员', en: 'Scanning staff' },
  'dept-manager': { zh: '部门经理', en: 'Department manager' },
  'cs-manager': { zh: '客户服务部经理', en: 'Customer-service manager' },
  'general-manager': { zh: '总经理', en: 'General manager' },
  legal: { zh: '法务', en: 'Legal officer' },
  auditor: { zh: '审计员', en: 'Auditor' },
  'security-admin': { zh: '安全管理员', en: 'Security administrator' },
  'security-auditor': { zh: '安全审计员', en: 'Security auditor' },
};

export const permissionLabels: Record<Permission, { zh: string; en: string }> = {
  'dossier.read': { zh: '查看档案（本部门、知悉范围内）', en: 'See dossiers (own department, within clearance)' },
  'dossier.read-all': { zh: '查看其他部门的档案', en: "See other departments' dossiers" },
  'dossier.create': { zh: '新建档案', en: 'Create dossiers' },
  'dossier.edit': { zh: '编辑档案与卷内文件', en: 'Edit dossiers and their documents' },
  'dossier.classify': { zh: '定密、指定保管人', en: 'Set levels and custodians' },
  'dossier.reassign': { zh: '把档案转给其他部门', en: 'Move dossiers to another department' },
  'dossier.export': { zh: '导出档案（涉密需审批）', en: 'Export dossiers (classified: with approval)' },
  'field.reveal': { zh: '查看敏感个人信息', en: 'Reveal sensitive personal fields' },
  'approval.grant': { zh: '审批查阅、借阅、复制、摘抄、导出', en: 'Approve consultations, loans, copies, excerpts, exports' },
  'register.keep': { zh: '登记签收、借阅与归还（可代他人申请）', en: 'Keep the registers: intakes, loans, returns (request for others)' },
  'type.manage': { zh: '管理档案类型', en: 'Manage dossier types' },
  'location.manage': { zh: '管理库房与存放位置', en: 'Manage storage locations' },
  'org.manage': { zh: '管理部门', en: 'Manage departments' },
  'user.read': { zh: '查看用户', en: 'See users' },
  'user.manage': { zh: '管理用户', en: 'Manage users' },
  'settings.manage': { zh: '系统设置', en: 'System settings' },
  'security.manage': { zh: '密级与安全策略', en: 'Levels and security policy' },
  'audit.read': { zh: '查看、导出审计记录', en: 'Read and export the audit trail' },
  'archive.verify': { zh: '校验档案库', en: 'Verify the archive' },
  'archive.backup': { zh: '备份档案库、检验备份', en: 'Back up the archive and check backups' },
  'disposal.manage': { zh: '到期鉴定、编制销毁清册并执行销毁', en: 'Appraise expired dossiers, make destruction lists and carry them out' },
  'hold.place': { zh: '对档案采取诉讼保全', en: 'Place legal holds on dossiers' },
  'hold.lift': { zh: '解除诉讼保全', en: 'Lift legal holds' },
};

type Matrix = Record<Role, readonly Permission[]>;

const business: Omit<Matrix, 'admin' | 'security-admin' | 'security-auditor'> = {
  staff: ['dossier.read'],
  clerk: ['dossier.read', 'dossier.read-all', 'dossier.create', 'dossier.edit', 'dossier.classify', 'dossier.reassign', 'dossier.export', 'field.reveal', 'location.manage', 'register.keep', 'hold.place', 'disposal.manage'],
  scanner: ['dossier.read', 'dossier.read-all', 'dossier.edit'],
  'dept-manager': ['dossier.read', 'dossier.export', 'field.reveal', 'approval.grant'],
  'cs-manager': ['dossier.read', 'dossier.read-all', 'dossier.export', 'field.reveal', 'approval.grant'],
  'general-manager': ['dossier.read', 'dossier.read-all', 'dossier.export', 'field.reveal', 'approval.grant', 'hold.place', 'hold.lift'],
  legal: ['dossier.read', 'dossier.read-all', 'field.reveal', 'approval.grant', 'hold.place', 'hold.lift'],
  auditor: ['dossier.read', 'dossier.read-all', 'user.read', 'audit.read', 'archive.verify'],
};

/** One administrator: users, settings and dossiers within the administrator's own clearance. */
const combined: Matrix = {
  ...business,
  admin: [
    'dossier.read',
    'dossier.read-all',
    'dossier.create',
    'dossier.edit',
    'dossier.classify',
    'dossier.reassign',
    'dossier.export',
    'register.keep',
    'disposal.manage',
    'type.manage',
    'location.manage',
    'org.manage',
    'user.read',
    'user.manage',
    'settings.manage',
    'security.manage',
    'audit.read',
    'archive.verify',
    'archive.backup',
  ],
  'security-admin': [],
  'security-auditor': [],
};

/** 三员分立: system, security and audit administration in three hands, no dossier content. */
const separated: Matrix = {
  ...business,
  // Backups are the system administrator's: they hold the whole archive, encrypted, and open only with a password of it.
  admin: ['user.read', 'settings.manage', 'type.manage', 'archive.verify', 'archive.backup'],
  'security-admin': ['org.manage', 'user.read', 'user.manage', 'security.manage'],
  'security-auditor': ['user.read', 'audit.read', 'archive.verify'],
};

export function permissionMatrix(threeRoleSeparation: boolean): Matrix {
  return threeRoleSeparation ? separated : combined;
}

/** What lets someone see or handle dossier content. */
export const contentPermissions: readonly Permission[] = ['dossier.read', 'dossier.read-all', 'dossier.create', 'dossier.edit', 'dossier.classify', 'dossier.reassign', 'dossier.export', 'field.reveal', 'approval.grant', 'register.keep', 'hold.place', 'hold.lift', 'disposal.manage'];

/**
 * What a user's roles grant. Under separation, whoever holds one of the three administrative
 * roles gets no content permission at all – not even through a business role held besides.
 */
export function permissionsOf(userRoles: readonly Role[], threeRoleSeparation = false): Set<Permission> {
  const matrix = permissionMatrix(threeRoleSeparation);
  const granted = new Set(userRoles.flatMap((role) => matrix[role]));
  if (threeRoleSeparation && userRoles.some((role) => separatedRoles.includes(role))) {
    for (const permission of contentPermissions) granted.delete(permission);
  }
  return granted;
}

export function can(userRoles: readonly Role[], permission: Permission, threeRoleSeparation = false): boolean {
  return permissionsOf(userRoles, threeRoleSeparation).has(permission);
}

/** Roles an administrator may give while separation is off or on. */
export function assignableRoles(threeRoleSeparation: boolean): Role[] {
  return roles.filter((role) => threeRoleSeparation || !separationRoles.includes(role));
}
