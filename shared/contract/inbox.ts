import { z } from 'zod';
import type { Message } from '../errors';
import { archiveNumberSchema } from './dossier';
import { MAX_SCANS_PER_FILING, type ScanFiling, type ScanMediaType } from './scan';
import { mutation, query, returns } from './define';

/** What a file's first page says, read from its QR code: a scan cover sheet (the pages after it go there) or a separator sheet. */
export type InboxSheet = { kind: 'cover'; archiveNumber: string; checklistItemKey: string | null } | { kind: 'separator' };

/** A complete file in the scanner's output folder. */
export interface InboxEntry {
  name: string;
  size: number;
  modifiedAt: string;
  /** `checking`: being looked at; `scan`: can be filed; `refused`: not a scan (or damaged, too large) – it can only be discarded. */
  state: 'checking' | 'scan' | 'refused';
  mediaType: ScanMediaType | null;
  pages: number | null;
  /** Why it cannot be filed (state `refused`). */
  reason: Message | null;
  sheet: InboxSheet | null;
  /** The checklist item a cover sheet names, by its names; null when it names none, or a dossier the user may not see. */
  coverItem: { name: string; nameEn: string | null } | null;
  /** This very content is filed already (a filing that could not take the file out of the folder): where. */
  filedOn: { archiveNumber: string; documentId: number; documentTitle: string } | null;
}

export interface ScanInboxView {
  /** The watched folder; '' when none is set. */
  folder: string;
  /** Why the folder cannot be watched now (gone, not reachable), or null. */
  problem: Message | null;
  entries: InboxEntry[];
}

/** What a filing from the inbox did. */
export interface InboxFiling {
  /** Each filing made, as scan:add reports it. */
  filings: ScanFiling[];
  /** Files whose content was on the target already: not filed again, only taken out of the folder. */
  alreadyFiled: { name: string; archiveNumber: string; documentTitle: string }[];
  /** Cover and separator sheets used (not filed; taken out of the folder with their batch). */
  sheets: string[];
  /** Files left in the folder, each with why (before any cover, not a scan, a batch refused, a move that failed, the scanner still writing). */
  left: { name: string; reason: Message }[];
  /** Files another program filing the same folder (the app, the command line) took first: not filed here. */
  taken: string[];
}

const names = z.array(z.string().min(1).max(255)).min(1).max(MAX_SCANS_PER_FILING);

export const inboxContract = {
  /**
   * The scan inbox: the complete files in the scanner's output folder (a file still being written
   * is not listed), in name order, each with its kind, pages and cover or separator code. The folder
   * is watched from the first call of a session until it ends. `settle`: first wait until the
   * folder's files have had their stability window and have all been looked at (a one-shot caller).
   */
  'inbox:list': query({
    access: 'dossier.edit',
    input: z.strictObject({ settle: z.boolean().default(false) }),
    output: returns<ScanInboxView>(),
  }),
  /**
   * The checklist items of a dossier the files may be filed onto, by its number as typed – read
   * from its type without opening it, so no view of a classified dossier is recorded.
   */
  'inbox:checklist': query({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<{ key: string; name: string; nameEn: string | null }[]>(),
  }),
  /** A file's first page as a thumbnail (at most 240 px), drawn in memory: never written to disk. */
  'inbox:thumbnail': query({
    access: 'dossier.edit',
    input: z.strictObject({ name: z.string().min(1).max(255) }),
    output: returns<{ mimeType: 'image/jpeg'; bytes: Uint8Array; width: number; height: number }>(),
  }),
  /**
   * Files the named files onto a dossier – onto a checklist item's document, a given document, or
   * as one new document – exactly as scan:add does; cover and separator sheets among them are not
   * filed. Once filed, the files leave the folder (removed or moved, as set). A file whose content
   * is on the target already is not filed again.
   */
  'inbox:file': mutation({
    access: 'dossier.edit',
    writesWhenDue: true,
    input: z
      .strictObject({ names, archiveNumber: archiveNumberSchema, checklistItem: z.string().max(40).optional(), documentId: z.number().int().min(1).optional() })
      .refine((input) => !(input.documentId && input.checklistItem), { path: ['checklistItem'], message: '请选择一个卷内文件或一个清单项，二者择一 / Either a document or a checklist item, not both' }),
    output: returns<InboxFiling>(),
  }),
  /**
   * Files the whole inbox by its cover sheets, in name order: a cover sets the dossier (and
   * checklist item) of the files after it, a separator starts the next document of the same; files
   * before any cover stay.
   */
  'inbox:auto-file': mutation({
    access: 'dossier.edit',
    writesWhenDue: true,
    input: z.strictObject({}),
    output: returns<InboxFiling>(),
  }),
  /** Removes files from the folder that are not to be filed (a misfeed, a file that is not a scan); recorded in the audit trail. */
  'inbox:discard': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ names }),
    output: returns<{ discarded: string[] }>(),
  }),
};
