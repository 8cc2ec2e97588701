import type { TypeDefinition } from '../../../../shared/dossier-types';
import { ARCHIVE_NUMBER_LABEL, searchPartsOf } from '../search/dossier-search-parts';
import { normaliseForSearch } from '../search/normalise';
import { PART_MARKS, searchText, tokensOfText } from '../search/search-entry';
import { uniqueValuesOf } from '../dossiers/dossier-rules';
import type { CheckedRow, ImportDepartment } from './check-rows';
import type { CustomerPlan, ImportCustomerPlanner } from './import-customer-plan';

/**
 * A checked row made ready to write: everything but its archive number (given out in the
 * writing transaction), with the search text and tokens of all its other parts.
 */
export interface PreparedRow {
  line: number;
  givenNumber: string | null;
  numbering: { text: string; hasSequence: boolean };
  title: string;
  fieldsJson: string;
  classification: string | null;
  openedOn: string | null;
  remarks: string | null;
  department: ImportDepartment;
  /** Its unique fields' values (VINs), recorded with it. */
  uniqueValues: { fieldKey: string; value: string }[];
  /** Whose dossier it is: a customer on file, an earlier row's, or a new one (ImportCustomerPlanner). */
  customer: CustomerPlan | null;
  /** The search text without the archive number, and its tokens. */
  text: string;
  tokens: string;
}

export function prepareRow(row: CheckedRow, definition: TypeDefinition, customers: ImportCustomerPlanner): PreparedRow {
  const parts = searchPartsOf({ archiveNumber: '', title: row.title, definition, fields: row.fields, documentTitles: [] }).filter((part) => part.label !== ARCHIVE_NUMBER_LABEL);
  const text = searchText(parts);
  return {
    line: row.line,
    givenNumber: row.givenNumber,
    numbering: row.numbering,
    title: row.title,
    fieldsJson: JSON.stringify(row.fields),
    classification: row.classification,
    openedOn: row.openedOn,
    remarks: row.remarks,
    department: row.department,
    uniqueValues: uniqueValuesOf(definition, row.fields),
    customer: customers.plan(row.line, row.fields),
    text,
    // Each token once: a name, a plate or the type's name stand in the title too. Done here, on
    // the worker's thread, it spares the thread that writes the index an eighth of its tokenising.
    tokens: [...new Set(tokensOfText(text).split(' '))].join(' '),
  };
}

/** The row's search text and tokens with its archive number added (as searchEntry would make them). */
export function numberedSearchEntry(archiveNumber: string, row: Pick<PreparedRow, 'text' | 'tokens'>): { text: string; tokens: string } {
  const number = normaliseForSearch(archiveNumber);
  if (!number) return { text: row.text, tokens: row.tokens };
  const numbered = `${PART_MARKS.number}${number}`;
  return { text: row.text ? `${numbered} ${row.text}` : numbered, tokens: `${tokensOfText(numbered)} ${row.tokens}`.trim() };
}
