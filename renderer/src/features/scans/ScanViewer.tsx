import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierScans } from '../../../../shared/contract';
import { usePageImage } from './use-page-image';
import { useElementSize } from './use-element-size';
import { useViewerKeys } from './use-viewer-keys';
import { ViewerCanvas } from './ViewerCanvas';
import { ViewerToolbar } from './ViewerToolbar';
import { ViewerWatermark } from './ViewerWatermark';
import { FIT, fitScale, scaleOf, turned, zoomed, type Rotation, type Zoom } from './zoom';

const FIT_MARGIN = 24;

interface Props {
  scans: DossierScans;
  pageId: number;
  /** A classified dossier: its pages are shown under a watermark of the viewer and the time. */
  classified: boolean;
  /** Null: the reader may not turn pages. */
  onRotate: ((pageId: number, rotation: Rotation) => void) | null;
  rotating: boolean;
  onGo: (pageId: number) => void;
  onClose: () => void;
}

/** One page at a time, through the pages of its document: zoom, turn (stored), keyboard shortcuts. */
export function ScanViewer({ scans, pageId, classified, onRotate, rotating, onGo, onClose }: Props) {
  const { t } = useTranslation();
  const document = scans.documents.find((d) => d.pages.some((p) => p.id === pageId));
  const index = document?.pages.findIndex((p) => p.id === pageId) ?? -1;
  const page = document?.pages[index];
  const image = usePageImage(page ? page.id : null, 'view');
  const [viewport, area] = useElementSize<HTMLDivElement>();
  const [zoom, setZoom] = useState<Zoom>(FIT);
  const rotation = page?.rotation ?? 0;
  // Fitted with a margin around the page, so its edges show.
  const scale = scaleOf(zoom, fitScale({ width: image.width ?? 0, height: image.height ?? 0 }, rotation, { width: area.width - FIT_MARGIN, height: area.height - FIT_MARGIN }));

  const go = (by: 1 | -1) => {
    const next = document?.pages[index + by];
    if (next) onGo(next.id);
  };
  const rotate = onRotate && page ? (direction: 1 | -1) => !rotating && onRotate(page.id, turned(page.rotation, direction)) : null;
  useViewerKeys(
    { previous: () => go(-1), next: () => go(1), zoomIn: () => setZoom(zoomed(scale, 1)), zoomOut: () => setZoom(zoomed(scale, -1)), rotate: (direction) => rotate?.(direction), close: onClose },
    page !== undefined,
  );

  return (
    <Modal
      open={page !== undefined}
      onCancel={onClose}
      keyboard={false}
      footer={null}
      centered
      width="min(1280px, 96vw)"
      classNames={{ body: 'scan-viewer-body' }}
      title={document && <Typography.Text ellipsis={{ tooltip: document.title }}>{document.title}</Typography.Text>}
      data-testid="scan-viewer"
    >
      {page && (
        <>
          <ViewerToolbar
            page={page}
            index={index}
            count={document?.pages.length ?? 0}
            scale={scale}
            fitted={zoom.fit}
            onRotate={rotate}
            rotating={rotating}
            onGo={go}
            onFit={() => setZoom(FIT)}
            onActualSize={() => setZoom({ fit: false, scale: 1 })}
            onZoom={(direction) => setZoom(zoomed(scale, direction))}
          />
          <ViewerWatermark active={classified}>
            <ViewerCanvas image={image} rotation={rotation} scale={scale} viewport={viewport} />
          </ViewerWatermark>
          {classified && <div className="scan-viewer-note muted">{t('scans.classifiedNote')}</div>}
        </>
      )}
    </Modal>
  );
}
