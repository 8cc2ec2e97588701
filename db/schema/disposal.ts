import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { appraisalDecisions, destructionMethods } from '../../shared/disposal';
import { dossiers } from './dossiers';
import { scanFiles } from './scans';
import { users } from './users';

/**
 * The appraisal register (鉴定): the committee's decision on an expired dossier – destroy, keep
 * longer (with the new retention) or transfer. Append-only: a later decision on the same dossier
 * is an entry of its own and the latest one counts.
 */
export const appraisals = sqliteTable(
  'appraisals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    decision: text('decision', { enum: appraisalDecisions }).notNull(),
    reason: text('reason').notNull(),
    /** The members of the appraisal committee (鉴定小组), as written on the record. */
    committee: text('committee').notNull(),
    /** Retention (JSON) before the decision, and – keep longer – after it. */
    retentionBefore: text('retention_before').notNull(),
    retentionAfter: text('retention_after'),
    /** Transfer: to whom (an archive, the company's head office …). */
    transferTo: text('transfer_to'),
    decidedBy: integer('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [index('appraisals_dossier_idx').on(t.dossierId, t.id)],
);

/** The destruction list (销毁清册): numbered XH-yyyy-nnn, its method and the approvers it goes to, in turn. */
export const destructionLists = sqliteTable(
  'destruction_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    method: text('method', { enum: destructionMethods }).notNull(),
    /** JSON: the approval steps ({role}) in order, as configured when the list was made. */
    route: text('route').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('destruction_lists_number_unique').on(t.number)],
);

/** A dossier on a list, as it stood when listed: what the printed list shows. */
export const destructionListItems = sqliteTable(
  'destruction_list_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listId: integer('list_id')
      .notNull()
      .references(() => destructionLists.id),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    appraisalId: integer('appraisal_id')
      .notNull()
      .references(() => appraisals.id),
    archiveNumber: text('archive_number').notNull(),
    title: text('title').notNull(),
    /** The retention the dossier had (JSON). */
    retention: text('retention').notNull(),
    /** Its retention period: from the type's trigger day (opened, a date field, the last activity) to the day it ended. */
    periodFrom: text('period_from').notNull(),
    dueOn: text('due_on').notNull(),
    /** Scanned pages at listing time. */
    pages: integer('pages').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [uniqueIndex('destruction_list_items_unique').on(t.listId, t.dossierId), index('destruction_list_items_dossier_idx').on(t.dossierId)],
);

/** Each approver's decision on one step of a list. */
export const destructionApprovals = sqliteTable(
  'destruction_approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listId: integer('list_id')
      .notNull()
      .references(() => destructionLists.id),
    step: integer('step').notNull(),
    approverId: integer('approver_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    comment: text('comment'),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('destruction_approvals_step_unique').on(t.listId, t.step)],
);

/** The destruction carried out: by whom, when, on which day; at most one per list. */
export const destructions = sqliteTable(
  'destructions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listId: integer('list_id')
      .notNull()
      .references(() => destructionLists.id),
    destroyedOn: text('destroyed_on').notNull(),
    carriedOutBy: integer('carried_out_by')
      .notNull()
      .references(() => users.id),
    carriedOutAt: text('carried_out_at').notNull(),
  },
  (t) => [uniqueIndex('destructions_list_unique').on(t.listId)],
);

/** The two witnesses (监销人) of a destruction, each confirmed with their own password. */
export const destructionWitnesses = sqliteTable(
  'destruction_witnesses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    destructionId: integer('destruction_id')
      .notNull()
      .references(() => destructions.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    confirmedAt: text('confirmed_at').notNull(),
  },
  (t) => [uniqueIndex('destruction_witnesses_unique').on(t.destructionId, t.userId)],
);

/**
 * A stored scan file erased by a destruction: verify expects it gone (and names it erased), and the
 * store keeps it no longer – a copy a crash left behind is collected as an orphan.
 */
export const scanErasures = sqliteTable(
  'scan_erasures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileId: integer('file_id')
      .notNull()
      .references(() => scanFiles.id),
    destructionId: integer('destruction_id')
      .notNull()
      .references(() => destructions.id),
  },
  (t) => [uniqueIndex('scan_erasures_unique').on(t.fileId, t.destructionId)],
);
