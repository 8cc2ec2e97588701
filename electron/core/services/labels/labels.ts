import type { ExportFile } from '../../../../shared/contract';
import { retentionLabel } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';
import { labelSheet } from '../../../../shared/label-sheets';
import { levelLabel } from '../../../../shared/levels';
import type { HandlerContext } from '../../context';
import { printOnThread } from '../../pdf/print-pool';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { toDossierDetail } from '../dossiers/dossier-dto';
import { definitionOf } from '../dossiers/dossier-summary';

const pdf = (fileName: string, bytes: Uint8Array): ExportFile => ({ fileName, mimeType: 'application/pdf', bytes });

/** The level as labels print it: nothing for the unclassified, the level's label (e.g. 秘密) otherwise. */
function printedLevel(ctx: HandlerContext, level: number): string | null {
  const { levels, levelLabelling } = ctx.session().settings;
  return levels[level]?.classified ? levelLabel(levels, level, levelLabelling) : null;
}

/** Labels for dossiers the reader sees, in the order asked; one not seen is NOT_FOUND like any other. */
export async function printLabels(ctx: HandlerContext, input: { archiveNumbers: string[]; sheet: string; startAt: number }): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const sheet = labelSheet(input.sheet);
  const labels = input.archiveNumbers.map((archiveNumber) => {
    const dossier = toDossierDetail(db, requireVisibleDossier(db, session, archiveNumber), session);
    return {
      archiveNumber: dossier.archiveNumber,
      title: dossier.title,
      levelLabel: printedLevel(ctx, dossier.level),
      retentionLabel: dossier.retention ? retentionLabel(dossier.retention) : null,
      dateOpened: dossier.openedOn ?? dossier.createdAt.slice(0, 10),
      location: dossier.location?.path ?? null,
    };
  });
  const bytes = await printOnThread({ kind: 'labels', input: { sheet: sheet.id, labels, startAt: input.startAt } });
  return pdf(`档案标签-${sheet.id}-${labels.length === 1 ? (labels[0]?.archiveNumber ?? '') : `${labels.length}份`}.pdf`, bytes);
}

/** Scan cover sheets: the dossier's own, or one per checklist item asked for. */
export async function printCoverSheets(ctx: HandlerContext, input: { archiveNumber: string; checklistItems: 'all' | string[] }): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const record = requireVisibleDossier(db, session, input.archiveNumber);
  const checklist = definitionOf(db, record)?.checklist ?? [];
  const wanted = input.checklistItems === 'all' ? checklist.map((item) => item.key) : input.checklistItems;
  const items = wanted.map((key) => {
    const item = checklist.find((c) => c.key === key);
    if (!item) throw new AppError('VALIDATION', { zh: `此档案的清单中没有“${key}”`, en: `The dossier’s checklist has no item "${key}"` });
    return { key: item.key, name: item.name };
  });
  const base = { archiveNumber: record.archiveNumber, title: record.title, levelLabel: printedLevel(ctx, record.level) };
  const sheets = items.length > 0 ? items.map((checklistItem) => ({ ...base, checklistItem })) : [{ ...base, checklistItem: null }];
  return pdf(`扫描封面-${record.archiveNumber}.pdf`, await printOnThread({ kind: 'cover-sheets', sheets }));
}

export async function printSeparatorSheet(): Promise<ExportFile> {
  return pdf('分隔页.pdf', await printOnThread({ kind: 'separator' }));
}
