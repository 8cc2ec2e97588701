import { useEffect, useRef, type CSSProperties } from 'react';
import type { CapturedPage } from './captured-pages';
import { drawLayout } from './draw-page';
import { pageLayout } from './page-layout';

interface Props {
  page: CapturedPage;
  /** The long side drawn, in pixels. */
  maxSide: number;
  /** Cropped as it will be filed (the strip), or whole (the crop editor). */
  cropped: boolean;
  className?: string;
  style?: CSSProperties;
}

/** A captured page drawn from its small copy, turned (and cropped) with the layout that files it. */
export function PageCanvas({ page, maxSide, cropped, className, style }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const crop = cropped ? page.crop : null;
  useEffect(() => {
    let gone = false;
    void createImageBitmap(page.preview).then((image) => {
      if (!gone && canvas.current) drawLayout(canvas.current, image, pageLayout({ width: image.width, height: image.height }, page.rotation, crop, { maxSide }));
      image.close();
    });
    return () => {
      gone = true;
    };
  }, [page.preview, page.rotation, crop, maxSide]);
  return <canvas ref={canvas} className={className} style={style} />;
}
