import type { EChartsCoreOption } from 'echarts/core';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts';

/** One chart of the statistics page, drawn as SVG. */
export function KpiChart({ option, testId }: { option: EChartsCoreOption; testId: string }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height: 240, width: '100%' }} data-testid={testId} />;
}
