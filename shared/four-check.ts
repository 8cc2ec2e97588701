/**
 * The 四性 check (DA/T 70): authenticity, integrity, usability and security of the archive's
 * records, item by item. Labels shared by the core's report, the CLI and the window.
 */
export const checkAspects = ['authenticity', 'integrity', 'usability', 'security'] as const;
export type CheckAspect = (typeof checkAspects)[number];

export const checkItemKeys = [
  'file-hashes',
  'audit-trail',
  'metadata',
  'sequence',
  'checklist',
  'page-counts',
  'files-present',
  'files-open',
  'pages-render',
  'database-encrypted',
  'sealed-files',
  'access-rules',
] as const;
export type CheckItemKey = (typeof checkItemKeys)[number];

export const aspectOf: Record<CheckItemKey, CheckAspect> = {
  'file-hashes': 'authenticity',
  'audit-trail': 'authenticity',
  metadata: 'authenticity',
  sequence: 'authenticity',
  checklist: 'integrity',
  'page-counts': 'integrity',
  'files-present': 'integrity',
  'files-open': 'usability',
  'pages-render': 'usability',
  'database-encrypted': 'security',
  'sealed-files': 'security',
  'access-rules': 'security',
};

export const aspectLabels: Record<CheckAspect, { zh: string; en: string }> = {
  authenticity: { zh: '真实性', en: 'Authenticity' },
  integrity: { zh: '完整性', en: 'Integrity' },
  usability: { zh: '可用性', en: 'Usability' },
  security: { zh: '安全性', en: 'Security' },
};

export const checkItemLabels: Record<CheckItemKey, { zh: string; en: string }> = {
  'file-hashes': { zh: '扫描文件哈希与登记一致', en: 'Scan files match their recorded hashes' },
  'audit-trail': { zh: '审计记录链完整', en: 'The audit trail’s chain is intact' },
  metadata: { zh: '元数据符合规则（档号、必填项、日期）', en: 'Metadata meets its rules (archive number, required fields, dates)' },
  sequence: { zh: '卷内文件序号连续', en: 'Document sequence numbers have no gaps' },
  checklist: { zh: '必备文件齐全', en: 'Every required checklist item has its documents' },
  'page-counts': { zh: '页数与扫描页一致', en: 'Page counts match the scanned pages' },
  'files-present': { zh: '登记的扫描文件都在', en: 'Every recorded scan file is present' },
  'files-open': { zh: '文件可按其格式打开', en: 'Every file opens in its format' },
  'pages-render': { zh: '每一页都能显示', en: 'Every page renders' },
  'database-encrypted': { zh: '数据库已加密', en: 'The database is encrypted' },
  'sealed-files': { zh: '数据文件夹中没有明文扫描件', en: 'No plaintext scan in the data folder' },
  'access-rules': { zh: '访问控制一致（密级、保管人）', en: 'Access rules are consistent (levels, custodians)' },
};

/** A finding's document in words: its group and sequence number. */
export function documentWords(document: { group: string | null; position: number } | null, language: 'zh' | 'en'): string {
  if (!document) return '';
  if (language === 'zh') return document.group ? `卷内文件“${document.group}”第 ${document.position} 号` : `卷内文件第 ${document.position} 号`;
  return document.group ? `document “${document.group}” no. ${document.position}` : `document no. ${document.position}`;
}
