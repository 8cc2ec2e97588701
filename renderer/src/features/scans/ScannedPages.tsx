import { FileImageOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { DossierScans } from '../../../../shared/contract';
import { itemPageCount } from './scan-groups';

/** A checklist item's scanned pages, for the checklist of the documents tab ("—" until they are known). */
export function ScannedPages({ scans, itemKey }: { scans: DossierScans | undefined; itemKey: string }) {
  if (!scans) return <span className="muted">—</span>;
  const pages = itemPageCount(scans, itemKey);
  return pages > 0 ? (
    <Tag icon={<FileImageOutlined />} color="blue" data-testid={`scanned-${itemKey}`}>
      {pages}
    </Tag>
  ) : (
    <span className="muted" data-testid={`scanned-${itemKey}`}>0</span>
  );
}
