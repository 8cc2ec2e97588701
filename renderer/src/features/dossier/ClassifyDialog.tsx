import { Alert, App, Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { CustodianSelect } from './CustodianSelect';

interface Values {
  level: number;
  custodian: string | null;
  storedSeparately: boolean;
}

/** 定密: level, custodian, separate storage. Marked levels are always stored separately with a custodian. */
export function ClassifyDialog({ dossier, open, onClose, onSaved }: { dossier: DossierDetail; open: boolean; onClose: () => void; onSaved: (detail: DossierDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { levels, label, level } = useLevels();
  const clearance = session?.user.clearance ?? 0;

  const submit = async (values: Values) => {
    const marked = level(values.level).marked;
    const detail = await call('dossier:classify', { archiveNumber: dossier.archiveNumber, level: values.level, custodian: values.custodian ?? null, storedSeparately: marked || values.storedSeparately });
    void message.success(t('common.saved'));
    onSaved(detail);
  };

  return (
    <FormDialog<Values>
      open={open}
      title={t('dossier.classifyTitle', { number: dossier.archiveNumber })}
      testId="classify-dialog"
      initialValues={{ level: dossier.level, custodian: dossier.custodian?.login ?? null, storedSeparately: dossier.storedSeparately }}
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Form.Item name="level" label={t('dossier.level')}>
            <Select options={levels.map((_, rank) => ({ value: rank, label: label(rank), disabled: rank > clearance }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.level !== b.level}>
            {() => {
              const chosen = (form.getFieldValue('level') as number | undefined) ?? dossier.level;
              const marked = level(chosen).marked;
              return (
                <>
                  {marked && <Alert type="warning" showIcon title={t('dossier.markedHint')} className="form-alert" />}
                  <Form.Item name="custodian" label={t('dossier.custodian')} extra={marked ? t('dossier.custodianMarked') : undefined}>
                    <CustodianSelect level={chosen} departmentCode={dossier.department.code} current={dossier.custodian} />
                  </Form.Item>
                  <Form.Item name="storedSeparately" label={t('dossier.storedSeparately')} valuePropName="checked">
                    <Switch disabled={marked} />
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
