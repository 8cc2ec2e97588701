import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultSettings, type DossierTypeView } from '../../../../../shared/contract';
import { useArchiveSettings, useLevels } from '../../../app/ArchiveSettings';
import { RestoreDefaults } from './RestoreDefaults';
import { fromLoanForm, toLoanForm, type LoanForm } from './loan-form';
import { clearChangedErrors } from './form-issues';
import { useFormSave } from './use-settings-save';

interface PeriodRow {
  key: string;
  name: string;
  note?: string;
}

/** One small table of periods of their own (by level, or by dossier type): empty is "no period of its own". */
function PeriodTable({ rows, by, title, testId }: { rows: PeriodRow[]; by: 'byLevel' | 'byType'; title: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<PeriodRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid={testId}
      columns={[
        {
          title,
          key: 'name',
          render: (_, row) => (
            <>
              {row.name} {row.note && <Tag>{row.note}</Tag>}
            </>
          ),
        },
        {
          title: t('registerSettings.ownPeriod'),
          key: 'days',
          width: 200,
          render: (_, row) => (
            <Form.Item name={['loanPeriods', by, row.key]} style={{ margin: 0 }}>
              <InputNumber min={1} max={90} precision={0} placeholder={t('registerSettings.noOwnPeriod')} suffix={t('registerSettings.days')} style={{ width: 170 }} aria-label={`${row.name} ${t('registerSettings.ownPeriod')}`} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** 借阅: the longest period, shorter periods per level and per type, blocking overdue borrowers, and the overdue notices. */
function LoanSectionForm({ mayEdit, types }: { mayEdit: boolean; types: readonly DossierTypeView[] }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const { levels, label } = useLevels();
  const [form] = Form.useForm<LoanForm>();
  const { submit, failure } = useFormSave(form);
  const defaults = defaultSettings;
  const restore = { loanMaxDays: defaults.loanMaxDays, blockBorrowingWhenOverdue: defaults.blockBorrowingWhenOverdue, loanPeriods: defaults.loanPeriods, overdueNotices: defaults.overdueNotices };

  return (
    <Form<LoanForm> form={form} onValuesChange={(changed: object) => clearChangedErrors(form, changed)} layout="vertical" disabled={!mayEdit} initialValues={toLoanForm(settings)} onFinish={() => void submit(fromLoanForm(form.getFieldsValue(true) as LoanForm, levels.length))} data-testid="loan-settings">
      <Flex justify="space-between" align="start" gap={12}>
        <Typography.Paragraph type="secondary">{t('registerSettings.loanHint')}</Typography.Paragraph>
        {mayEdit && <RestoreDefaults defaults={restore} question={t('registerSettings.restoreLoans')} testId="restore-loans" />}
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" data-testid="loan-settings-error" />}
      <Card size="small" title={t('registerSettings.loanPeriods')}>
        <Flex gap={32} wrap>
          <Form.Item name="loanMaxDays" label={t('registerSettings.loanMaxDays')} extra={t('registerSettings.defaultDays', { days: defaults.loanMaxDays })}>
            <InputNumber min={1} max={90} precision={0} suffix={t('registerSettings.days')} data-testid="loan-max-days" />
          </Form.Item>
          <Form.Item name="blockBorrowingWhenOverdue" valuePropName="checked" label={t('registerSettings.blockBorrowing')} extra={t('registerSettings.blockBorrowingHint')}>
            <Switch data-testid="block-borrowing" />
          </Form.Item>
        </Flex>
        <Row gutter={24}>
          <Col span={12}>
            <PeriodTable by="byLevel" title={t('registerSettings.byLevel')} testId="loan-periods-by-level" rows={levels.map((level, rank) => ({ key: String(rank), name: label(rank), note: level.classified ? t('registerSettings.words.classified') : undefined }))} />
          </Col>
          <Col span={12}>
            <PeriodTable by="byType" title={t('registerSettings.byType')} testId="loan-periods-by-type" rows={types.map((type) => ({ key: type.key, name: type.name, note: type.active ? undefined : t('registerSettings.inactiveType') }))} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('registerSettings.overdueNotices')} style={{ marginTop: 16 }}>
        <Flex gap={32} wrap>
          <Form.Item name={['overdueNotices', 'reminderDaysBefore']} label={t('registerSettings.reminderDaysBefore')} extra={t('registerSettings.defaultDays', { days: defaults.overdueNotices.reminderDaysBefore })}>
            <InputNumber min={0} max={10} precision={0} suffix={t('registerSettings.days')} />
          </Form.Item>
          <Form.Item name={['overdueNotices', 'managerAfterWorkdays']} label={t('registerSettings.managerAfterWorkdays')} extra={t('registerSettings.defaultWorkdays', { days: defaults.overdueNotices.managerAfterWorkdays })}>
            <InputNumber min={1} max={30} precision={0} suffix={t('registerSettings.workdays')} style={{ width: 140 }} data-testid="manager-after" />
          </Form.Item>
          <Form.Item name={['overdueNotices', 'headAfterWorkdays']} label={t('registerSettings.headAfterWorkdays')} extra={t('registerSettings.defaultWorkdays', { days: defaults.overdueNotices.headAfterWorkdays })}>
            <InputNumber min={1} max={60} precision={0} suffix={t('registerSettings.workdays')} style={{ width: 140 }} data-testid="head-after" />
          </Form.Item>
        </Flex>
      </Card>
      {mayEdit && (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" data-testid="save-loan-settings">
            {t('common.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}

/** The form starts again from what is stored whenever the stored settings change (a save, restoring the defaults). */
export function LoanSection({ mayEdit, types }: { mayEdit: boolean; types: readonly DossierTypeView[] }) {
  const { settings } = useArchiveSettings();
  const stored = JSON.stringify([settings.loanMaxDays, settings.blockBorrowingWhenOverdue, settings.loanPeriods, settings.overdueNotices, settings.levels.length, types.length]);
  return <LoanSectionForm key={stored} mayEdit={mayEdit} types={types} />;
}
