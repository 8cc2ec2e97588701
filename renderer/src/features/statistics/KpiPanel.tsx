import { Card, Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { ReactNode } from 'react';
import { KpiChart } from './KpiChart';

interface KpiPanelProps<T> {
  title: string;
  /** What the figure counts, in words. */
  hint: ReactNode;
  option: EChartsCoreOption;
  columns: TableColumnsType<T>;
  rows: T[];
  rowKey: keyof T & string;
  extra?: ReactNode;
  testId: string;
}

/** One KPI: its chart over the months, and the numbers beside it. */
export function KpiPanel<T extends object>({ title, hint, option, columns, rows, rowKey, extra, testId }: KpiPanelProps<T>) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <KpiChart option={option} testId={`${testId}-chart`} />
        </Col>
        <Col xs={24} xl={10}>
          <Table<T> size="small" pagination={false} columns={columns} dataSource={rows} rowKey={rowKey} scroll={{ y: 220 }} data-testid={`${testId}-table`} />
        </Col>
      </Row>
    </Card>
  );
}
