import { z } from 'zod';
import { mutation, returns } from './define';
import { dossierContract } from './dossier';
import type { ExportFile } from './export-file';

export const catalogueFormats = ['xlsx', 'pdf'] as const;
export type CatalogueFormat = (typeof catalogueFormats)[number];

/**
 * The most dossiers one export lists (measured on two cores: a sheet of 200,000 dossiers takes
 * about 7 s of CPU and 11 MB; a printed catalogue of 20,000 about 10 s and 740 pages). A sheet
 * holds an archive of that size with room to spare, the file still one reasonable message; a
 * printed catalogue beyond 20,000 dossiers is no longer something to print and its making
 * would hold the core for minutes – narrow the list, or take the sheet.
 */
export const CATALOGUE_MAX_ROWS: Record<CatalogueFormat, number> = { xlsx: 500_000, pdf: 20_000 };

/** The same list as `dossier:list` shows – search, filters, order – without its paging. */
export const catalogueListSchema = dossierContract['dossier:list'].input.omit({ cursor: true, limit: true });
export type CatalogueList = z.infer<typeof catalogueListSchema>;

export const catalogueContract = {
  /**
   * The dossier list as an Excel sheet or a printable catalogue (案卷目录, PDF): only dossiers
   * the caller may see, marked levels in the remark column (CF-01), a watermark of who exported
   * it when classified dossiers are listed. The export is recorded with the list and its size.
   */
  'dossier:export-list': mutation({
    access: 'dossier.export',
    input: catalogueListSchema.extend({ format: z.enum(catalogueFormats) }),
    output: returns<ExportFile>(),
  }),
};
