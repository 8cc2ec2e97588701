import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentView, DossierDetail } from '../../../../shared/contract';
import { useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call } from '../../lib/api';
import { DateInput } from '../../ui/DateInput';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  title: string;
  docDate: string | null;
  form: 'original' | 'copy';
  pages: number;
  groupKey: string | null;
  level: number;
  remarks?: string;
}

/** The group select's value for "no group" (a select cannot hold null). */
const NO_GROUP = '';

/** Corrects a document: title, date, original or copy, pages, group (to its end), level, remarks. */
export function EditDocumentDialog({ dossier, document, onClose, onSaved }: { dossier: DossierDetail; document: DocumentView | null; onClose: () => void; onSaved: (detail: DossierDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { levels, label } = useLevels();
  const clearance = session?.user.clearance ?? 0;

  const submit = async (values: Values) => {
    if (!document) return;
    const groupKey = values.groupKey === NO_GROUP ? null : values.groupKey;
    const changes = {
      ...(values.title.trim() !== document.title ? { title: values.title.trim() } : {}),
      ...((values.docDate ?? null) !== document.docDate ? { docDate: values.docDate ?? null } : {}),
      ...(values.form !== document.form ? { form: values.form } : {}),
      ...(values.pages !== document.pages ? { pages: values.pages } : {}),
      ...(groupKey !== document.groupKey ? { groupKey } : {}),
      ...(values.level !== document.level ? { level: values.level } : {}),
      ...((values.remarks?.trim() || null) !== document.remarks ? { remarks: values.remarks?.trim() || null } : {}),
    };
    if (Object.keys(changes).length === 0) {
      void message.info(t('common.unchanged'));
      onClose();
      return;
    }
    const detail = await call('document:update', { id: document.id, ...changes });
    void message.success(t('common.saved'));
    onSaved(detail);
  };

  return (
    <FormDialog<Values>
      open={document !== null}
      width={640}
      title={document ? t('catalogue.editDocument', { title: document.title }) : ''}
      testId="edit-document-dialog"
      initialValues={document ? { title: document.title, docDate: document.docDate, form: document.form, pages: document.pages, groupKey: document.groupKey ?? NO_GROUP, level: document.level, remarks: document.remarks ?? '' } : {}}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('catalogue.docTitle')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('catalogue.docTitle') }) }]}>
        <Input maxLength={200} data-testid="document-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="docDate" label={t('catalogue.docDate')}>
            <DateInput testId="document-date" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="form" label={t('catalogue.form')}>
            <Select options={[{ value: 'original', label: t('catalogue.original') }, { value: 'copy', label: t('catalogue.copy') }]} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="pages" label={t('catalogue.pages')} rules={[{ required: true, message: t('common.required', { field: t('catalogue.pages') }) }]}>
            <InputNumber min={0} max={10000} className="full-width" data-testid="document-pages" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {dossier.groups.length > 0 && (
          <Col span={12}>
            <Form.Item name="groupKey" label={t('catalogue.group')} extra={t('catalogue.groupMoveHint')}>
              <Select options={[...dossier.groups.map((g) => ({ value: g.key, label: g.name })), { value: NO_GROUP, label: t('catalogue.noGroup') }]} data-testid="document-group" />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item name="level" label={t('dossier.level')}>
            <Select options={levels.map((_, rank) => ({ value: rank, label: label(rank), disabled: rank > clearance }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="remarks" label={t('catalogue.remarks')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}
