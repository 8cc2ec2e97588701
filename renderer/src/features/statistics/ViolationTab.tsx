import { Alert, Card, Col, Collapse, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ViolationReport, ViolationView } from '../../../../shared/contract';
import { violationUnitLabels } from '../../../../shared/violation-rules';
import { useLevels } from '../../app/ArchiveSettings';
import { LevelTag } from '../../ui/LevelTag';

const yuan = (amount: number) => amount.toFixed(2);
type Person = ViolationReport['people'][number];
type DepartmentTotal = ViolationReport['departments'][number];

/** The month's violations: totals per person and department, every violation, and the rules that found them. */
export function ViolationTab({ report }: { report: ViolationReport }) {
  const { t, i18n } = useTranslation();
  const { level } = useLevels();
  const en = i18n.language === 'en';
  const department = (d: { name: string } | null) => d?.name ?? t('statistics.outsider');
  const unit = (per: ViolationView['per']) => (en ? violationUnitLabels[per].en : violationUnitLabels[per].zh);

  const people: TableColumnsType<Person> = [
    { title: t('statistics.person'), key: 'person', render: (_, p) => p.person.name },
    { title: t('statistics.department'), key: 'department', render: (_, p) => department(p.department) },
    { title: t('statistics.count'), dataIndex: 'count', align: 'right' },
    { title: t('statistics.amount'), key: 'amount', align: 'right', render: (_, p) => yuan(p.amount) },
  ];
  const departments: TableColumnsType<DepartmentTotal> = [
    { title: t('statistics.department'), key: 'department', render: (_, d) => department(d.department) },
    { title: t('statistics.count'), dataIndex: 'count', align: 'right' },
    { title: t('statistics.amount'), key: 'amount', align: 'right', render: (_, d) => yuan(d.amount) },
  ];
  const list: TableColumnsType<ViolationView> = [
    { title: t('statistics.day'), dataIndex: 'day', width: 104 },
    {
      title: t('statistics.rule'),
      key: 'rule',
      render: (_, v) => (
        <>
          <Typography.Text strong>{v.rule.code}</Typography.Text> <Typography.Text type="secondary">{v.rule.name}</Typography.Text>
        </>
      ),
    },
    {
      title: t('statistics.person'),
      key: 'person',
      width: 112,
      render: (_, v) => (
        <>
          {v.person.name}
          <br />
          <Typography.Text type="secondary">{department(v.department)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('statistics.dossier'),
      key: 'dossier',
      width: 150,
      render: (_, v) => (
        <span className="nowrap">
          {v.archiveNumber} {level(v.level).classified && <LevelTag rank={v.level} />}
        </span>
      ),
    },
    { title: t('statistics.detail'), dataIndex: 'detail' },
    { title: t('statistics.units'), key: 'units', align: 'right', width: 120, render: (_, v) => <span className="nowrap">{`${v.units} ${unit(v.per)} × ${yuan(v.unitAmount)}`}</span> },
    { title: t('statistics.ordinal'), key: 'ordinal', align: 'center', width: 104, render: (_, v) => (v.factor > 1 ? <Tag color="red">{t('statistics.nthDoubled', { n: v.ordinal, factor: v.factor })}</Tag> : t('statistics.nth', { n: v.ordinal })) },
    { title: t('statistics.amount'), key: 'amount', align: 'right', width: 96, render: (_, v) => <Typography.Text strong>{yuan(v.amount)}</Typography.Text> },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="violation-tab">
      <Alert
        type={report.total.count === 0 ? 'success' : 'warning'}
        showIcon
        title={report.total.count === 0 ? t('statistics.noViolations', { month: report.month }) : t('statistics.violationTotal', { month: report.month, count: report.total.count, amount: yuan(report.total.amount) })}
        data-testid="violation-total"
      />
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('statistics.perPerson')}>
            <Table size="small" pagination={false} columns={people} dataSource={report.people} rowKey={(p) => `${p.person.login ?? ''}:${p.person.name}:${p.department?.code ?? ''}`} data-testid="violation-people" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('statistics.perDepartment')}>
            <Table size="small" pagination={false} columns={departments} dataSource={report.departments} rowKey={(d) => d.department?.code ?? ''} data-testid="violation-departments" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('statistics.violationList')}>
        <Table size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} columns={list} dataSource={report.violations} rowKey={(v) => `${v.rule.code}:${v.source.register}:${v.source.id}:${v.archiveNumber}:${v.repetition}`} data-testid="violation-list" />
      </Card>
      <Collapse
        size="small"
        items={[
          {
            key: 'rules',
            label: t('statistics.rules'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('statistics.rulesHint')}</Typography.Paragraph>
                <ul data-testid="violation-rules">
                  {report.rules.rules.map((rule) => (
                    <li key={rule.code}>
                      {rule.code} {rule.name}：{t('statistics.ruleAmount', { amount: yuan(rule.amount), unit: unit(rule.per) })}
                      {rule.repeatAfterWorkdays !== null && `；${t('statistics.ruleRepeats', { days: rule.repeatAfterWorkdays })}`}
                    </li>
                  ))}
                  {report.rules.escalation.map((entry) => (
                    <li key={`${entry.code}-${entry.departments.join()}`}>{t('statistics.escalation', { code: entry.code, departments: entry.departments.join('、'), from: entry.fromCount, factor: entry.factor })}</li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
