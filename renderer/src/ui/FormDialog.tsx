import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { placeErrors } from '../lib/form-errors';
import { useOpening } from '../lib/use-opening';

export interface FormDialogProps<V extends object> {
  open: boolean;
  title: ReactNode;
  /**
   * What the form shows each time the dialog opens: the record being edited, or the defaults of a
   * new one. Read once per opening.
   */
  initialValues: Partial<V>;
  /** Saves; a failure it throws is shown next to the fields it names, the rest at the top of the dialog. */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  onClose: () => void;
  okText?: string;
  width?: number;
  testId?: string;
  layout?: FormProps<V>['layout'];
  requiredMark?: FormProps<V>['requiredMark'];
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * Every dialog that edits or creates a record. Each opening gets a new form: antd keeps a form's
 * values in the form instance, and a remounted <Form> lays its initialValues *under* the values
 * kept there – so a dialog whose form outlived its last opening showed the previous record's
 * values (and saved them over another record). Here the form lives inside a body that is mounted
 * afresh, with exactly the record it edits, every time the dialog opens.
 */
export function FormDialog<V extends object>(props: FormDialogProps<V>) {
  return <FormDialogBody key={useOpening(props.open)} {...props} />;
}

function FormDialogBody<V extends object>({ open, title, initialValues, onSubmit, onClose, okText, width, testId, layout = 'vertical', requiredMark, children }: FormDialogProps<V>) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows each problem next to its field
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(values, form);
    } catch (error) {
      setFailure(placeErrors(form, error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid={testId}
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" data-testid="dialog-error" />}
      <Form<V> form={form} layout={layout} requiredMark={requiredMark} initialValues={initialValues} onFinish={() => void submit()}>
        {typeof children === 'function' ? children(form) : children}
        {/* Enter in any field saves, as the OK button does. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
