import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageImage } from './use-page-image';
import { turnedSize } from './zoom';

interface Props {
  image: PageImage;
  rotation: number;
  scale: number;
  /** The scrolling area, measured to fit the page into it. */
  viewport: (node: HTMLDivElement | null) => void;
}

/**
 * The page at its scale, turned by CSS (the file is never changed). The sheet takes the turned
 * page's size, so the scroll bars fit what is seen; the image is turned about the sheet's centre.
 */
export function ViewerCanvas({ image, rotation, scale, viewport }: Props) {
  const { t, i18n } = useTranslation();
  const { url, width = 0, height = 0 } = image;
  const sheet = turnedSize({ width: width * scale, height: height * scale }, rotation);
  return (
    <div className="scan-viewer-viewport" ref={viewport} data-testid="scan-viewer-viewport">
      {url ? (
        <div className="scan-viewer-sheet" style={{ width: sheet.width, height: sheet.height }}>
          <img src={url} alt="" className="scan-viewer-image" data-testid="scan-viewer-image" data-rotation={rotation} style={{ width: width * scale, height: height * scale, transform: `translate(-50%, -50%) rotate(${rotation}deg)` }} />
        </div>
      ) : image.failed ? (
        <Alert type="error" showIcon className="scan-viewer-failure" title={image.error?.text(i18n.language) ?? t('scans.imageFailed')} data-testid="scan-viewer-error" />
      ) : (
        <Spin className="scan-viewer-loading" />
      )}
    </div>
  );
}
