import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StocktakeTotals as Totals } from '../../../../shared/contract';

const KEYS = ['expected', 'found', 'missing', 'away', 'misplaced', 'onLoan', 'disposed', 'unknown', 'repeats'] as const;
const ALERT: Partial<Record<(typeof KEYS)[number], string>> = { missing: '#cf1322', misplaced: '#d46b08', onLoan: '#d48806', unknown: '#cf1322', disposed: '#d4380d', found: '#389e0d' };

/** The running totals, one figure each. */
export function StocktakeTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="stocktake-totals">
      <Row gutter={16}>
        {KEYS.map((key) => (
          <Col key={key} xs={12} sm={6} lg={3}>
            <Statistic title={t(`stocktake.totals.${key}`)} value={totals[key]} valueStyle={totals[key] > 0 && ALERT[key] ? { color: ALERT[key] } : undefined} data-testid={`total-${key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
