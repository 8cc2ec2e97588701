/**
 * The closed set of error codes every front door reports. The UI and scripts branch on the code,
 * never on the message text. Messages always come in Chinese (primary) and English.
 */
export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'WRONG_PASSWORD',
  /** Signed in, but the password must be changed before anything else (first sign-in, reset). */
  'PASSWORD_CHANGE_REQUIRED',
  /** The action needs an approval record first (copying, excerpting, exporting classified dossiers). */
  'APPROVAL_REQUIRED',
  /** The data key opened by a key slot does not open this database (slot file and database do not belong together). */
  'WRONG_KEY',
  'ARCHIVE_NOT_FOUND',
  'ARCHIVE_TOO_NEW',
  'ARCHIVE_INCOMPLETE',
  'ARCHIVE_DAMAGED',
  /** The database is older than the state it was last known to have reached (a lost -wal, an old copy put back). */
  'ARCHIVE_ROLLED_BACK',
  /** A key slot that does not match the record kept in the database (an old or altered keyslots.json). */
  'KEY_SLOT_STALE',
  /** The data folder cannot be written: reading works, every write is refused. */
  'READ_ONLY',
  /** The disk is full: nothing was written. */
  'DISK_FULL',
  /** Another program (an import) holds the archive for writing. */
  'ARCHIVE_BUSY',
  /** A file's staged copy (kept encrypted in the data folder while it is used, e.g. imported) fails its check: the archive itself is whole. */
  'STAGED_FILE_DAMAGED',
  /** A stored scan fails its check (its tag, its content address, or it is missing): it is reported, never served. */
  'SCAN_DAMAGED',
  /** A long operation (an import) was cancelled by the user; nothing was written. */
  'CANCELLED',
  /** More than one operation handles at once (a printed catalogue of too many dossiers): narrow it down. */
  'LIMIT_EXCEEDED',
  /** The dossier is under legal hold (诉讼保全): it cannot be appraised, disposed of or have pages removed until the hold is lifted. */
  'LEGAL_HOLD',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface Message {
  zh: string;
  en: string;
}

export interface ErrorIssue {
  path: string;
  message: string;
  messageEn: string;
}

export interface ErrorPayload {
  code: ErrorCode;
  /** Simplified Chinese. */
  message: string;
  messageEn: string;
  /** Field-level problems, for VALIDATION. */
  issues?: ErrorIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

const defaultMessages: Record<ErrorCode, Message> = {
  VALIDATION: { zh: '输入无效', en: 'Invalid input' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  CONFLICT: { zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  LOCKED: { zh: '账户已锁定', en: 'The account is locked' },
  WRONG_PASSWORD: { zh: '用户名或密码错误', en: 'Wrong user name or password' },
  PASSWORD_CHANGE_REQUIRED: { zh: '请先修改密码', en: 'Please change your password first' },
  APPROVAL_REQUIRED: { zh: '此操作需要审批', en: 'This action needs an approval' },
  CANCELLED: { zh: '已取消，未写入任何数据', en: 'Cancelled; nothing was written' },
  LIMIT_EXCEEDED: { zh: '超出一次可处理的数量，请缩小范围', en: 'More than can be handled at once; narrow it down' },
  LEGAL_HOLD: { zh: '档案处于诉讼保全中，解除保全之前不能鉴定、销毁或移除页面', en: 'The dossier is under legal hold: it cannot be appraised, destroyed or have pages removed until the hold is lifted' },
  WRONG_KEY: {
    zh: '密钥与数据库不匹配：密钥槽文件与数据库不属于同一档案库（数据未被修改）',
    en: 'The key does not open this database: the key slot file and the database belong to different archives (nothing was changed)',
  },
  ARCHIVE_NOT_FOUND: { zh: '数据文件夹中没有档案库', en: 'There is no archive in the data folder' },
  ARCHIVE_TOO_NEW: {
    zh: '档案库由更新版本的程序写入，请升级本程序后再打开',
    en: 'The archive was written by a newer version of the program; upgrade before opening it',
  },
  ARCHIVE_INCOMPLETE: {
    zh: '档案库不完整：有数据库但缺少密钥槽文件',
    en: 'The archive is incomplete: the database exists but the key slot file is missing',
  },
  ARCHIVE_DAMAGED: {
    zh: '档案库文件已损坏：在运行“校验”并修复之前不能写入',
    en: 'The archive files are damaged: nothing can be written until verify has run and the damage is repaired',
  },
  ARCHIVE_ROLLED_BACK: {
    zh: '档案库已回退到较早的状态（数据库文件缺失了已保存的内容），在处理之前不能写入',
    en: 'The archive has been rolled back to an earlier state (saved work is missing from the database); nothing can be written until this is resolved',
  },
  KEY_SLOT_STALE: {
    zh: '此用户的密钥槽与档案库中的记录不符（密钥槽文件被修改或从旧副本恢复），未计入错误次数，请联系管理员',
    en: "This user's key slot does not match the archive's record (the key slot file was altered or restored from an old copy); not counted as a wrong password – contact an administrator",
  },
  READ_ONLY: { zh: '数据文件夹为只读，只能查看，不能写入', en: 'The data folder is read-only: you can look, but nothing can be written' },
  DISK_FULL: { zh: '磁盘已满，未写入任何内容', en: 'The disk is full; nothing was written' },
  ARCHIVE_BUSY: { zh: '另一程序正在写入档案库（导入），请稍后再试', en: 'Another program is writing to the archive (an import); try again shortly' },
  STAGED_FILE_DAMAGED: {
    zh: '上传的文件副本已损坏（档案库未受影响），请重新选择并上传文件',
    en: 'The uploaded copy of the file is damaged (the archive is not affected); choose and upload the file again',
  },
  SCAN_DAMAGED: {
    zh: '扫描件已损坏或缺失，不能打开；请运行校验（verify）并从备份恢复',
    en: 'The scan is damaged or missing and cannot be opened; run verify and restore it from a backup',
  },
  INTERNAL: { zh: '内部错误', en: 'Internal error' },
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message?: Message, options?: { issues?: ErrorIssue[]; cause?: unknown }) {
    const text = message ?? defaultMessages[code];
    super(text.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageZh = text.zh;
    this.messageEn = text.en;
    this.issues = options?.issues;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.messageZh, messageEn: this.messageEn };
    if (this.issues) payload.issues = this.issues;
    return payload;
  }
}

/** An envelope's data, or its error thrown again as an AppError (for callers of the core in the same process). */
export function dataOf<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  const { code, message, messageEn, issues } = envelope.error;
  throw new AppError(code, { zh: message, en: messageEn }, issues ? { issues } : undefined);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** One line, both languages: what the CLI prints. Validation messages already name their fields. */
export function formatErrorLine(error: ErrorPayload): string {
  return `${error.code}: ${error.message} / ${error.messageEn}`;
}

/** An unexpected failure for a log line: its stack when it has one (never shown to users). */
export function describeUnexpected(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
