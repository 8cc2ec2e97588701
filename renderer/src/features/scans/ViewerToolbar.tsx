import { CompressOutlined, LeftOutlined, RightOutlined, RotateLeftOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScanPageView } from '../../../../shared/contract';

interface Props {
  page: ScanPageView;
  index: number;
  count: number;
  scale: number;
  fitted: boolean;
  /** Null: the reader may not turn pages. */
  onRotate: ((direction: 1 | -1) => void) | null;
  rotating: boolean;
  onGo: (by: 1 | -1) => void;
  onFit: () => void;
  onActualSize: () => void;
  onZoom: (direction: 1 | -1) => void;
}

/** Page n of m, zoom, turning, and where the page comes from. */
export function ViewerToolbar({ page, index, count, scale, fitted, onRotate, rotating, onGo, onFit, onActualSize, onZoom }: Props) {
  const { t } = useTranslation();
  const multiPage = page.mediaType === 'application/pdf' || page.mediaType === 'image/tiff';
  return (
    <Flex gap="small" align="center" wrap className="scan-viewer-toolbar">
      <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => onGo(-1)} title={t('scans.previous')} aria-label={t('scans.previous')} data-testid="viewer-previous" />
      <Typography.Text className="nowrap" data-testid="viewer-position">
        {t('scans.pageOf', { n: index + 1, m: count })}
      </Typography.Text>
      <Button icon={<RightOutlined />} disabled={index === count - 1} onClick={() => onGo(1)} title={t('scans.next')} aria-label={t('scans.next')} data-testid="viewer-next" />
      <Divider orientation="vertical" />
      <Button icon={<CompressOutlined />} type={fitted ? 'primary' : 'default'} ghost={fitted} onClick={onFit} data-testid="viewer-fit">
        {t('scans.fit')}
      </Button>
      <Button onClick={onActualSize} data-testid="viewer-actual-size">
        100%
      </Button>
      <Button icon={<ZoomOutOutlined />} onClick={() => onZoom(-1)} title={t('scans.zoomOut')} aria-label={t('scans.zoomOut')} />
      <Typography.Text className="scan-viewer-scale" data-testid="viewer-scale">
        {Math.round(scale * 100)}%
      </Typography.Text>
      <Button icon={<ZoomInOutlined />} onClick={() => onZoom(1)} title={t('scans.zoomIn')} aria-label={t('scans.zoomIn')} />
      {onRotate && (
        <>
          <Divider orientation="vertical" />
          <Button icon={<RotateLeftOutlined />} disabled={rotating} onClick={() => onRotate(-1)} title={t('scans.rotateLeft')} aria-label={t('scans.rotateLeft')} data-testid="viewer-rotate-left" />
          <Button icon={<RotateRightOutlined />} disabled={rotating} onClick={() => onRotate(1)} title={t('scans.rotateRight')} aria-label={t('scans.rotateRight')} data-testid="viewer-rotate-right" />
        </>
      )}
      <Typography.Text type="secondary" className="scan-viewer-source" ellipsis={{ tooltip: page.sourceName }} data-testid="viewer-source">
        {multiPage ? t('scans.sourcePage', { name: page.sourceName, page: page.pageInFile + 1 }) : page.sourceName}
      </Typography.Text>
    </Flex>
  );
}
