import { Button, Card, Col } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A card of the workbench: its title, a link to the page where its work is done, and what it shows. */
export function BenchCard({ title, to, testId, children }: { title: ReactNode; to: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Col xs={24} lg={12} xl={8}>
      <Card
        size="small"
        data-testid={testId}
        title={title}
        extra={
          <Button type="link" size="small" onClick={() => void navigate(to)}>
            {t('workbench.open')}
          </Button>
        }
      >
        {children}
      </Card>
    </Col>
  );
}
