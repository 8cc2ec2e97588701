import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionCheckView } from '../../../../shared/contract';
import { checkItemLabels, measuredItems } from '../../../../shared/inspections';

/** The checklist as recorded; `onEdit` while the inspection is open. */
export function ChecklistCard({ checks, onEdit }: { checks: readonly InspectionCheckView[]; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <Card
      size="small"
      title={t('inspections.checklist')}
      data-testid="inspection-checklist"
      extra={
        onEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-checklist">
            {t('inspections.editChecklist')}
          </Button>
        )
      }
    >
      {checks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.checklistEmpty')} />
      ) : (
        <Table<InspectionCheckView>
          size="small"
          pagination={false}
          rowKey="item"
          dataSource={[...checks]}
          columns={[
            { title: t('inspections.checkItem'), width: 160, render: (_, c) => checkItemLabels[c.item][language] },
            { title: t('inspections.reading'), width: 110, render: (_, c) => (c.reading === null ? '' : `${c.reading} ${measuredItems[c.item]?.unit ?? ''}`) },
            { title: t('inspections.result'), width: 100, render: (_, c) => <Tag color={c.status === 'ok' ? 'green' : 'red'}>{t(`inspections.statuses.${c.status}`)}</Tag> },
            { title: t('inspections.note'), render: (_, c) => c.note ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
