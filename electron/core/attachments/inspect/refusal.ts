import { AppError, type Message } from '../../../../shared/errors';

/**
 * Why a file is not a scan the archive can keep. The checks throw it without knowing the file's
 * name; `refuseScan` turns it into the error the user sees.
 */
export class ScanRefusal extends Error {
  readonly reason: Message;

  constructor(reason: Message) {
    super(reason.en);
    this.name = 'ScanRefusal';
    this.reason = reason;
  }
}

const supportedTypes = 'JPEG、PNG、TIFF、PDF、HEIC';
const supportedTypesEn = 'JPEG, PNG, TIFF, PDF, HEIC';
const resaveHint = { zh: '请用生成它的程序重新保存或重新扫描后再上传', en: 're-save it in the program that made it, or scan it again, then upload it' };

export const refusals = {
  empty: (): Message => ({ zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' }),

  tooManyPixels: (width: number, height: number): Message => ({
    zh: `图像过大（${width}×${height} 像素，上限 8000 万像素，约 A3 幅面 600 dpi），请降低扫描分辨率`,
    en: `it is too large an image (${width} × ${height} pixels; at most 80 million, about A3 at 600 dpi); scan at a lower resolution`,
  }),

  notAScan: (looksLike?: Message): Message => ({
    zh: `不是支持的扫描件类型${looksLike ? `（看起来是${looksLike.zh}）` : ''}；支持的类型：${supportedTypes}`,
    en: `it is not a supported scan type${looksLike ? ` (it looks like ${looksLike.en})` : ''}; supported types: ${supportedTypesEn}`,
  }),

  /** A phone photo cannot be scanned again: the hint is to copy it from the phone again. */
  damagedPhoto: (detail: Message): Message => ({
    zh: `HEIC 照片已损坏（${detail.zh}），请从手机重新导出后再上传`,
    en: `the HEIC photo is damaged (${detail.en}); copy it from the phone again, then upload it`,
  }),

  unsupportedHeif: (coding: string): Message => ({
    zh: `HEIF 照片的编码方式（${coding}）不受支持，请在手机上设置为“兼容性最佳”或转换为 JPEG 后再上传`,
    en: `the HEIF photo is coded as "${coding}", which is not supported; set the phone camera to "Most Compatible" or convert the photo to JPEG, then upload it`,
  }),

  truncated: (format: string): Message => ({
    zh: `${format} 文件不完整（可能在传输中被截断），请重新复制或重新扫描`,
    en: `the ${format} file is incomplete (it may have been cut short in transfer); copy or scan it again`,
  }),

  damaged: (format: string, detail: Message): Message => ({
    zh: `${format} 文件已损坏（${detail.zh}），请重新扫描`,
    en: `the ${format} file is damaged (${detail.en}); scan it again`,
  }),

  brokenXref: (detail: Message): Message => ({
    zh: `PDF 文件的交叉引用表损坏（${detail.zh}），${resaveHint.zh}`,
    en: `the PDF file's cross-reference table is damaged (${detail.en}); ${resaveHint.en}`,
  }),

  unreadablePdfPages: (): Message => ({
    zh: `PDF 文件已损坏（无法读取页面），${resaveHint.zh}`,
    en: `the PDF file is damaged (its pages cannot be read); ${resaveHint.en}`,
  }),

  encryptedPdf: (): Message => ({
    zh: 'PDF 文件受密码保护（已加密），不能归档；请去除密码保护后再上传',
    en: 'the PDF file is password-protected (encrypted) and cannot be filed; remove the password, then upload it',
  }),

  pdfWithoutPages: (): Message => ({ zh: 'PDF 文件没有页面', en: 'the PDF file has no pages' }),
};

/** The user's error for a refused file: names the file and the reason; the reason alone is its issue, keyed by the file's name. */
export function refuseScan(name: string, reason: Message): AppError {
  return new AppError(
    'VALIDATION',
    { zh: `“${name}”不能作为扫描件保存：${reason.zh}`, en: `"${name}" cannot be stored as a scan: ${reason.en}` },
    { issues: [{ path: name, message: reason.zh, messageEn: reason.en }] },
  );
}
