import { AppError, type Message } from '../../../../shared/errors';
import type { StableFile } from '../../inbox/folder-watch';
import type { FileAnalysis } from '../../inbox/inbox-file';
import type { ScanInbox } from '../../inbox/scan-inbox';

export type AnalysedFile = StableFile & { analysis: FileAnalysis };

/** The named files of the inbox, each looked at (waiting for that if need be); an unknown name is refused. */
export async function namedFiles(inbox: ScanInbox, names: readonly string[]): Promise<AnalysedFile[]> {
  if (new Set(names).size !== names.length) throw new AppError('VALIDATION', { zh: '同一文件被选择了两次', en: 'The same file was chosen twice' });
  const files: AnalysedFile[] = [];
  for (const name of names) {
    const file = inbox.find(name);
    if (!file) throw new AppError('NOT_FOUND', { zh: `扫描收件箱中没有“${name}”（可能已被归档或移走）`, en: `The scan inbox has no “${name}” (it may have been filed or moved)` });
    files.push({ ...file, analysis: await inbox.analysisOf(file) });
  }
  return files;
}

/** A cover or separator sheet on a page of its own: used, never filed. (One that shares a file with pages is filed as it is when chosen by hand.) */
export function isSheet(file: AnalysedFile): boolean {
  return file.analysis.kind === 'scan' && file.analysis.sheet !== null && file.analysis.pages === 1;
}

export const reasons = {
  beforeCover: { zh: '位于第一张扫描封面之前，未自动归档', en: 'It comes before the first scan cover, so it was not filed' },
  stillWriting: { zh: '扫描仪仍在写入，最后一批稍后归档', en: 'The scanner is still writing; the last batch will be filed later' },
  nothingAfter: { zh: '其后没有页面，暂留在文件夹中', en: 'No pages follow it yet; it stays in the folder' },
  sheetWithPages: {
    zh: '封面/分隔页与其他页面在同一文件中，无法自动拆分：请手动归档，或让扫描仪每页单独保存',
    en: 'The cover or separator shares a file with other pages and cannot be split: file it by hand, or let the scanner save each page as a file',
  },
} satisfies Record<string, Message>;
