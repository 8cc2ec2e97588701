import { FileImageOutlined } from '@ant-design/icons';
import { Checkbox, Spin, Tooltip } from 'antd';
import { useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanPageView } from '../../../../shared/contract';
import { useScanDesk } from './scan-desk';
import { usePageImage } from './use-page-image';
import { useSeen } from './use-seen';

export interface PageDrag {
  dragging: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
  /** Whether a page of the same strip is being dragged over this one. */
  accepts: boolean;
  onDrop: () => void;
}

/** One page in a strip: its thumbnail (asked for when it comes into view), its number, a box to select it. */
export function PageThumbnail({ page, drag }: { page: ScanPageView; drag: PageDrag | null }) {
  const { t, i18n } = useTranslation();
  const desk = useScanDesk();
  const box = useRef<HTMLButtonElement>(null);
  const image = usePageImage(page.id, 'thumbnail', useSeen(box));
  const selected = desk.selected.has(page.id);
  const over = (event: DragEvent) => {
    if (!drag?.accepts) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  };
  return (
    <div
      className={`scan-thumb${selected ? ' scan-thumb-selected' : ''}${drag?.dragging ? ' scan-thumb-dragging' : ''}`}
      data-testid={`scan-page-${page.id}`}
      data-rotation={page.rotation}
      draggable={drag !== null}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-dossierdesk-page', String(page.id));
        event.dataTransfer.effectAllowed = 'move';
        drag?.onDragStart();
      }}
      onDragEnd={() => drag?.onDragEnd()}
      onDragOver={over}
      onDrop={(event) => {
        if (!drag?.accepts) return;
        event.preventDefault();
        drag.onDrop();
      }}
    >
      <Tooltip title={`${page.sourceName}${image.failed ? ` – ${image.error?.text(i18n.language) ?? t('scans.imageFailed')}` : ''}`}>
        <button type="button" className="scan-thumb-image" ref={box} onClick={() => desk.view(page.id)} aria-label={t('scans.openPage', { position: page.position })}>
          {image.url ? (
            <img src={image.url} alt="" draggable={false} style={{ transform: `rotate(${page.rotation}deg)` }} />
          ) : image.failed ? (
            <FileImageOutlined className="scan-thumb-missing" />
          ) : (
            <Spin size="small" />
          )}
        </button>
      </Tooltip>
      <div className="scan-thumb-foot">
        {desk.editable && <Checkbox checked={selected} onChange={() => desk.toggle(page.id)} aria-label={t('scans.selectPage', { position: page.position })} data-testid={`select-page-${page.id}`} />}
        <span className="scan-thumb-number">{page.position}</span>
      </div>
    </div>
  );
}
