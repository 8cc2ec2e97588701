// bwip-js's default export: its `raw` gives a symbol's encoded data (the named export `raw` is a symbology of that name).
import bwipjs from 'bwip-js/node';

/**
 * Barcodes for printed PDFs, drawn as vector shapes: bwip-js encodes the symbol (its raw data:
 * the bar widths of a Code 128, the module matrix of a QR code) and the page fills the dark
 * parts as rectangles at any size – crisp at the printer's resolution, a few hundred bytes each.
 * (bwip-js's own drawing interface snaps its shapes to whole pixels, which a PDF has none of.)
 * The quiet zones – the white margin a scanner needs to find the symbol – are part of the
 * symbol's size, so whatever is placed beside a symbol keeps off them.
 */
export interface BarcodeSymbol {
  /** Modules across and down, quiet zones included; a linear code is one row, its bars that row's height. */
  columns: number;
  rows: number;
  /** The dark rectangles, in modules from the top left corner (y down). */
  bars: readonly { x: number; y: number; width: number; height: number }[];
}

/** ISO/IEC 15417: ten modules of white either side of a Code 128. */
const CODE128_QUIET_ZONE = 10;
/** ISO/IEC 18004: four modules of white around a QR code. */
const QR_QUIET_ZONE = 4;

/** The thinnest bar a scanner reads reliably off a label: two dots of a 203 dpi thermal printer. */
export const MIN_BAR_MODULE_MM = 0.25;
/** The smallest QR module a phone or hand scanner reads reliably off paper. */
export const MIN_QR_MODULE_MM = 0.5;

interface RawLinear {
  /** Widths of bar, space, bar, … in modules. */
  sbs: number[];
}

interface RawMatrix {
  /** 1 for a dark module, row by row. */
  pixs: number[];
  pixx: number;
  pixy: number;
}

/** Code 128 can carry printable ASCII only; an archive number with other characters gets no Code 128. */
const code128Carries = (text: string): boolean => /^[\x20-\x7e]+$/.test(text);

/** The Code 128 of a text, or null when it holds characters Code 128 does not carry (see code128Carries). */
export function code128Symbol(text: string): BarcodeSymbol | null {
  if (!code128Carries(text)) return null;
  const [encoded] = bwipjs.raw('code128', text, '') as RawLinear[];
  if (!encoded) throw new Error('bwip-js encoded no Code 128');
  const bars: BarcodeSymbol['bars'][number][] = [];
  let x = CODE128_QUIET_ZONE;
  encoded.sbs.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, y: 0, width, height: 1 });
    x += width;
  });
  return { columns: x + CODE128_QUIET_ZONE, rows: 1, bars };
}

/**
 * The QR code of a payload (byte mode): M on labels, where space is short, Q on sheets that go
 * through a document feeder (15 % and 25 % of the symbol may be lost to a smudge or a streak).
 * The level is kept as asked (BWIPP would otherwise raise it where the symbol has room).
 */
export function qrSymbol(payload: string, level: 'M' | 'Q'): BarcodeSymbol {
  const [matrix] = bwipjs.raw('qrcode', payload, `eclevel=${level} fixedeclevel`) as RawMatrix[];
  if (!matrix) throw new Error('bwip-js encoded no QR code');
  const bars: BarcodeSymbol['bars'][number][] = [];
  // Each row's runs of dark modules as one rectangle.
  for (let row = 0; row < matrix.pixy; row += 1) {
    let start = -1;
    for (let column = 0; column <= matrix.pixx; column += 1) {
      const dark = column < matrix.pixx && matrix.pixs[row * matrix.pixx + column] === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        bars.push({ x: start + QR_QUIET_ZONE, y: row + QR_QUIET_ZONE, width: column - start, height: 1 });
        start = -1;
      }
    }
  }
  return { columns: matrix.pixx + 2 * QR_QUIET_ZONE, rows: matrix.pixy + 2 * QR_QUIET_ZONE, bars };
}

export interface BarcodePlacement {
  /** The top left corner of the symbol with its quiet zones, in points. */
  left: number;
  top: number;
  /** Points per module across; a linear code's bars are `height` tall, a QR code's modules square. */
  module: number;
  height?: number;
  /** Turned a quarter clockwise: its first column at the top (a code along a spine label). */
  turned?: boolean;
}

const n = (value: number) => String(Math.round(value * 1000) / 1000);

/** PDF operators that fill the symbol in black, in a q … Q of their own (one path: no seams between modules). */
export function barcodeOperators(symbol: BarcodeSymbol, placement: BarcodePlacement): string {
  const { left, top, module, turned = false } = placement;
  const rowHeight = symbol.rows === 1 ? (placement.height ?? 0) : module;
  const rectangles = symbol.bars.map((bar) => {
    const [across, down] = [bar.width * module, bar.height * rowHeight];
    // Turned clockwise, the symbol's top edge runs down its right side.
    return turned
      ? `${n(left + (symbol.rows - bar.y - bar.height) * rowHeight)} ${n(top - (bar.x + bar.width) * module)} ${n(down)} ${n(across)} re`
      : `${n(left + bar.x * module)} ${n(top - (bar.y + bar.height) * rowHeight)} ${n(across)} ${n(down)} re`;
  });
  return `q 0 g\n${rectangles.join('\n')}\nf Q`;
}

/**
 * The largest module, at most `max`, with which `modules` fit into `room` (both in the same unit);
 * null when even `min` does not fit.
 */
export function fittingModule(modules: number, room: number, limits: { min: number; max: number }): number | null {
  const module = Math.min(limits.max, room / modules);
  return module >= limits.min ? module : null;
}
