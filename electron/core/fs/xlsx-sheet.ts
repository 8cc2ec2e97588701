import { columnLetter } from './column-letter';
import { formulaSafe } from './formula-safe';
import { ZipWriter, type ZipEntry } from './zip-writer';

/**
 * An .xlsx file of one table, written row by row into a zip whose sheet is compressed as it
 * grows: a sheet of 200,000 rows needs memory for the compressed file only. (exceljs's
 * "streaming" writer hands its zip to JSZip, which holds the whole sheet's XML until the end –
 * some 300 MB at that size.) A title block above a frozen header row with a filter; printed in
 * landscape, fitted to the page width, the header row repeated and pages numbered. Every text
 * cell is formula-safe and written as text.
 */
export interface SheetColumn {
  title: string;
  /** Width in characters (a Chinese character counts as about two). */
  chars: number;
  /** Whole numbers, stored as numbers so they sort and sum. */
  numeric?: boolean;
  /** Long text wraps inside the cell. */
  wrap?: boolean;
}

export interface SheetLayout {
  sheetName: string;
  /** Row 1, large and bold. */
  title: string;
  /** Rows under the title, e.g. what the list holds and who exported it. */
  lines: readonly string[];
  columns: readonly SheetColumn[];
  /** The file's author (document properties). */
  creator: string;
}

export interface SheetEnd {
  /** Rows under the table: a total, who exported it. */
  lines: readonly string[];
  /** Printed at the top of every page (the watermark of a classified export); null for none. */
  pageHeader: string | null;
  subject: string;
  keywords: string;
}

export interface SheetWriter {
  row(cells: readonly string[]): void;
  finish(end: SheetEnd): Uint8Array;
}

/** Cell styles, by their index in styles.xml below. */
const STYLE = { plain: 0, title: 1, header: 2, text: 3, wrapped: 4, number: 5 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="0"/>
<fonts count="3"><font><sz val="10.5"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="10.5"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEFF3"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FFA0A6B0"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** XML 1.0 allows no control characters but tab and line breaks; they become spaces. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const textCell = (ref: string, value: string, style: number) => `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xml(formulaSafe(value))}</t></is></c>`;

export function startSheet(layout: SheetLayout): SheetWriter {
  const zip = new ZipWriter();
  const width = layout.columns.length;
  const last = columnLetter(width - 1);
  const headerRow = layout.lines.length + 2;
  const merges: string[] = [];
  let rowNumber = 0;

  // The package's fixed parts first, as Office writes them; the workbook, which names the table's
  // extent, and the properties follow the sheet.
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.file('xl/styles.xml', STYLES);
  const sheet: ZipEntry = zip.entry('xl/worksheets/sheet1.xml');
  sheet.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetPr filterMode="false"><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${layout.columns.map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.chars}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData>',
  );
  const blockRow = (text: string, style: number) => {
    rowNumber += 1;
    sheet.write(`<row r="${rowNumber}">${textCell(`A${rowNumber}`, text, style)}</row>`);
    merges.push(`A${rowNumber}:${last}${rowNumber}`);
  };
  blockRow(layout.title, STYLE.title);
  for (const line of layout.lines) blockRow(line, STYLE.plain);
  rowNumber += 1;
  sheet.write(`<row r="${rowNumber}">${layout.columns.map((column, i) => textCell(`${columnLetter(i)}${rowNumber}`, column.title, STYLE.header)).join('')}</row>`);

  return {
    row(cells) {
      rowNumber += 1;
      const parts = cells.map((cell, i) => {
        const column = layout.columns[i];
        const ref = `${columnLetter(i)}${rowNumber}`;
        if (column?.numeric && /^\d{1,15}$/.test(cell)) return `<c r="${ref}" s="${STYLE.number}"><v>${cell}</v></c>`;
        return textCell(ref, cell, column?.wrap ? STYLE.wrapped : STYLE.text);
      });
      sheet.write(`<row r="${rowNumber}">${parts.join('')}</row>`);
    },
    finish(end) {
      const lastTableRow = rowNumber;
      rowNumber += 1;
      for (const line of end.lines) blockRow(line, STYLE.plain);
      const header = end.pageHeader ? `<oddHeader>&amp;C&amp;KC01A1A${xml(end.pageHeader.replace(/&/g, '&&'))}</oddHeader>` : '';
      sheet.write(
        '</sheetData>' +
          `<autoFilter ref="A${headerRow}:${last}${Math.max(headerRow, lastTableRow)}"/>` +
          `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` +
          '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
          '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
          `<headerFooter>${header}<oddFooter>&amp;R第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>` +
          '</worksheet>',
      );
      sheet.close();
      const name = xml(layout.sheetName);
      zip.file(
        'docProps/core.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
          `<dc:title>${xml(layout.title)}</dc:title><dc:subject>${xml(end.subject)}</dc:subject><dc:creator>${xml(layout.creator)}</dc:creator><cp:keywords>${xml(end.keywords)}</cp:keywords></cp:coreProperties>`,
      );
      zip.file(
        'xl/workbook.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          `<bookViews><workbookView/></bookViews><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>` +
          `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${name}'!$A$${headerRow}:$${last}$${Math.max(headerRow, lastTableRow)}</definedName>` +
          `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${name}'!$${headerRow}:$${headerRow}</definedName></definedNames></workbook>`,
      );
      return zip.finish();
    },
  };
}
