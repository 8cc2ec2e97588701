import type { LabelSheet } from '../../../shared/label-sheets';
import { AppError } from '../../../shared/errors';
import { encodeScanCode } from '../../../shared/scan-codes';
import { code128Symbol, fittingModule, MIN_BAR_MODULE_MM, MIN_QR_MODULE_MM, qrSymbol, type BarcodeSymbol } from './barcode';
import { mm } from './fixed-page';
import type { LabelBox } from './label-sheets';
import { breakLines } from './line-break';

/** What one label shows of its dossier. */
export interface LabelData {
  archiveNumber: string;
  /** 案卷题名: wrapped to the room the label has, cut short with … beyond it. */
  title: string;
  /** 密级 as printed (e.g. 秘密), in red; null for none. */
  levelLabel: string | null;
  /** 保管期限 as printed (e.g. 永久, 30年); null for none. */
  retentionLabel: string | null;
  /** 建档日期, YYYY-MM-DD; null for none. */
  dateOpened: string | null;
  /** 存放位置 as printed (e.g. 档案室一 › 3号柜 › 2层); null for none. */
  location: string | null;
}

/** White kept along a label's edges: die-cut sheets and label printers place a label ±1 mm. */
const PADDING = mm(2);

/** The part of a label its content takes: all but the white along its edges. */
export function innerBox(box: LabelBox): LabelBox {
  return { left: box.left + PADDING, bottom: box.bottom + PADDING, width: box.width - 2 * PADDING, height: box.height - 2 * PADDING };
}

export interface SizedSymbol {
  symbol: BarcodeSymbol;
  /** Points per module. */
  module: number;
}

/** Wider bars than this make a Code 128 long without making it easier to read. */
const MAX_BAR_MODULE_MM = 0.4;

/**
 * The label's QR code (DD:A:<archive number>) with the largest modules that fit a square of
 * `side` points. A QR code whose modules would come out smaller than a scanner reads is refused:
 * a label nobody can scan is worse than none.
 */
export function labelQr(label: LabelData, side: number, sheet: LabelSheet): SizedSymbol {
  const symbol = qrSymbol(encodeScanCode({ kind: 'archive', archiveNumber: label.archiveNumber }), 'M');
  const module = fittingModule(symbol.columns, side, { min: mm(MIN_QR_MODULE_MM), max: Infinity });
  if (module === null) {
    throw new AppError('VALIDATION', {
      zh: `档号“${label.archiveNumber}”太长，其二维码在“${sheet.name.zh}”上印不清楚，请选用更大的标签`,
      en: `The archive number "${label.archiveNumber}" is too long for a readable QR code on "${sheet.name.en}"; choose a larger label`,
    });
  }
  return { symbol, module };
}

/**
 * The archive number as Code 128, its bars as wide as `length` points allow (0.25–0.4 mm); null
 * when the number holds characters Code 128 cannot carry (Chinese, ·) or its bars would come out
 * thinner than 0.25 mm – the QR code beside it carries the number then.
 */
export function labelCode128(label: LabelData, length: number): SizedSymbol | null {
  const symbol = code128Symbol(label.archiveNumber);
  if (!symbol) return null;
  const module = fittingModule(symbol.columns, length, { min: mm(MIN_BAR_MODULE_MM), max: mm(MAX_BAR_MODULE_MM) });
  return module === null ? null : { symbol, module };
}

/** 保管期限 and 建档日期, as printed under the title. */
export function labelDetails(label: LabelData): string[] {
  return [label.retentionLabel, label.dateOpened].filter((part): part is string => part !== null && part.trim() !== '');
}

/** An archive number's parts, each with the separators that follow it. */
const NUMBER_PARTS = /[^-/·._:]+[-/·._:]*|[-/·._:]+/gu;

/**
 * An archive number in lines no longer than `max` (`widthOf` measures a character along the line),
 * whole: broken after its separators (KH-2026- | 000123), inside a part only when the part alone
 * is longer than a line.
 */
export function numberLines(archiveNumber: string, widthOf: (ch: string) => number, max: number): string[] {
  const lengthOf = (text: string) => Array.from(text).reduce((sum, ch) => sum + widthOf(ch), 0);
  const lines: string[] = [];
  let line = '';
  for (const part of archiveNumber.match(NUMBER_PARTS) ?? []) {
    if (lengthOf(line + part) <= max) {
      line += part;
      continue;
    }
    if (line) lines.push(line);
    const pieces = lengthOf(part) <= max ? [part] : breakLines(part, widthOf, max);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}
