import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldKind } from '../../../../shared/dossier-types';
import { FieldInput } from './FieldInput';

/** What the grid needs of a field: a type's definition (create) or a dossier's field view (edit). */
export interface GridField {
  key: string;
  label: string;
  labelEn?: string | null | undefined;
  kind: FieldKind;
  required: boolean;
  sensitive: boolean;
  choices?: string[] | undefined;
  note?: string | undefined;
  /** A sensitive value on file that stays hidden: leaving the input empty keeps it. */
  masked?: boolean;
}

/** A type's subject fields, two to a row, under `fields.<key>` of the form. */
export function TypeFieldsGrid({ fields }: { fields: readonly GridField[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  if (fields.length === 0) return null;
  return (
    <Row gutter={16}>
      {fields.map((field) => {
        const label = english && field.labelEn ? field.labelEn : field.label;
        return (
          <Col span={12} key={field.key}>
            <Form.Item
              name={['fields', field.key]}
              label={`${label}${field.sensitive ? `（${t('catalogue.sensitive')}）` : ''}`}
              rules={field.required && !field.masked ? [{ required: true, message: t('common.required', { field: label }) }] : []}
              tooltip={field.note}
              extra={field.masked ? t('catalogue.maskedKeep') : undefined}
            >
              <FieldInput field={field} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
