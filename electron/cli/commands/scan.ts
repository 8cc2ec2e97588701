import type { Command } from 'commander';
import { MAX_SCANS_PER_FILING as MAX_FILES, type DocumentScans, type ScanFiling } from '../../../shared/contract';
import { cliError } from '../cli-error';
import type { Run } from '../program';
import { stageFileFromPath } from '../stage-file';

function filingLines(filing: ScanFiling): string {
  const documents = filing.documents.map((d) => `${d.id}\t${d.title}\t+${d.pagesAdded} 页 / pages${d.created ? '\t新建 / new' : ''}`);
  const duplicates = filing.files.filter((f) => f.stored === 'duplicate').length;
  const note = duplicates > 0 ? [`其中 ${duplicates} 个文件与已存的内容相同，未重复存储 / ${duplicates} file(s) had been stored before and were not stored twice`] : [];
  return [...documents, ...note].join('\n');
}

function scanLines(documents: DocumentScans[]): string {
  return documents
    .flatMap((d) => [`${d.documentId}\t${d.title}\t${d.pages.length} 页 / pages`, ...d.pages.map((p) => `  ${p.id}\t${p.position}\t${p.sourceName}${p.pageInFile > 0 || p.mediaType === 'application/pdf' || p.mediaType === 'image/tiff' ? ` #${p.pageInFile + 1}` : ''}\t${p.mediaType}${p.rotation ? `\t↻${p.rotation}°` : ''}`)])
    .join('\n');
}

export function registerScanCommands(program: Command, run: Run): void {
  program
    .command('attach <archive-number> <file...>')
    .description('把扫描件（JPEG、PNG、TIFF、PDF、HEIC 照片）归入档案：归入清单项对应的文件、指定的卷内文件，或每个文件单独成为一份卷内文件 / file scans (JPEG, PNG, TIFF, PDF, HEIC photos) onto a dossier: onto a checklist item’s document, a given document, or each file as a document of its own')
    .option('--item <key>', '清单项（见 type list） / the checklist item')
    .option('--document <id>', '卷内文件编号（见 attachments list） / the document’s number')
    .action(run(async (session, archiveNumber: string, files: string[], options: { item?: string; document?: string }) => {
      if (options.item && options.document) throw cliError('VALIDATION', '--item 与 --document 二者择一', 'Either --item or --document, not both');
      const documentId = options.document === undefined ? undefined : Number(options.document);
      if (documentId !== undefined && (!Number.isInteger(documentId) || documentId < 1)) throw cliError('VALIDATION', `卷内文件编号应为正整数：“${options.document ?? ''}”`, `A document number is a positive whole number: "${options.document ?? ''}"`);
      if (files.length > MAX_FILES) throw cliError('VALIDATION', `一次最多归档 ${MAX_FILES} 个文件，请分批`, `At most ${MAX_FILES} files are filed at once; file them in batches`);
      await session.signIn();
      const staged = [];
      for (const file of files) staged.push(await stageFileFromPath(session, file, 'scan'));
      const filing = await session.call('scan:add', {
        archiveNumber,
        stagedFileIds: staged.map((s) => s.stagedFileId),
        ...(options.item ? { checklistItem: options.item } : {}),
        ...(documentId ? { documentId } : {}),
      });
      session.print(filingLines(filing), filing);
    }));

  program
    .command('attachments')
    .description('扫描件 / scans')
    .command('list <archive-number>')
    .description('列出档案的卷内文件及其扫描页 / list a dossier’s documents with their scanned pages')
    .action(run(async (session, archiveNumber: string) => {
      await session.signIn();
      const scans = await session.call('scan:list', { archiveNumber });
      session.print(scanLines(scans.documents), scans);
    }));
}
