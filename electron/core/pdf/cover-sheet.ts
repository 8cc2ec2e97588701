import { AppError } from '../../../shared/errors';
import { encodeScanCode, type ScanCode } from '../../../shared/scan-codes';
import { qrSymbol } from './barcode';
import { BLACK, EM_TOP, FixedPageWriter, mm, RED } from './fixed-page';
import { numberLines } from './label-content';

/** One scan cover sheet: the dossier (and checklist item) the pages scanned after it are filed to. */
export interface CoverSheetData {
  archiveNumber: string;
  /** 案卷题名. */
  title: string;
  /** The checklist item (必备材料) the pages go to; null: the dossier itself. */
  checklistItem: { key: string; name: string } | null;
  /** 密级 as printed (e.g. 秘密), in red; null for none. */
  levelLabel: string | null;
}

const [WIDTH, HEIGHT] = [mm(210), mm(297)];
const MARGIN = mm(20);
const CONTENT = WIDTH - 2 * MARGIN;
const CENTRE = WIDTH / 2;
/** 90 mm: modules of 2–3 mm, read by the scan inbox off a page scanned at 150 dpi or faded by a feeder. */
const QR_SIDE = mm(90);

/**
 * Scan cover sheets (扫描封面), one A4 page each: a large QR code (DD:C:<archive number>[:<checklist
 * item>], see shared/scan-codes.ts) and what it says in words – the archive number, the title,
 * the checklist item – and how to use it. Put first in a batch of paper, it files the pages
 * scanned after it to that dossier and item.
 */
export async function renderCoverSheets(input: { sheets: readonly CoverSheetData[] }): Promise<Uint8Array> {
  if (input.sheets.length === 0) throw new AppError('VALIDATION', { zh: '没有要打印的扫描封面', en: 'There are no scan cover sheets to print' });
  const writer = await FixedPageWriter.create({ title: '扫描封面', subject: input.sheets.map((sheet) => sheet.archiveNumber).join(' '), author: 'DossierDesk' });
  for (const sheet of input.sheets) {
    writer.newPage(WIDTH, HEIGHT);
    let y = heading(writer, '扫描封面', 'Scan cover');
    if (sheet.levelLabel) {
      const size = 16;
      const width = writer.width(sheet.levelLabel, 'bold', size) + size;
      writer.frame(WIDTH - MARGIN - width, HEIGHT - MARGIN - size * 1.7, width, size * 1.7, 1.5, RED);
      writer.centred(sheet.levelLabel, WIDTH - MARGIN - width / 2, HEIGHT - MARGIN - size * 1.7 + size * 0.5, size, 'bold', RED);
    }
    y = bigQr(writer, { kind: 'cover', archiveNumber: sheet.archiveNumber, checklistItemKey: sheet.checklistItem?.key ?? null }, y);

    // As large as fits on a line, down to 18 pt; a longer number takes more lines.
    const numberSize = Math.max(18, Math.min(30, (0.999 * 30 * CONTENT) / writer.width(sheet.archiveNumber, 'bold', 30)));
    y = centredLines(writer, numberLines(writer.settable(sheet.archiveNumber), (ch) => writer.advance(ch, 'bold') * numberSize, CONTENT), y, numberSize, 'bold');
    y = centredLines(writer, writer.lines(sheet.title, 'regular', 16, CONTENT, 3), y - mm(2), 16, 'regular');
    const item = sheet.checklistItem ? `必备材料：${sheet.checklistItem.name}` : '整份档案（不指定必备材料）';
    centredLines(writer, writer.lines(item, 'bold', 18, CONTENT, 2), y - mm(4), 18, 'bold');

    instructions(writer, ['扫描封面 – 请放在本批文件最前面', 'Scan cover – place it first in the batch'], ['本页之后扫描的页面归入上述档案', 'The pages scanned after this one are filed to the dossier above']);
  }
  return writer.save();
}

/**
 * The separator sheet (分隔页): one A4 page with a large QR code (DD:S). Put between the documents
 * of a batch, it starts the next document: the pages after it are filed as a document of their own.
 */
export async function renderSeparatorSheet(): Promise<Uint8Array> {
  const writer = await FixedPageWriter.create({ title: '分隔页', subject: 'Separator', author: 'DossierDesk' });
  writer.newPage(WIDTH, HEIGHT);
  let y = heading(writer, '分隔页', 'Separator – starts the next document', 40);
  y = bigQr(writer, { kind: 'separator' }, y - mm(8));
  centredLines(writer, ['分隔页 – 其后的页面为下一份文件'], y - mm(4), 22, 'bold');
  instructions(writer, ['放在本批中两份文件之间', 'Put it between two documents of a batch'], ['本页之后扫描的页面作为下一份文件归档', 'The pages scanned after this one are filed as the next document']);
  return writer.save();
}

/** The sheet's name in large type at the top left, its English name under it; returns where the page goes on. */
function heading(writer: FixedPageWriter, zh: string, en: string, size = 30): number {
  const top = HEIGHT - MARGIN;
  writer.text(zh, MARGIN, top - EM_TOP * size, size, 'bold', BLACK);
  writer.text(en, MARGIN, top - size * 1.2 - EM_TOP * 14, 14, 'regular', BLACK);
  const rule = top - size * 1.2 - 14 * 1.4 - mm(3);
  writer.rule(MARGIN, rule, CONTENT, 1, BLACK);
  return rule - mm(6);
}

/** The sheet's QR code (level Q), centred under `top`; returns where the page goes on. */
function bigQr(writer: FixedPageWriter, code: ScanCode, top: number): number {
  const symbol = qrSymbol(encodeScanCode(code), 'Q');
  const module = QR_SIDE / symbol.columns;
  writer.barcode(symbol, { left: CENTRE - QR_SIDE / 2, top, module });
  return top - QR_SIDE;
}

/** Lines centred on the page, from `top` down; returns where the page goes on. */
function centredLines(writer: FixedPageWriter, lines: readonly string[], top: number, size: number, weight: 'regular' | 'bold'): number {
  let y = top;
  for (const line of lines) {
    writer.centred(line, CENTRE, y - EM_TOP * size, size, weight, BLACK);
    y -= size * 1.3;
  }
  return y;
}

/** How to use the sheet, in a frame at the bottom of the page: a line in Chinese and English, and a note under it. */
function instructions(writer: FixedPageWriter, [zh, en]: readonly [string, string], [noteZh, noteEn]: readonly [string, string]): void {
  const height = mm(34);
  writer.frame(MARGIN, MARGIN, CONTENT, height, 1.5, BLACK);
  let y = MARGIN + height - mm(5);
  y = centredLines(writer, [zh], y, 18, 'bold');
  y = centredLines(writer, [en], y, 13, 'regular');
  centredLines(writer, [noteZh, noteEn], y - mm(1.5), 10, 'regular');
}
