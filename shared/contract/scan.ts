import { z } from 'zod';
import { archiveNumberSchema } from './dossier';
import type { ExportFile } from './export-file';
import { mutation, query, returns } from './define';

/** The kinds of file a scan may be: told from the bytes, never the name. */
export const scanMediaTypes = ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf', 'image/heic'] as const;
export type ScanMediaType = (typeof scanMediaTypes)[number];

/** One scanned page of a document, in its place. */
export interface ScanPageView {
  id: number;
  /** Order within the document (1, 2, 3 …). */
  position: number;
  /** Clockwise degrees the page is shown turned (0, 90, 180, 270). */
  rotation: number;
  /** The file's own name when it was filed, and which of its pages this is (0 for a single image). */
  sourceName: string;
  pageInFile: number;
  mediaType: ScanMediaType;
  addedAt: string;
}

/** A document (卷内文件) with its scanned pages. */
export interface DocumentScans {
  documentId: number;
  title: string;
  checklistItem: string | null;
  level: number;
  pages: ScanPageView[];
}

/** A dossier's documents the reader may see, each with its scanned pages in order. */
export interface DossierScans {
  archiveNumber: string;
  documents: DocumentScans[];
}

/** How large a page image is made: a thumbnail for the strips, a view for the viewer. */
export const scanImageSizes = ['thumbnail', 'view'] as const;
export type ScanImageSize = (typeof scanImageSizes)[number];

/** A page drawn as an image (a PDF page rendered, a TIFF page decoded, a photo scaled), unturned: `rotation` says how to show it. */
export interface ScanPageImage {
  pageId: number;
  mimeType: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  width: number;
  height: number;
  rotation: number;
}

/** As many files as one filing takes: a scanned batch of a few hundred pages comes in batches. */
export const MAX_SCANS_PER_FILING = 200;

const pageIds = z.array(z.number().int().min(1)).min(1).max(2000);

/** What one filing did. */
export interface ScanFiling {
  archiveNumber: string;
  /** The documents that received pages (a new one per file when filed onto the dossier itself). */
  documents: { id: number; title: string; pagesAdded: number; created: boolean }[];
  files: {
    name: string;
    mediaType: ScanMediaType;
    pages: number;
    /** `duplicate`: the same content was stored before and is filed again without a second copy. */
    stored: 'new' | 'duplicate';
  }[];
}

export const scanContract = {
  /**
   * Files staged scans (JPEG, PNG, TIFF, PDF, phone photos in HEIC) onto a dossier: onto an
   * existing document, onto the document of a checklist item (opened if there is none), onto one
   * new document of the title given, or – none of these – each file as a document of its own,
   * titled by its name. Every file is checked before any is stored: one bad
   * file files none.
   */
  'scan:add': mutation({
    access: 'dossier.edit',
    input: z
      .strictObject({
        archiveNumber: archiveNumberSchema,
        stagedFileIds: z.array(z.uuid()).min(1).max(MAX_SCANS_PER_FILING),
        documentId: z.number().int().min(1).optional(),
        checklistItem: z.string().max(40).optional(),
        /** Onto the dossier itself: one new document of this title receives every file's pages (a camera's pages of one paper). */
        title: z.string().trim().min(1).max(200).optional(),
      })
      .refine((input) => !(input.documentId && input.checklistItem), { path: ['checklistItem'], message: '请选择一个卷内文件或一个清单项，二者择一 / Either a document or a checklist item, not both' })
      .refine((input) => !(input.title && (input.documentId || input.checklistItem)), { path: ['title'], message: '题名只用于归入档案本身的新卷内文件 / A title is only for a new document filed onto the dossier itself' }),
    output: returns<ScanFiling>(),
  }),
  /** The dossier's documents the reader may see, each with its scanned pages in order. */
  'scan:list': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<DossierScans>(),
  }),
  /**
   * A page as an image, made on a worker thread and kept encrypted for the next time (thumbnail:
   * at most 240 px on its long side; view: at most 2000 px). Opening the view of a page of a
   * classified document is recorded in the audit trail; thumbnails are not.
   */
  'scan:page-image': mutation({
    access: 'dossier.read',
    writesWhenDue: true,
    input: z.strictObject({ pageId: z.number().int().min(1), size: z.enum(scanImageSizes) }),
    output: returns<ScanPageImage>(),
  }),
  /** Shows a page turned (stored as metadata; the file is never changed). */
  'scan:rotate': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ pageId: z.number().int().min(1), rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) }),
    output: returns<DossierScans>(),
  }),
  /** New order of one document's pages (all of them, each once). */
  'scan:reorder': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ documentId: z.number().int().min(1), order: pageIds }),
    output: returns<DossierScans>(),
  }),
  /** Moves pages to the end of another document of the same dossier, in the order given. */
  'scan:move': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ pageIds, toDocumentId: z.number().int().min(1) }),
    output: returns<DossierScans>(),
  }),
  /** Takes pages out of their document (marked, with the reason, audited); the files stay until disposal. */
  'scan:remove': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ pageIds, reason: z.string().trim().min(1).max(200) }),
    output: returns<DossierScans>(),
  }),
  /**
   * The file a page comes from, decrypted in memory and checked (a damaged file is reported, never
   * served). Opening a scan of a classified dossier is recorded in the audit trail.
   */
  'scan:file': mutation({
    access: 'dossier.read',
    // Writes only the audit event of a classified page; an ordinary page is read without a write.
    writesWhenDue: true,
    input: z.strictObject({ pageId: z.number().int().min(1) }),
    output: returns<ExportFile & { pageInFile: number; rotation: number }>(),
  }),
};
