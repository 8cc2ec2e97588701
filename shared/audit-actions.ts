import { carrierLabels, registerKindLabels, requestKindLabels, statusLabels } from './contract';
import { calendarSourceLabels } from './contract/calendar';
import { customerKindLabels, customerRecordKindLabels } from './customers';
import { relationLabels } from './dossier-links';
import type { Message } from './errors';
import { roleLabels } from './permissions';
import { stocktakeOutcomeLabels } from './stocktake';
import { checkItemLabels, findingKindLabels, repairOutcomeLabels } from './inspections';
import { formatLocalDateTime } from './time';

/** Names of audit actions for people (UI, exports); unknown actions show as recorded. */
export const auditActionLabels: Record<string, { zh: string; en: string }> = {
  'archive:create': { zh: '创建档案库', en: 'Archive created' },
  'archive:rollback-accepted': { zh: '接受档案库回退', en: 'Rollback accepted' },
  'archive:repair-index': { zh: '重建损坏的索引', en: 'Damaged indexes rebuilt' },
  'archive:restore': { zh: '从备份恢复档案库', en: 'Archive restored from a backup' },
  'backup:create': { zh: '备份（已检验）', en: 'Backup taken (checked)' },
  'backup:failed': { zh: '备份未通过检验', en: 'Backup failed its check' },
  'backup:verify': { zh: '检验备份（恢复演练）', en: 'Backup checked (restore drill)' },
  'backup:prune': { zh: '删除旧备份（保留最近的份数）', en: 'Old backups removed (the newest kept)' },
  'session:login': { zh: '登录', en: 'Signed in' },
  'session:login-failed': { zh: '登录失败', en: 'Sign-in failed' },
  'session:lock': { zh: '锁定', en: 'Locked' },
  'session:change-password': { zh: '修改密码', en: 'Password changed' },
  'access:denied': { zh: '越权被拒', en: 'Access denied' },
  'department:create': { zh: '新建部门', en: 'Department created' },
  'department:update': { zh: '修改部门', en: 'Department changed' },
  'user:create': { zh: '新建用户', en: 'User created' },
  'user:update': { zh: '修改用户', en: 'User changed' },
  'user:disable': { zh: '停用用户', en: 'User disabled' },
  'user:enable': { zh: '启用用户', en: 'User enabled' },
  'user:reset-password': { zh: '重置密码', en: 'Password reset' },
  'user:unlock': { zh: '解除锁定', en: 'Account unlocked' },
  'dossier:create': { zh: '新建档案', en: 'Dossier created' },
  'dossier:view': { zh: '查看涉密档案', en: 'Classified dossier viewed' },
  'dossier:classify': { zh: '定密', en: 'Level changed' },
  'dossier:update': { zh: '修改档案', en: 'Dossier changed' },
  'field:reveal': { zh: '查看敏感信息', en: 'Sensitive field revealed' },
  'document:add': { zh: '登记卷内文件', en: 'Document filed' },
  'document:update': { zh: '修改卷内文件', en: 'Document changed' },
  'document:reorder': { zh: '调整文件顺序', en: 'Documents reordered' },
  'document:remove': { zh: '移除卷内文件', en: 'Document removed' },
  'scan:add': { zh: '归档扫描件', en: 'Scans filed' },
  'scan:view-classified': { zh: '查看涉密扫描件', en: 'Classified scan viewed' },
  'scan:rotate': { zh: '旋转扫描页', en: 'Scanned page turned' },
  'scan:reorder': { zh: '调整扫描页顺序', en: 'Scanned pages reordered' },
  'scan:move': { zh: '移动扫描页', en: 'Scanned pages moved' },
  'scan:remove': { zh: '移除扫描页', en: 'Scanned pages removed' },
  'inbox:discard': { zh: '从扫描收件箱删除文件', en: 'Files removed from the scan inbox' },
  'import:commit': { zh: '导入档案清单', en: 'List imported' },
  'import:refused': { zh: '导入被拒（有错误行）', en: 'Import refused (bad rows)' },
  'import:cancelled': { zh: '导入已取消', en: 'Import cancelled' },
  'link:add': { zh: '建立档案关联', en: 'Dossiers linked' },
  'link:remove': { zh: '解除档案关联', en: 'Dossier link removed' },
  'location:create': { zh: '新建存放位置', en: 'Location created' },
  'location:update': { zh: '修改存放位置', en: 'Location changed' },
  'location:remove': { zh: '删除存放位置', en: 'Location removed' },
  'dossier:shelve': { zh: '上架/移位', en: 'Dossier shelved' },
  'customer:create': { zh: '新建客户', en: 'Customer created' },
  'customer:update': { zh: '修改客户', en: 'Customer changed' },
  'customer:reveal-id': { zh: '查看客户证件号', en: 'Customer ID revealed' },
  'customer:record': { zh: '登记客户往来记录', en: 'Customer record added' },
  'dossier:link-customer': { zh: '档案归入客户', en: 'Dossier filed under customer' },
  'dossier:unlink-customer': { zh: '档案移出客户', en: 'Dossier taken from customer' },
  'view:save': { zh: '保存列表视图', en: 'List view saved' },
  'view:remove': { zh: '删除列表视图', en: 'List view removed' },
  'type:install': { zh: '安装默认档案类型', en: 'Default dossier types installed' },
  'type:save': { zh: '保存档案类型', en: 'Dossier type saved' },
  'search:rebuild': { zh: '重建检索索引', en: 'Search index rebuilt' },
  'dossier:export': { zh: '导出档案', en: 'Dossier exported' },
  'dossier:export-refused': { zh: '导出被拒（无审批）', en: 'Export refused (no approval)' },
  'dossier:export-list': { zh: '导出档案目录', en: 'Dossier list exported' },
  'approval:grant': { zh: '审批', en: 'Approval granted' },
  'approval:request': { zh: '提出申请', en: 'Request filed' },
  'approval:decide': { zh: '审批决定', en: 'Approval decision' },
  'approval:withdraw': { zh: '撤回申请', en: 'Request withdrawn' },
  'approval:record-use': { zh: '登记复制/摘抄已办理', en: 'Copy or excerpt made' },
  'loan:checkout': { zh: '借出登记', en: 'Handed out' },
  'loan:return': { zh: '归还注销', en: 'Returned' },
  'loan:correct-return': { zh: '更正归还记录', en: 'Return corrected' },
  'intake:add': { zh: '签收登记', en: 'Intake registered' },
  'intake:receive': { zh: '签收入库', en: 'Received at an intake' },
  'stocktake:start': { zh: '开始盘点', en: 'Stocktake started' },
  'stocktake:scan': { zh: '盘点扫描', en: 'Scanned at a stocktake' },
  'stocktake:finish': { zh: '结束盘点', en: 'Stocktake finished' },
  'stocktake:report': { zh: '导出盘点报告', en: 'Stocktake report exported' },
  'appraisal:decide': { zh: '档案鉴定', en: 'Dossier appraised' },
  'disposal:create': { zh: '编制销毁清册', en: 'Destruction list made' },
  'disposal:decide': { zh: '审批销毁清册', en: 'Destruction list decided' },
  'disposal:carry-out': { zh: '执行销毁', en: 'Destruction carried out' },
  'disposal:destroy': { zh: '档案销毁', en: 'Dossier destroyed' },
  'disposal:print': { zh: '打印销毁清册', en: 'Destruction list printed' },
  'inspection:start': { zh: '开始保管检查', en: 'Custody inspection started' },
  'inspection:save-checks': { zh: '填写保管检查项', en: 'Inspection checklist saved' },
  'inspection:add-finding': { zh: '登记检查发现', en: 'Inspection finding recorded' },
  'inspection:edit-finding': { zh: '修改检查发现', en: 'Inspection finding changed' },
  'inspection:remove-finding': { zh: '删除检查发现', en: 'Inspection finding removed' },
  'inspection:add-photos': { zh: '添加检查照片', en: 'Inspection photos added' },
  'inspection:remove-photo': { zh: '删除检查照片', en: 'Inspection photo removed' },
  'inspection:finish': { zh: '完成保管检查', en: 'Custody inspection finished' },
  'inspection:print': { zh: '打印保管检查记录', en: 'Inspection record printed' },
  'inspection:repair-order': { zh: '开具修复单', en: 'Repair ordered' },
  'inspection:repair-outcome': { zh: '登记修复结果', en: 'Repair outcome recorded' },
  'hold:place': { zh: '采取诉讼保全', en: 'Legal hold placed' },
  'hold:lift': { zh: '解除诉讼保全', en: 'Legal hold lifted' },
  'check:run': { zh: '四性检测', en: 'Four-property check (四性) run' },
  'notice:issue': { zh: '发出提醒', en: 'Notices issued' },
  'register:export': { zh: '导出登记簿', en: 'Register exported' },
  'notice:read': { zh: '阅读提醒', en: 'Notices read' },
  'audit:export': { zh: '导出审计记录', en: 'Audit trail exported' },
  'settings:update': { zh: '修改系统设置', en: 'Settings changed' },
  'calendar:set': { zh: '设置工作日/休息日', en: 'Calendar day set' },
  'calendar:unset': { zh: '恢复内置日历', en: 'Calendar day reverted' },
  'calendar:confirm-year': { zh: '确认年度节假日安排', en: 'Holiday year confirmed' },
  'security:update-policy': { zh: '修改安全策略', en: 'Security policy changed' },
  'security:enable-separation': { zh: '开启三员分立', en: 'Three-role separation on' },
  'security:disable-separation': { zh: '关闭三员分立', en: 'Three-role separation off' },
};

export function auditActionLabel(action: string, language: 'zh' | 'en'): string {
  return auditActionLabels[action]?.[language] ?? action;
}

const summaryKeyLabels: Record<string, { zh: string; en: string }> = {
  title: { zh: '题名', en: 'title' },
  level: { zh: '密级', en: 'level' },
  department: { zh: '部门', en: 'department' },
  displayName: { zh: '姓名', en: 'name' },
  roles: { zh: '角色', en: 'roles' },
  clearance: { zh: '知悉范围', en: 'clearance' },
  status: { zh: '状态', en: 'status' },
  mustChangePassword: { zh: '须改密码', en: 'must change password' },
  reason: { zh: '原因', en: 'reason' },
  hold: { zh: '保全编号', en: 'hold no.' },
  caseNumber: { zh: '案号', en: 'case no.' },
  scope: { zh: '检测范围', en: 'scope' },
  attemptedAt: { zh: '尝试时间', en: 'attempted at' },
  signedInAt: { zh: '登录时间', en: 'signed in at' },
  recordedLater: { zh: '事后记录', en: 'recorded later' },
  damaged: { zh: '损坏的部分', en: 'damaged' },
  databaseEventId: { zh: '数据库所到事件', en: 'database up to event' },
  markEventId: { zh: '档案库曾到事件', en: 'archive had reached event' },
  markEventAt: { zh: '其时间', en: 'at' },
  numbersAdvanced: { zh: '档号续编于', en: 'numbering goes on after' },
  slotsRenewed: { zh: '更新密钥槽记录的用户', en: 'key slot records renewed' },
  finding: { zh: '发现', en: 'finding' },
  channel: { zh: '操作', en: 'operation' },
  kind: { zh: '类型', en: 'kind' },
  grantee: { zh: '被授权人', en: 'grantee' },
  validUntil: { zh: '有效至', en: 'valid until' },
  requestId: { zh: '申请编号', en: 'request no.' },
  copies: { zh: '份数', en: 'copies' },
  loanId: { zh: '借阅登记号', en: 'loan no.' },
  renewalOf: { zh: '续借自登记', en: 'renewal of loan' },
  passedOnFrom: { zh: '转借自登记', en: 'passed on from loan' },
  borrower: { zh: '借阅人', en: 'borrower' },
  dueOn: { zh: '应还日期', en: 'due' },
  documents: { zh: '文件数', en: 'documents' },
  signedBy: { zh: '签名', en: 'signed by' },
  findings: { zh: '发现问题', en: 'findings' },
  overdueDays: { zh: '逾期天数', en: 'days overdue' },
  intakeId: { zh: '签收登记号', en: 'intake no.' },
  handedBy: { zh: '移交人', en: 'handed over by' },
  deadline: { zh: '移交期限', en: 'deadline' },
  workdaysLate: { zh: '逾期工作日', en: 'working days late' },
  missing: { zh: '缺件数', en: 'items missing' },
  missingItems: { zh: '缺件', en: 'missing items' },
  openedHere: { zh: '当场建档', en: 'opened at the hand-over' },
  corrects: { zh: '更正登记', en: 'corrects intake' },
  issued: { zh: '条数', en: 'issued' },
  kinds: { zh: '类别', en: 'kinds' },
  notices: { zh: '条数', en: 'notices' },
  approvalId: { zh: '审批编号', en: 'approval no.' },
  requester: { zh: '申请人', en: 'requester' },
  purpose: { zh: '用途', en: 'purpose' },
  askedFor: { zh: '输入密码处', en: 'password asked for' },
  route: { zh: '审批流程', en: 'route' },
  step: { zh: '步骤', en: 'step' },
  role: { zh: '审批角色', en: 'approver role' },
  decision: { zh: '决定', en: 'decision' },
  comment: { zh: '意见', en: 'comment' },
  state: { zh: '结果', en: 'result' },
  format: { zh: '格式', en: 'format' },
  events: { zh: '条数', en: 'events' },
  watermarked: { zh: '水印', en: 'watermarked' },
  custodian: { zh: '保管人', en: 'custodian' },
  storedSeparately: { zh: '单独存放', en: 'stored separately' },
  admin: { zh: '管理员', en: 'administrator' },
  name: { zh: '名称', en: 'name' },
  parent: { zh: '上级', en: 'parent' },
  type: { zh: '档案类型', en: 'type' },
  types: { zh: '档案类型', en: 'types' },
  dossiers: { zh: '档案数', en: 'dossiers' },
  version: { zh: '版本', en: 'version' },
  field: { zh: '字段', en: 'field' },
  label: { zh: '字段名', en: 'field name' },
  fields: { zh: '字段', en: 'fields' },
  classification: { zh: '分类', en: 'classification' },
  carrier: { zh: '载体', en: 'carrier' },
  openedOn: { zh: '建档日期', en: 'opened on' },
  remarks: { zh: '备注', en: 'remarks' },
  document: { zh: '文件编号', en: 'document' },
  checklistItem: { zh: '清单项', en: 'checklist item' },
  complete: { zh: '齐全', en: 'complete' },
  levelRaised: { zh: '档案密级提升', en: 'dossier level raised' },
  from: { zh: '由', en: 'from' },
  to: { zh: '至', en: 'to' },
  group: { zh: '分组', en: 'group' },
  order: { zh: '新顺序', en: 'new order' },
  pages: { zh: '页数', en: 'pages' },
  form: { zh: '原件/复印件', en: 'original/copy' },
  docDate: { zh: '文件日期', en: 'document date' },
  customerName: { zh: '客户名称', en: 'customer' },
  phone: { zh: '联系电话', en: 'phone' },
  idNumber: { zh: '证件号码', en: 'ID number' },
  address: { zh: '地址', en: 'address' },
  plate: { zh: '车牌号', en: 'plate' },
  vin: { zh: '车架号', en: 'VIN' },
  before: { zh: '修改前', en: 'before' },
  after: { zh: '修改后', en: 'after' },
  link: { zh: '关联编号', en: 'link' },
  other: { zh: '对方档号', en: 'other dossier' },
  relation: { zh: '关系', en: 'relation' },
  note: { zh: '说明', en: 'note' },
  customer: { zh: '客户编号', en: 'customer' },
  customers: { zh: '客户', en: 'customers' },
  record: { zh: '记录编号', en: 'record' },
  recordedOn: { zh: '日期', en: 'date' },
  rows: { zh: '行数', en: 'rows' },
  bytes: { zh: '字节', en: 'bytes' },
  badRows: { zh: '问题行数', en: 'bad rows' },
  problems: { zh: '问题数', en: 'problems' },
  first: { zh: '首个档号', en: 'first number' },
  last: { zh: '末个档号', en: 'last number' },
  sha256: { zh: '文件摘要', en: 'file digest' },
  position: { zh: '位置序号', en: 'position' },
  list: { zh: '清单', en: 'list' },
  query: { zh: '检索词', en: 'search' },
  filters: { zh: '筛选条件', en: 'filters' },
  sort: { zh: '排序', en: 'order' },
  classified: { zh: '涉密档案数', en: 'classified dossiers' },
  retention: { zh: '保管期限', en: 'retention' },
  skippedRows: { zh: '跳过行数', en: 'rows left out' },
  created: { zh: '新建', en: 'new' },
  linked: { zh: '归入已有', en: 'already on file' },
  contact: { zh: '联系人', en: 'contact' },
  category: { zh: '类别', en: 'category' },
  creditStatus: { zh: '信用状况', en: 'credit status' },
  idCode: { zh: '证件号', en: 'ID code' },
  phones: { zh: '电话', en: 'phones' },
  workday: { zh: '工作日', en: 'workday' },
  source: { zh: '依据', en: 'source' },
  holidays: { zh: '录入休息日', en: 'days off entered' },
  workdays: { zh: '录入调休上班日', en: 'make-up workdays entered' },
  folder: { zh: '文件夹', en: 'folder' },
  fileName: { zh: '文件名', en: 'file name' },
  file: { zh: '文件', en: 'file' },
  size: { zh: '大小（字节）', en: 'size (bytes)' },
  backupId: { zh: '备份编号', en: 'backup id' },
  takenAt: { zh: '备份时间', en: 'taken at' },
  takenBy: { zh: '备份人', en: 'taken by' },
  ok: { zh: '通过', en: 'passed' },
  auditHead: { zh: '审计记录末条', en: 'last audit event' },
  failedChecks: { zh: '未通过的检查', en: 'failed checks' },
  message: { zh: '原因', en: 'reason' },
  messageEn: { zh: '原因（英文）', en: 'reason (English)' },
  code: { zh: '错误代码', en: 'error code' },
  keep: { zh: '保留份数', en: 'kept' },
  removed: { zh: '已删除', en: 'removed' },
  stocktake: { zh: '盘点编号', en: 'stocktake' },
  place: { zh: '位置', en: 'place' },
  outcome: { zh: '结果', en: 'outcome' },
  archiveNumber: { zh: '档号', en: 'archive number' },
  expected: { zh: '应在此处', en: 'expected here' },
  found: { zh: '在位', en: 'found' },
  away: { zh: '借出未还', en: 'out on loan' },
  misplaced: { zh: '错架', en: 'misplaced' },
  onLoan: { zh: '登记借出但在架', en: 'on the shelf while on loan' },
  unknown: { zh: '无此档号', en: 'unknown' },
  corrected: { zh: '已更正位置', en: 'locations corrected' },
  page: { zh: '页', en: 'page' },
  rotation: { zh: '旋转', en: 'rotation' },
  files: { zh: '文件数', en: 'files' },
  inspection: { zh: '保管检查编号', en: 'inspection' },
  items: { zh: '检查项数', en: 'items' },
  problemItems: { zh: '有问题的检查项', en: 'items with a problem' },
  findingKind: { zh: '问题', en: 'kind of damage' },
  photos: { zh: '照片数', en: 'photos' },
  photo: { zh: '照片编号', en: 'photo' },
  inspectedOn: { zh: '检查日期', en: 'inspected on' },
  inspectors: { zh: '检查人', en: 'inspectors' },
  repair: { zh: '修复单编号', en: 'repair order' },
  repairOutcome: { zh: '修复结果', en: 'repair outcome' },
};

/** Recorded values that are codes, in words, per summary key. */
const valueLabels: Record<string, Record<string, { zh: string; en: string }>> = {
  relation: Object.fromEntries(Object.entries(relationLabels).map(([code, labels]) => [code, labels.name])),
  carrier: carrierLabels,
  form: { original: { zh: '原件', en: 'original' }, copy: { zh: '复印件', en: 'copy' } },
  status: { ...statusLabels, active: { zh: '在用', en: 'active' }, disabled: { zh: '停用', en: 'disabled' } },
  kind: { ...customerKindLabels, ...customerRecordKindLabels, ...requestKindLabels, ...registerKindLabels },
  roles: roleLabels,
  source: calendarSourceLabels,
  role: roleLabels,
  outcome: stocktakeOutcomeLabels,
  problemItems: checkItemLabels,
  findingKind: findingKindLabels,
  repairOutcome: repairOutcomeLabels,
  decision: { approve: { zh: '同意', en: 'approved' }, reject: { zh: '驳回', en: 'rejected' } },
  askedFor: { witness: { zh: '监销人确认销毁', en: 'a witness confirming a destruction' }, 'change-password': { zh: '修改密码时的当前密码', en: 'the current password, when changing it' } },
  state: { pending: { zh: '待下一步审批', en: 'waiting for the next step' }, approved: { zh: '已批准', en: 'approved' }, rejected: { zh: '已驳回', en: 'rejected' }, withdrawn: { zh: '已撤回', en: 'withdrawn' } },
};

/** Recorded reason codes in words. */
const reasonLabels: Record<string, { zh: string; en: string }> = {
  manual: { zh: '手动锁定', en: 'locked by hand' },
  idle: { zh: '闲置自动锁定', en: 'idle lock' },
  exit: { zh: '退出程序', en: 'program closed' },
  'wrong-password': { zh: '密码错误', en: 'wrong password' },
  'unknown-user': { zh: '无此用户', en: 'no such user' },
  locked: { zh: '账户锁定中', en: 'account locked' },
  'stale-slot': { zh: '密钥槽与档案库记录不符', en: "key slot does not match the archive's record" },
  'repair-refused': { zh: '无权在登录时重建索引', en: 'not allowed to rebuild the indexes while signing in' },
  unreadable: { zh: '记录无法读取', en: 'records could not be read' },
  'no-approval': { zh: '无审批', en: 'no approval' },
  'on-request': { zh: '手动发起', en: 'on request' },
  scheduled: { zh: '按计划', en: 'on schedule' },
  'after-important-event': { zh: '重要操作后', en: 'after an important change' },
  dropped: { zh: '记录过多已丢弃', en: 'too many, dropped' },
};

/**
 * What only the archive knows the words for – a type's name for its key, a department's name for
 * its code, a level's name for its rank, a field's label for its key: the core looks them up for
 * the event at hand. Null: shown as recorded.
 */
export interface SummaryNames {
  value(key: string, value: string | number): Message | null;
  /** The label of a key inside a nested object, e.g. a field key under `fields`. */
  label(parent: string, key: string): Message | null;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const JSON_LIST = /^\[.*\]$/;

function describeValue(key: string, value: unknown, language: 'zh' | 'en', names: SummaryNames | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => describeValue(key, v, language, names)).join(language === 'zh' ? '、' : ', ');
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'object') {
    const inner = describeSummary(value as Record<string, unknown>, language, names, key);
    return language === 'zh' ? `（${inner}）` : `(${inner})`;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const named = (key === 'reason' ? reasonLabels : valueLabels[key])?.[String(value)] ?? names?.value(key, value);
    if (named) return named[language];
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  // A moment in the trail is shown in the workstation's local time.
  if (ISO_TIME.test(value)) return formatLocalDateTime(new Date(value));
  // A list kept as JSON text (a customer's phones) is shown as a list.
  if (JSON_LIST.test(value)) {
    try {
      const list = JSON.parse(value) as unknown;
      if (Array.isArray(list)) return describeValue(key, list, language, names);
    } catch {
      // not a list after all: shown as recorded
    }
  }
  return value;
}

/**
 * An event's summary in words: 题名：…；密级：机密 – keys by their labels, codes by their names,
 * moments in local time. `names` adds what only the archive knows; unknown keys appear as recorded.
 */
export function describeSummary(summary: Record<string, unknown> | null, language: 'zh' | 'en' = 'zh', names?: SummaryNames, parent?: string): string {
  if (!summary) return '';
  return Object.entries(summary)
    .map(([key, value]) => {
      const label = (parent ? names?.label(parent, key) : null) ?? summaryKeyLabels[key] ?? null;
      return `${label?.[language] ?? key}${language === 'zh' ? '：' : ': '}${describeValue(key, value, language, names)}`;
    })
    .join(language === 'zh' ? '；' : '; ');
}
