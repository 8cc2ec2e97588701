import { inReadSnapshot } from '../../../../db/read-snapshot';
import { CATALOGUE_MAX_ROWS, type CatalogueFormat, type CatalogueList, type ExportFile } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelRemark } from '../../../../shared/levels';
import { fileStamp, formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { startCatalogue } from '../../pdf/dossier-catalogue';
import { walkDossierList } from '../dossiers/walk-dossier-list';
import { exportedBy, watermarkText } from '../exports/watermark';
import { catalogueColumns, catalogueEntry } from './catalogue-rows';
import { startCatalogueSheet } from './catalogue-sheet';
import { describeList } from './describe-list';

/** Rows read per step; between steps the process answers other events (the window stays alive). */
const BATCH = 1000;

const mimeTypes: Record<CatalogueFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

function tooMany(format: CatalogueFormat): AppError {
  const max = CATALOGUE_MAX_ROWS[format];
  return format === 'pdf'
    ? new AppError('LIMIT_EXCEEDED', {
        zh: `打印目录最多 ${max} 份档案：请缩小检索或筛选范围，或导出为 Excel`,
        en: `A printed catalogue lists at most ${max} dossiers: narrow the search or the filters, or export to Excel`,
      })
    : new AppError('LIMIT_EXCEEDED', { zh: `一次最多导出 ${max} 份档案：请缩小检索或筛选范围`, en: `One export lists at most ${max} dossiers: narrow the search or the filters` });
}

/**
 * The dossier list – exactly what `dossier:list` shows the caller, in its order – as an Excel
 * sheet or a printed catalogue (案卷目录). Dossiers the caller may not see are neither listed nor
 * counted. Marked levels (机密, 绝密) are written in the remark column (CF-01) and on every page;
 * when classified dossiers are listed, the file carries the watermark of the export (user,
 * department, time), as a dossier's own export does.
 *
 * No approval is asked for: a catalogue holds the metadata the caller already sees in the list
 * (number, title, type, level, department, dates), never a dossier's fields or documents, which
 * is what the approval of an export guards. The export is recorded with its list and size.
 */
export async function exportCatalogue(ctx: HandlerContext, input: CatalogueList & { format: CatalogueFormat }): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { levels, levelLabelling } = session.settings;
  const { format, ...list } = input;
  const now = ctx.env.now();
  const words = describeList(db, list, levels, levelLabelling);
  const printedBy = exportedBy(session);
  const printedAt = formatLocalDateTime(now);

  const result = await inReadSnapshot(db, async () => {
    const walk = walkDossierList(db, session, list);
    // A search may miss dossiers until the index is rebuilt: a catalogue must not.
    if (walk.searches && session.background?.kind === 'search-index') {
      throw new AppError('CONFLICT', {
        zh: '检索索引正在重建，完成前检索结果可能不全：请稍后再导出，或不带检索词导出',
        en: 'The search index is being rebuilt and searches may miss dossiers until it is done: export later, or without a search',
      });
    }
    if (walk.count(CATALOGUE_MAX_ROWS[format]) > CATALOGUE_MAX_ROWS[format]) throw tooMany(format);
    const out = format === 'pdf' ? await startCatalogue(catalogueColumns, { list: words, printedBy, printedAt }) : startCatalogueSheet(catalogueColumns, { list: words, printedBy, printedAt });
    let rows = 0;
    let classified = 0;
    let highestMarked = -1;
    for (const records of walk.pages(BATCH)) {
      out.add(
        records.map((record) => {
          const entry = catalogueEntry(db, record, ++rows, levels, levelLabelling);
          if (entry.classified) classified += 1;
          if (entry.marking) highestMarked = Math.max(highestMarked, record.level);
          return entry.cells;
        }),
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    const watermark = classified > 0 ? watermarkText(session, now) : null;
    const bytes = await out.finish({ rows, marking: highestMarked >= 0 ? levelRemark(levels, highestMarked) : null, watermark });
    return { bytes, rows, classified, watermark };
  });

  const file: ExportFile = { fileName: `案卷目录-${fileStamp(now)}.${format}`, mimeType: mimeTypes[format], bytes: result.bytes };
  return ctx.write(() => file, {
    action: 'dossier:export-list',
    summary: {
      format,
      list: words,
      ...(list.query ? { query: list.query } : {}),
      filters: list.filters,
      sort: list.sort,
      rows: result.rows,
      classified: result.classified,
      watermarked: result.watermark !== null,
    },
  });
}
