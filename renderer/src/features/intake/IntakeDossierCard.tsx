import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { DateInput } from '../../ui/DateInput';
import type { DossierRow, ItemChoice } from './intake-form';

interface Props {
  index: number;
  row: DossierRow;
  onRemove: () => void;
}

/** One dossier of a hand-over: the date its deadline runs from, and its type's checklist ticked present or missing. */
export function IntakeDossierCard({ index, row, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const { settings } = useArchiveSettings();
  const english = i18n.language === 'en';
  const rule = row.typeKey ? settings.intakeDeadlines[row.typeKey] : undefined;
  const choices = (required: boolean): { value: ItemChoice; label: string }[] => [
    ...(required ? [] : [{ value: 'none' as const, label: t('intake.itemNone') }]),
    { value: 'present', label: t('intake.itemPresent') },
    { value: 'missing', label: t('intake.itemMissing') },
  ];
  return (
    <Card
      size="small"
      data-testid="intake-dossier"
      title={
        <Space size={8}>
          <Typography.Text strong>{row.archiveNumber ?? t('intake.newDossier', { type: row.typeName ?? '—' })}</Typography.Text>
          <Typography.Text type="secondary">{row.title}</Typography.Text>
          {row.typeName && <Tag>{row.typeName}</Tag>}
        </Space>
      }
      extra={
        <Button size="small" type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('intake.remove')}>
          {t('intake.remove')}
        </Button>
      }
    >
      <Form.Item name={['dossiers', index, 'triggerDate']} label={t('intake.triggerDate')} extra={triggerHint(t, rule, row)}>
        <DateInput className="intake-trigger-date" testId="intake-trigger-date" />
      </Form.Item>
      {row.checklist.length === 0 ? (
        <Typography.Text type="secondary">{t('intake.noChecklist')}</Typography.Text>
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '6px 16px' }}>
          {row.checklist.map((item) => (
            <Flex key={item.key} gap={8} align="center" data-testid="intake-item">
              <Form.Item name={['dossiers', index, 'items', item.key]} noStyle>
                <Radio.Group optionType="button" buttonStyle="solid" size="small" style={{ flexShrink: 0, whiteSpace: 'nowrap' }} options={choices(item.requirement === 'required')} aria-label={item.name} />
              </Form.Item>
              <Typography.Text type={row.items[item.key] === 'missing' ? 'danger' : undefined}>{english && item.nameEn ? item.nameEn : item.name}</Typography.Text>
            </Flex>
          ))}
        </div>
      )}
    </Card>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** Where the deadline runs from, as the type's setting says. */
function triggerHint(t: Translate, rule: { triggerField: string | null; workdays: number } | undefined, row: DossierRow): string {
  if (!rule) return t('intake.triggerNone');
  if (!rule.triggerField || !row.trigger) return t('intake.triggerGiven', { workdays: rule.workdays });
  const field = row.trigger.label;
  return row.trigger.value ? t('intake.triggerFromField', { field, value: row.trigger.value, workdays: rule.workdays }) : t('intake.triggerFieldEmpty', { field, workdays: rule.workdays });
}
