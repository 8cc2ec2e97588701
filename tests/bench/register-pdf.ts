import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { pinyin } from 'pinyin-pro';
import { summarise, type Figure } from '../../electron/cli/bench/stats';
import { renderRegisterPdf } from '../../electron/core/pdf/register';
import type { TypefaceName } from '../../electron/core/pdf/typeface';
import type { RegisterRow, RegisterSpec } from '../../electron/core/registers/register-spec';
import { renderRegisterXlsx } from '../../electron/core/registers/register-xlsx';
import { loanRegister } from '../helpers/sample-loan-register';

export interface RegisterPdfOptions {
  rows: number;
  /** Timed runs of each form, after one run each to warm up. */
  runs: number;
  progress: (text: string) => void;
}

/** Targets of the registers issue; figures are printed against them, never asserted. */
const TARGET = { seconds: 3, megabytes: 10, ratio: 1.5 };

/**
 * Chinese as the initials of its pinyin (拼音首字母: 王伟 → WW), for the layout set in Helvetica:
 * a character for a character, so that both forms fill as many lines and pages. What Helvetica
 * cannot set still becomes "?".
 */
const latin = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' }).toUpperCase();

/** The register with every text of its own transliterated (the layout's own labels stay as they are); its rows a list, made once. */
function transliterated(spec: RegisterSpec, rows: readonly RegisterRow[]): RegisterSpec {
  const summary = spec.summary;
  return {
    ...spec,
    name: latin(spec.name),
    companyName: latin(spec.companyName),
    filters: latin(spec.filters),
    printedBy: latin(spec.printedBy),
    columns: spec.columns.map((column) => ({ ...column, title: latin(column.title) })),
    rows: rows.map((row) => ({ ...row, cells: row.cells.map((cell) => (typeof cell === 'string' ? latin(cell) : cell)), level: row.level ? { ...row.level, name: latin(row.level.name) } : null })),
    summary: summary && ((totals) => summary(totals).map(latin)),
    watermark: spec.watermark && latin(spec.watermark),
  };
}

/**
 * `npm run bench` – the loan register (外借登记册) of `rows` entries printed as a PDF with the
 * archive's CJK fonts, the same layout set in PDF's standard Helvetica with every text of the
 * register transliterated (the baseline the issue compares against, measured in the same run),
 * and the same register as an .xlsx. The rows are made before the clock starts, so that each
 * form is timed on its own work.
 */
export async function runRegisterPdfBench(options: RegisterPdfOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const spec = loanRegister({ rows: options.rows, names: ['𠮷田丽', '王𪚥'] });
  const rows = [...spec.rows];
  const latinSpec = transliterated(spec, rows);
  const forms: Record<'cjk' | 'standard' | 'xlsx', () => Promise<Uint8Array>> = {
    cjk: () => renderRegisterPdf({ ...spec, rows }, 'cjk'),
    standard: () => renderRegisterPdf(latinSpec, 'standard' satisfies TypefaceName),
    xlsx: () => renderRegisterXlsx({ ...spec, rows }),
  };
  const times: Record<keyof typeof forms, number[]> = { cjk: [], standard: [], xlsx: [] };
  const sizes: Record<keyof typeof forms, number> = { cjk: 0, standard: 0, xlsx: 0 };
  const pages: Record<keyof typeof forms, number> = { cjk: 0, standard: 0, xlsx: 0 };
  options.progress(`register: printing a ${options.rows}-entry loan register, ${options.runs} runs of each form …`);
  for (let run = 0; run <= options.runs; run += 1) {
    // Alternating the forms: whatever else the machine does weighs on each alike.
    for (const form of Object.keys(forms) as (keyof typeof forms)[]) {
      const start = performance.now();
      const bytes = await forms[form]();
      if (run > 0) times[form].push(performance.now() - start);
      sizes[form] = bytes.length;
      if (form !== 'xlsx') pages[form] = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    }
  }
  const median = (form: keyof typeof forms) => summarise(form, '', times[form]).p50;
  const ratio = median('cjk') / median('standard');
  const megabytes = (form: keyof typeof forms) => (sizes[form] / 1024 / 1024).toFixed(2);
  const context = `${options.rows} entries, ${options.runs} runs`;
  return {
    figures: [
      summarise('loan register PDF (CJK fonts)', context, times.cjk),
      summarise('loan register PDF (Helvetica, transliterated)', context, times.standard),
      summarise('loan register .xlsx', context, times.xlsx),
    ],
    notes: [
      `register: PDF ${(median('cjk') / 1000).toFixed(2)} s (target ≤ ${TARGET.seconds} s), ${megabytes('cjk')} MB (target ≤ ${TARGET.megabytes} MB), ${pages.cjk} pages; ` +
        `Helvetica ${(median('standard') / 1000).toFixed(2)} s, ${megabytes('standard')} MB, ${pages.standard} pages; CJK/Helvetica ${ratio.toFixed(2)}× (target ≤ ${TARGET.ratio}×); ` +
        `.xlsx ${(median('xlsx') / 1000).toFixed(2)} s, ${megabytes('xlsx')} MB`,
    ],
  };
}
