import type { EChartsCoreOption } from 'echarts/core';
import type { KpiMonth, NamedCount } from '../../../../shared/contract';

/** A ratio as a percentage with one decimal, for the charts and tables; '–' without anything to rate. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

const axis = (months: readonly KpiMonth[]) => ({ type: 'category', data: months.map((m) => m.month.slice(2)), axisTick: { alignWithLabel: true } });
const frame = { grid: { left: 48, right: 16, top: 36, bottom: 28 }, tooltip: { trigger: 'axis' } };

/** A rate over the months, 0–100 %; a month without anything to rate leaves a gap. */
export function rateOption(months: readonly KpiMonth[], name: string, rate: (m: KpiMonth) => number | null, color: string): EChartsCoreOption {
  return {
    ...frame,
    color: [color],
    xAxis: axis(months),
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        label: { show: true, fontSize: 10, formatter: (point: { value: number | null }) => (point.value === null ? '' : `${point.value}%`) },
        data: months.map((m) => {
          const value = rate(m);
          return value === null ? null : Math.round(value * 1000) / 10;
        }),
      },
    ],
  };
}

/** Counts over the months, one bar per series. */
export function countOption(months: readonly KpiMonth[], series: { name: string; value: (m: KpiMonth) => number; color: string }[], stacked = false): EChartsCoreOption {
  return {
    ...frame,
    legend: { top: 0, itemHeight: 10 },
    color: series.map((s) => s.color),
    xAxis: axis(months),
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: s.name, type: 'bar', ...(stacked ? { stack: 'all' } : {}), barMaxWidth: 22, data: months.map(s.value) })),
  };
}

/** The names counted in any month, the largest overall first (a stacked bar per name). */
export function countedNames(months: readonly KpiMonth[], pick: (m: KpiMonth) => NamedCount[]): { key: string; name: string }[] {
  const totals = new Map<string, { key: string; name: string; count: number }>();
  for (const month of months) {
    for (const count of pick(month)) {
      const known = totals.get(count.key) ?? { key: count.key, name: count.name, count: 0 };
      known.count += count.count;
      totals.set(count.key, known);
    }
  }
  return [...totals.values()].sort((a, b) => b.count - a.count).map(({ key, name }) => ({ key, name }));
}

export const palette = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#a0d911', '#faad14', '#2f54eb', '#f5222d'];
