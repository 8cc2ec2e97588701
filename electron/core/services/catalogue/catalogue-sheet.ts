import { startSheet, type SheetColumn } from '../../fs/xlsx-sheet';
import type { CatalogueDocument, CatalogueHeading } from '../../pdf/dossier-catalogue';

/**
 * The catalogue as an Excel sheet: the same rows as the printed one; the list in words and who
 * exported it above the table; when classified dossiers are listed, the watermark of the export
 * as the header of every printed page and as a closing line.
 */
export function startCatalogueSheet(columns: readonly SheetColumn[], heading: CatalogueHeading): CatalogueDocument {
  const sheet = startSheet({
    sheetName: '案卷目录',
    title: '案卷目录',
    lines: [`范围：${heading.list}`, `导出：${heading.printedBy}，${heading.printedAt}`],
    columns,
    creator: heading.printedBy,
  });
  return {
    add: (rows) => rows.forEach((row) => sheet.row(row)),
    finish: (end) => {
      const stamp = end.watermark ? `${end.marking ? `${end.marking} ` : ''}内部资料，严禁外传 ${end.watermark}` : null;
      return Promise.resolve(
        sheet.finish({
          lines: [end.rows === 0 ? '没有符合条件的档案。' : `本目录共 ${end.rows} 份档案。`, ...(stamp ? [`含涉密档案。${stamp}`] : [])],
          pageHeader: stamp,
          subject: `案卷目录：${heading.list}`,
          keywords: stamp ?? '',
        }),
      );
    },
  };
}
