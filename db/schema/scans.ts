import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { documents } from './documents';
import { users } from './users';

/**
 * Files in the encrypted scan store (electron/core/attachments/file-store.ts), one row per
 * distinct content: a file filed twice is stored once. Originals are never changed; page images
 * and thumbnails are rows of their own, derived from an original.
 */
export const scanFiles = sqliteTable(
  'scan_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The keyed hash of the content (hex): the stored file's name. */
    address: text('address').notNull(),
    /** Bytes of plaintext. */
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    pages: integer('pages').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** The original this file was made from (a page image, a thumbnail); null for an original. */
    derivedFrom: integer('derived_from').references((): AnySQLiteColumn => scanFiles.id),
    /** What was derived, e.g. `thumbnail:3` (page 3's thumbnail); null for an original. */
    derivation: text('derivation'),
    storedAt: text('stored_at').notNull(),
    storedBy: integer('stored_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('scan_files_address_unique').on(t.address), uniqueIndex('scan_files_derivation_unique').on(t.derivedFrom, t.derivation)],
);

/**
 * The scanned pages of a document (卷内文件), in order: each a page of a stored file. Rotating,
 * reordering and moving a page to another document change this row; removing one only marks it
 * (audited) – the file itself goes only through disposal.
 */
export const scanPages = sqliteTable(
  'scan_pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => scanFiles.id),
    /** The page within the file (0 for a single image; the page of a PDF or multi-page TIFF). */
    pageInFile: integer('page_in_file').notNull(),
    /** Order within the document (1, 2, 3 …). */
    position: integer('position').notNull(),
    /** Clockwise quarter turns shown, in degrees (0, 90, 180, 270); the file is never changed. */
    rotation: integer('rotation').notNull().default(0),
    /** The file's own name when it was filed (e.g. IMG_0012.jpg). */
    sourceName: text('source_name').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    removedAt: text('removed_at'),
    removedBy: integer('removed_by').references(() => users.id),
  },
  (t) => [index('scan_pages_document_idx').on(t.documentId, t.position), index('scan_pages_file_idx').on(t.fileId)],
);
