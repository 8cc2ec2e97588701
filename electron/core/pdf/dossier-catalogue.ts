import { createPdfWriter } from './create-pdf-writer';
import type { Column } from './pdf-writer';

export interface CatalogueHeading {
  /** The list in words: search, filters, order. */
  list: string;
  printedBy: string;
  printedAt: string;
}

export interface CatalogueEnd {
  rows: number;
  /** The highest marked level listed (机密, 绝密), printed on every page; null when none is. */
  marking: string | null;
  /** Who exported it, from which department, when – when classified dossiers are listed. */
  watermark: string | null;
}

export interface CatalogueDocument {
  add(rows: readonly (readonly string[])[]): void;
  finish(end: CatalogueEnd): Promise<Uint8Array>;
}

/**
 * The printed catalogue (案卷目录): A4 landscape, the list in words and who printed it when
 * under the title, the table's header on every page, 第 N 页 共 M 页. Rows are added in batches as
 * they are read, so a long catalogue is never held as a whole.
 */
export async function startCatalogue(columns: readonly Column[], heading: CatalogueHeading): Promise<CatalogueDocument> {
  const writer = await createPdfWriter(
    { title: '案卷目录', marking: null, notice: '内部资料，严禁外传', watermark: null, landscape: true },
    { author: heading.printedBy, subject: `案卷目录：${heading.list}` },
  );
  writer.heading('案卷目录');
  writer.paragraph(`范围：${heading.list}`, 9);
  writer.paragraph(`打印：${heading.printedBy}，${heading.printedAt}`, 9);
  const table = writer.beginTable(columns);
  return {
    add: (rows) => rows.forEach((row) => table.row(row)),
    finish: (end) => {
      writer.gap(8);
      writer.paragraph(end.rows === 0 ? '没有符合条件的档案。' : `本目录共 ${end.rows} 份档案。`, 9);
      writer.stamp({ marking: end.marking, watermark: end.watermark });
      return writer.save();
    },
  };
}
