import { Button, Card, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DestructionListView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { DAY_FORMATS } from '../../lib/typed-day';
import { useAttempt } from '../../lib/use-attempt';

interface Values {
  destroyedOn: Dayjs;
  witnesses: { login: string; password: string }[];
}

/** The destruction carried out before two witnesses, each confirming with their own password. */
export function CarryOutForm({ list, onDone }: { list: DestructionListView; onDone: (view: DestructionListView) => void }) {
  const { t } = useTranslation();
  const { attempt, busy } = useAttempt();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) =>
    attempt(async () => {
      onDone(await call('disposal:carry-out', { id: list.id, destroyedOn: values.destroyedOn.format('YYYY-MM-DD'), witnesses: values.witnesses }));
    }, t('disposal.carriedOut', { number: list.number }));
  return (
    <Card size="small" title={t('disposal.carryOut')}>
      <Typography.Paragraph type="secondary">{t('disposal.carryOutHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ destroyedOn: dayjs(), witnesses: [{}, {}] }} onFinish={(values) => void submit(values)}>
        <Form.Item name="destroyedOn" label={t('disposal.destroyedOn')} rules={[{ required: true }]}>
          <DatePicker format={DAY_FORMATS} disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 170 }} data-testid="carry-out-date" />
        </Form.Item>
        {[0, 1].map((n) => (
          <Flex key={n} gap={16} wrap>
            <Form.Item name={['witnesses', n, 'login']} label={`${t('disposal.witness', { n: n + 1 })} · ${t('disposal.login')}`} rules={[{ required: true, whitespace: true }]}>
              <Input autoComplete="off" style={{ width: 200 }} data-testid={`witness-${n + 1}-login`} />
            </Form.Item>
            <Form.Item name={['witnesses', n, 'password']} label={t('disposal.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="off" style={{ width: 200 }} data-testid={`witness-${n + 1}-password`} />
            </Form.Item>
          </Flex>
        ))}
        <Button type="primary" danger htmlType="submit" loading={busy} data-testid="disposal-carry-out">
          {t('disposal.carryOut')}
        </Button>
      </Form>
    </Card>
  );
}
