import { z } from 'zod';
import { bilingual } from './validation';

/**
 * How long a department has to hand a dossier of a type over to the archive (IN-02…IN-13): so
 * many working days after the day in one of the type's date fields (the trigger date). A type
 * without an entry has no deadline.
 */
export const intakeDeadlineSchema = z.strictObject({
  /** The key of the type's date field the deadline runs from; null: the date is given at each hand-over. */
  triggerField: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/, bilingual('起算日期字段应为档案类型的字段键名', 'The trigger field is a field key of the dossier type'))
    .max(40)
    .nullable(),
  workdays: z.number().int().min(0, bilingual('期限不能为负', 'A deadline cannot be negative')).max(60, bilingual('期限最多 60 个工作日', 'A deadline is at most 60 working days')),
});
export type IntakeDeadline = z.infer<typeof intakeDeadlineSchema>;

export const intakeDeadlinesSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, bilingual('档案类型标识只能用小写字母、数字和连字符', 'Type ids use lower-case letters, digits and hyphens')),
  intakeDeadlineSchema,
);
export type IntakeDeadlines = z.infer<typeof intakeDeadlinesSchema>;

/** The rules' deadlines for the shipped types, from their date fields. */
export const defaultIntakeDeadlines: IntakeDeadlines = {
  // IN-02: sales hand the new-vehicle dossier over within 3 working days of delivery.
  'vehicle-new': { triggerField: 'deliveryDate', workdays: 3 },
  // IN-03: service within 1 working day; the after-sales type's own date is the day the vehicle came in.
  'vehicle-service': { triggerField: 'serviceDate', workdays: 1 },
  // IN-04: the property file within 5 working days of the subscription (认购书).
  property: { triggerField: 'subscriptionDate', workdays: 5 },
  // IN-13: a new customer is filed within 5 working days of the first contact – a date the type does not keep, so it is given at the hand-over.
  'customer-org': { triggerField: null, workdays: 5 },
};
