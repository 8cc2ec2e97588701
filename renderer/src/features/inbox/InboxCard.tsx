import { FileExclamationOutlined, FileImageOutlined } from '@ant-design/icons';
import { Checkbox, Spin, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../../../../shared/contract';
import { useInboxThumbnail } from './use-inbox-thumbnail';

function SheetTag({ entry }: { entry: InboxEntry }) {
  const { t, i18n } = useTranslation();
  if (entry.sheet?.kind === 'separator') return <Tag color="purple">{t('inbox.separator')}</Tag>;
  if (entry.sheet?.kind !== 'cover') return null;
  const { archiveNumber, checklistItemKey } = entry.sheet;
  const item = entry.coverItem ? (i18n.language === 'en' ? (entry.coverItem.nameEn ?? entry.coverItem.name) : entry.coverItem.name) : checklistItemKey;
  return (
    <Tag color="blue" className="inbox-card-cover" data-testid="inbox-cover">
      {item ? t('inbox.coverItem', { archiveNumber, item }) : t('inbox.cover', { archiveNumber })}
    </Tag>
  );
}

/** One file of the scan inbox: its thumbnail, name, pages, and what it is (cover, separator, not a scan, filed before). */
export function InboxCard({ entry, selected, onSelect }: { entry: InboxEntry; selected: boolean; onSelect: (on: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const image = useInboxThumbnail(entry.name, `${entry.size}:${entry.modifiedAt}`, entry.state === 'scan');
  const reason = entry.reason ? (i18n.language === 'en' ? entry.reason.en : entry.reason.zh) : null;
  return (
    <div className={`scan-thumb inbox-card${selected ? ' scan-thumb-selected' : ''}`} data-testid={`inbox-file-${entry.name}`} data-state={entry.state}>
      <button type="button" className="scan-thumb-image" onClick={() => onSelect(!selected)} aria-label={entry.name}>
        {image.url ? <img src={image.url} alt="" draggable={false} /> : entry.state === 'refused' ? <FileExclamationOutlined className="scan-thumb-missing" /> : image.failed ? <FileImageOutlined className="scan-thumb-missing" /> : <Spin size="small" />}
      </button>
      <div className="inbox-card-text">
        <Checkbox checked={selected} onChange={(event) => onSelect(event.target.checked)}>
          <Tooltip title={entry.name}>
            <Typography.Text ellipsis style={{ maxWidth: 150 }}>
              {entry.name}
            </Typography.Text>
          </Tooltip>
        </Checkbox>
        <div>
          {entry.state === 'checking' && <Tag>{t('inbox.checking')}</Tag>}
          {entry.pages !== null && <Tag>{t('inbox.pages', { count: entry.pages })}</Tag>}
          <SheetTag entry={entry} />
          {reason && <Tag color="red">{t('inbox.refused')}</Tag>}
          {entry.filedOn && <Tag color="orange">{t('inbox.filedOn', { archiveNumber: entry.filedOn.archiveNumber, title: entry.filedOn.documentTitle })}</Tag>}
        </div>
        {reason && (
          // The reason is what the clerk acts on (rescan, or delete): shown, not hidden in a tooltip.
          <Typography.Paragraph type="danger" className="inbox-card-reason" ellipsis={{ rows: 3, tooltip: reason }} data-testid="inbox-reason">
            {reason}
          </Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
