import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  /** What was measured on: archive size, sample count. */
  context: string;
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarise(name: string, context: string, durations: readonly number[]): Figure {
  const sorted = [...durations].sort((a, b) => a - b);
  return { name, context, samples: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

/** Runs `task` `times` times and returns each duration in milliseconds. */
export async function time(times: number, task: (i: number) => unknown): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await task(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, f.context, String(f.samples), ms(f.p50), ms(f.p95), ms(f.max)]);
  const header = ['measure', 'context', 'n', 'p50', 'p95', 'max'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What `bench` prints (or, with --json, writes as JSON). */
export interface BenchReport {
  figures: Figure[];
  notes: string[];
  /** The temporary archives left behind with --keep. */
  kept: string[];
}

/** The whole printed report: the figures' table, then notes and where kept archives are. */
export function formatReport(report: BenchReport): string {
  const kept = report.kept.length > 0 ? [`archives kept at ${report.kept.join(' and ')}`] : [];
  return [`DossierDesk bench – ${new Date().toISOString()}`, formatFigures(report.figures), [...report.notes, ...kept].join('\n')].filter((part) => part !== '').join('\n\n');
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}
