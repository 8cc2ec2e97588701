import { PrinterOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerKindLabels, type RegisterKind } from '../../../shared/contract';
import { call } from '../lib/api';
import { saveExport } from '../lib/download';
import { useChannel } from '../lib/use-channel';
import { DateInput } from './DateInput';
import { FormDialog } from './FormDialog';

interface Values {
  from: string;
  to: string;
  department?: string;
  format: 'pdf' | 'xlsx';
}

/** Prints a register for a period – PDF for the file, .xlsx for working with it – as auditors ask for it. */
export function RegisterExportButton({ kind }: { kind: RegisterKind }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const departments = useChannel('department:list', {}, open);
  const label = i18n.language === 'en' ? registerKindLabels[kind].en : registerKindLabels[kind].zh;
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)} data-testid={`export-register-${kind}`}>
        {t('registers.print', { name: label })}
      </Button>
      <FormDialog<Values>
        open={open}
        title={t('registers.printTitle', { name: label })}
        initialValues={{ from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD'), format: 'pdf' }}
        okText={t('registers.export')}
        testId="register-export-dialog"
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          saveExport(await call('register:export', { kind, from: values.from, to: values.to, format: values.format, ...(values.department ? { department: values.department } : {}) }));
          setOpen(false);
        }}
      >
        <Form.Item name="from" label={t('registers.from')} rules={[{ required: true, message: t('registers.dayRequired') }]}>
          <DateInput testId="register-from" />
        </Form.Item>
        <Form.Item name="to" label={t('registers.to')} rules={[{ required: true, message: t('registers.dayRequired') }]}>
          <DateInput testId="register-to" />
        </Form.Item>
        <Form.Item name="department" label={t('registers.department')}>
          <Select allowClear placeholder={t('registers.allDepartments')} options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
        </Form.Item>
        <Form.Item name="format" label={t('registers.format')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pdf', label: 'PDF' },
              { value: 'xlsx', label: 'Excel (.xlsx)' },
            ]}
            data-testid="register-format"
          />
        </Form.Item>
      </FormDialog>
    </>
  );
}
